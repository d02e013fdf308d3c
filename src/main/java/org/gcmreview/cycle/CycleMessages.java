package org.gcmreview.cycle;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts the cycle feature makes in Java (bundle {@code i18n/cycle}): validation errors and flash messages, in
 * the language of the current request. Numbers that are not quantities (codes, objective numbers) are passed as
 * strings, so that MessageFormat gives them no digit grouping.
 */
@Component
class CycleMessages {

    private final MessageSource messages;

    CycleMessages(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
