package org.gcmreview.submission.imrf;

import org.gcmreview.audit.AuditLog;
import org.gcmreview.submission.CloseRoundForm;
import org.gcmreview.submission.ReviewRounds;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.submission.Submissions;
import org.springframework.stereotype.Component;

/** imrf-review, CloseImrfEdition. */
@Component
class CloseImrfEditionForm extends CloseRoundForm {

    CloseImrfEditionForm(ReviewRounds rounds, Submissions submissions, AuditLog audit, SubmissionMessages messages) {
        super(rounds, submissions, audit, messages);
    }

    @Override
    public String formKey() {
        return "close-imrf-edition";
    }
}
