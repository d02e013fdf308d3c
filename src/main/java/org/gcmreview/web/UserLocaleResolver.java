package org.gcmreview.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.SignedInUser;
import org.gcmreview.identity.UserAccountRepository;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The page language: the choice made on this browser (cookie), else the signed-in user's saved preference (so
 * it follows them to another device), else the browser's Accept-Language among the supported ones, else English.
 */
class UserLocaleResolver extends CookieLocaleResolver {

    static final String COOKIE = "gcm-lang";

    private final UserAccountRepository users;

    UserLocaleResolver(UserAccountRepository users) {
        super(COOKIE);
        this.users = users;
        setCookieMaxAge(Duration.ofDays(365));
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
        setDefaultLocaleFunction(this::fallback);
    }

    private Locale fallback(HttpServletRequest request) {
        Locale saved = SignedInUser.current()
                .flatMap(user -> users.preferredLanguage(user.id()))
                .flatMap(SupportedLanguages::parse)
                .orElse(null);
        if (saved != null) {
            return saved;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    var supported = SupportedLanguages.parse(range.getRange().split("-")[0]);
                    if (supported.isPresent()) {
                        return supported.get();
                    }
                }
            } catch (IllegalArgumentException malformedHeader) {
                // a malformed header is not the user's fault: fall through to English
            }
        }
        return SupportedLanguages.DEFAULT;
    }

    /** Remembers the choice on this browser and, for a signed-in user, in their profile. */
    void choose(HttpServletRequest request, HttpServletResponse response, Locale locale, CurrentUser user) {
        setLocale(request, response, locale);
        if (user != null) {
            users.savePreferredLanguage(user.id(), locale.getLanguage());
        }
    }
}
