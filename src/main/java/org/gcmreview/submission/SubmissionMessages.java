package org.gcmreview.submission;

import org.gcmreview.support.Messages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts the submission task forms make in Java (bundle {@code i18n/submission}): validation errors and the
 * message shown once a task is done, in the language of the current request. Numbers (version numbers too) are
 * passed as numbers, so that MessageFormat writes them in the page's digits (Arabic-Indic on Arabic pages; issue 17.6).
 */
@Component
public class SubmissionMessages extends Messages {

    SubmissionMessages(MessageSource messages) {
        super(messages);
    }
}
