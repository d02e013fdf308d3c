package org.gcmreview.submission;

import org.gcmreview.support.Messages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts the submission task forms make in Java (bundle {@code i18n/submission}): validation errors and the
 * message shown once a task is done, in the language of the current request. Numbers that are not quantities
 * (version numbers) are passed as strings, so that MessageFormat gives them no digit grouping.
 */
@Component
public class SubmissionMessages extends Messages {

    SubmissionMessages(MessageSource messages) {
        super(messages);
    }
}
