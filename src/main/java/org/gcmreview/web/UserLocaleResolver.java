package org.gcmreview.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
    /** Session attribute holding the signed-in user's saved language ("" when they saved none). */
    static final String SESSION_PREFERENCE = UserLocaleResolver.class.getName() + ".preference";

    private final UserAccountRepository users;

    UserLocaleResolver(UserAccountRepository users) {
        super(COOKIE);
        this.users = users;
        setCookieMaxAge(Duration.ofDays(365));
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
        setDefaultLocaleFunction(this::fallback);
        // A cookie whose optional time-zone part ("fr/Europe/Paris") does not parse is read for its language
        // alone, never answered with an error.
        setRejectInvalidCookies(false);
    }

    /**
     * Only a language the product offers counts. Anything else in the cookie (edited by hand, from an old
     * version, hostile like "../../etc") is as if there were no cookie: the fallback below chooses. It is never
     * echoed into {@code <html lang>} or Content-Language, and never breaks a page.
     */
    @Override
    protected Locale parseLocaleValue(String localeValue) {
        return SupportedLanguages.parse(localeValue).orElse(null);
    }

    private Locale fallback(HttpServletRequest request) {
        Locale saved = SignedInUser.current()
                .flatMap(user -> savedPreference(request, user))
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

    /**
     * The user's saved language, read from their profile once per session and then kept in the session: without
     * a cookie every page would otherwise cost a query. A choice made on another device applies from the next
     * sign-in here.
     */
    private Optional<String> savedPreference(HttpServletRequest request, CurrentUser user) {
        HttpSession session = request.getSession(false);
        Object kept = session == null ? null : session.getAttribute(SESSION_PREFERENCE);
        if (kept instanceof String language) {
            return language.isEmpty() ? Optional.empty() : Optional.of(language);
        }
        Optional<String> language = users.preferredLanguage(user.id());
        if (session != null) {
            session.setAttribute(SESSION_PREFERENCE, language.orElse(""));
        }
        return language;
    }

    /** Remembers the choice on this browser and, for a signed-in user, in their profile. */
    void choose(HttpServletRequest request, HttpServletResponse response, Locale locale, CurrentUser user) {
        setLocale(request, response, locale);
        if (user != null) {
            users.savePreferredLanguage(user.id(), locale.getLanguage());
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(SESSION_PREFERENCE, locale.getLanguage());
            }
        }
    }
}
