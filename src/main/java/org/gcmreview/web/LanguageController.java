package org.gcmreview.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch in the page header: a plain form, so it works without JavaScript. */
@Controller
class LanguageController {

    private final UserLocaleResolver locales;

    LanguageController(LocaleResolver locales) {
        this.locales = (UserLocaleResolver) locales;
    }

    @PostMapping("/language")
    String choose(@RequestParam("lang") String lang, @RequestParam(name = "return", required = false) String returnTo,
            HttpServletRequest request, HttpServletResponse response) {
        var locale = SupportedLanguages.parse(lang)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unsupported language"));
        locales.choose(request, response, locale, SignedInUser.current().orElse(null));
        return "redirect:" + safeReturnPath(returnTo);
    }

    /** Only a path on this site, never another host (no open redirect). */
    static String safeReturnPath(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.contains("\r") || returnTo.contains("\n")) {
            return "/";
        }
        return returnTo;
    }
}
