package org.gcmreview.submission;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts the submission task forms make in Java (bundle {@code i18n/submission}): validation errors and the
 * message shown once a task is done, in the language of the current request. Numbers that are not quantities
 * (version numbers) are passed as strings, so that MessageFormat gives them no digit grouping.
 */
@Component
class SubmissionMessages {

    private final MessageSource messages;

    SubmissionMessages(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
