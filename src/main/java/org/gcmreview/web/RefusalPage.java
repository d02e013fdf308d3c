package org.gcmreview.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * A short page for a request refused before Spring MVC runs (by a servlet filter or Spring Security), where no
 * template can be rendered: the title and text of {@code <key>.title} and {@code <key>.text}, escaped, in the
 * user's language (the language cookie, else the browser's languages, among the supported ones).
 */
public final class RefusalPage {

    private RefusalPage() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, MessageSource messages, int status,
            String key, Object... arguments) throws IOException {
        Locale locale = locale(request);
        String title = messages.getMessage(key + ".title", null, locale);
        String text = messages.getMessage(key + ".text", arguments, locale);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        byte[] page = ("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.getLanguage()) + "\""
                + (SupportedLanguages.rightToLeft(locale) ? " dir=\"rtl\"" : "")
                + "><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title, "UTF-8") + "</title></head>"
                + "<body><main><h1>" + HtmlUtils.htmlEscape(title, "UTF-8") + "</h1><p>" + HtmlUtils.htmlEscape(text, "UTF-8")
                + "</p></main></body></html>").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /**
     * The page's language without the application's locale resolver (it runs in Spring MVC, after this page is
     * written): the language chosen on this browser, else the first supported one the browser asks for.
     */
    static Locale locale(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (UserLocaleResolver.COOKIE.equals(cookie.getName())) {
                    Optional<Locale> chosen = SupportedLanguages.parse(cookie.getValue().split("[-_ ]")[0]);
                    if (chosen.isPresent()) {
                        return chosen.get();
                    }
                }
            }
        }
        for (Locale asked : Collections.list(request.getLocales())) {
            Optional<Locale> supported = SupportedLanguages.parse(asked.getLanguage());
            if (supported.isPresent()) {
                return supported.get();
            }
        }
        return SupportedLanguages.DEFAULT;
    }
}
