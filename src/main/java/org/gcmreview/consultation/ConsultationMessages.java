package org.gcmreview.consultation;

import java.time.Instant;

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

    private final ConsultationProperties properties;
    private final Formats formats;

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

    int maxSubmissions() {
        return properties.rateLimit().maxSubmissions();
    }
}
