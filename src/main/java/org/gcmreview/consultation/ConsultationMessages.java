package org.gcmreview.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.gcmreview.support.Messages;
import org.gcmreview.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The consultation's user-facing text (bundle {@code i18n/consultation}) in the language of the current
 * request. Services resolve their messages here so that a refusal reads the same on the page and in a mail.
 */
@Component
public class ConsultationMessages extends Messages {

    /** Past this many texts (far more than 23 objectives in six languages) the cache starts again. */
    private static final int MAX_TEXTS = 2_000;

    private final ConsultationProperties properties;
    private final Formats formats;
    /**
     * Texts of the consultation page already formatted. The page names every open objective twice and each of the
     * author's earlier inputs once; each naming formatted the message with its one MessageFormat, which Spring
     * shares and locks, so at 32 clients the page's threads queued on it (issue 19.1, JFR). The key holds
     * everything the text is made of.
     */
    private final Map<Text, String> texts = new ConcurrentHashMap<>();

    private record Text(Locale locale, String key, List<Object> args) {
    }

    ConsultationMessages(MessageSource source, ConsultationProperties properties, Formats formats) {
        super(source);
        this.properties = properties;
        this.formats = formats;
    }

    /** The name of a stakeholder type (or INDIVIDUAL) in the user's language, else as the database names it. */
    public String typeName(String code, String storedName) {
        return source().getMessage("consultation.type." + code, null, storedName == null ? code : storedName,
                LocaleContextHolder.getLocale());
    }

    /** A moment as the consultation pages show it: day, month, year and time in UTC, in the user's language. */
    public String dateTime(Instant instant) {
        return formats.dateTime(instant);
    }

    /** A date typed as ISO text (yyyy-MM-dd), as the pages show dates: in the user's language. */
    public String isoDate(String text) {
        return formats.isoDate(text);
    }

    /** "Objective 3: short title", in the user's language. */
    String objectiveTitled(int number, String shortTitle) {
        return kept("consultation.target.objectiveTitled", number, shortTitle);
    }

    /** "Objective 3", in the user's language. */
    String objective(int number) {
        return kept("consultation.target.objective", number);
    }

    /**
     * A message in the user's language, formatted once and then kept: only for arguments from a small set (objective
     * numbers and titles, a cycle's title and country, configured limits), never for what users type.
     */
    String kept(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return kept(new Text(locale, key, List.of(args)), () -> in(locale, key, args));
    }

    /**
     * A message whose arguments never change but are themselves formatted in the user's language (a size, say):
     * made, arguments and all, once per language and then kept.
     */
    String keptWithFixedArguments(String key, Supplier<Object[]> args) {
        Locale locale = LocaleContextHolder.getLocale();
        return kept(new Text(locale, key, List.of()), () -> in(locale, key, args.get()));
    }

    private String kept(Text text, Supplier<String> format) {
        String known = texts.get(text);
        if (known != null) {
            return known;
        }
        if (texts.size() >= MAX_TEXTS) {
            texts.clear();
        }
        String formatted = format.get();
        texts.put(text, formatted);
        return formatted;
    }

    int maxSubmissions() {
        return properties.rateLimit().maxSubmissions();
    }
}
