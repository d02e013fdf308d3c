package org.gcmreview.report;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts of the drafting, consolidation and sign-off pages (bundle {@code i18n/drafting}) for messages made in
 * Java, such as validation errors, in the language of the current request (English outside a request, e.g.
 * in a timer's job). Numbers that are not quantities (years, ids) must be passed as strings, or they get digit
 * grouping.
 */
@Component
public class DraftingMessages {

    private final MessageSource messages;

    DraftingMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** In a given language, e.g. a mail in its recipient's language. */
    public String in(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
