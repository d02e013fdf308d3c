package org.gcmreview.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * A short page for a request refused before Spring MVC runs (by a servlet filter or Spring Security), where no
 * template can be rendered: the title and text of {@code <key>.title} and {@code <key>.text}, escaped.
 */
public final class RefusalPage {

    private RefusalPage() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, MessageSource messages, int status,
            String key) throws IOException {
        Locale locale = request.getLocale();
        String title = messages.getMessage(key + ".title", null, locale);
        String text = messages.getMessage(key + ".text", null, locale);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        byte[] page = ("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.getLanguage())
                + "\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title) + "</title></head>"
                + "<body><main><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(text)
                + "</p></main></body></html>").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
