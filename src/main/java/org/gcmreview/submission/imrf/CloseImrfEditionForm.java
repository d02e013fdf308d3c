package org.gcmreview.submission.imrf;

import org.gcmreview.support.FormBinder;
import org.gcmreview.submission.RoundClosing;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.submission.CloseRoundForm;
import org.gcmreview.submission.ReviewRounds;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.submission.Submissions;
import org.springframework.stereotype.Component;

/** imrf-review, CloseImrfEdition. */
@Component
class CloseImrfEditionForm extends CloseRoundForm {

    CloseImrfEditionForm(ReviewRounds rounds, Submissions submissions, AuditLog audit, SubmissionMessages messages,
            RoundClosing closing, FormBinder binder) {
        super(rounds, submissions, audit, messages, closing, binder);
    }

    @Override
    public String formKey() {
        return "close-imrf-edition";
    }
}
