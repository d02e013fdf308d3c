package org.gcmreview.submission;

import org.gcmreview.audit.AuditLog;
import org.springframework.stereotype.Component;

/** imrf-review, CloseImrfEdition. */
@Component
class CloseImrfEditionForm extends CloseRoundForm {

    CloseImrfEditionForm(ReviewRounds rounds, Submissions submissions, AuditLog audit, SubmissionMessages messages,
            RoundClosing closing) {
        super(rounds, submissions, audit, messages, closing);
    }

    @Override
    public String formKey() {
        return "close-imrf-edition";
    }
}
