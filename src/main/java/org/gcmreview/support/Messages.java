package org.gcmreview.support;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * User-facing text from the message bundles, in the language of the current request or in a given one. Each
 * feature has its own subclass as a bean (CycleMessages, DraftingMessages, ...), so a feature's services ask
 * for their own texts.
 */
public abstract class Messages {

    private final MessageSource source;

    protected Messages(MessageSource source) {
        this.source = source;
    }

    /** In the current request's language. */
    public String get(String key, Object... args) {
        return source.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** In a given language, e.g. a mail in its recipient's language. */
    public String in(Locale locale, String key, Object... args) {
        return source.getMessage(key, args, locale);
    }

    protected MessageSource source() {
        return source;
    }
}
