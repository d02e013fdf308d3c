package org.gcmreview.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The six official UN languages, each with a complete message bundle (MessageBundlesTest keeps them complete).
 */
public final class SupportedLanguages {

    public static final List<String> CODES = List.of("en", "fr", "es", "ar", "zh", "ru");
    public static final Locale DEFAULT = Locale.ENGLISH;

    private SupportedLanguages() {
    }

    public static Optional<Locale> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String language = code.trim().toLowerCase(Locale.ROOT);
        return CODES.contains(language) ? Optional.of(Locale.forLanguageTag(language)) : Optional.empty();
    }

    public static boolean rightToLeft(Locale locale) {
        return "ar".equals(locale.getLanguage());
    }
}
