package org.gcmreview.submission.regional;

import org.gcmreview.support.FormBinder;
import org.gcmreview.submission.RoundClosing;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.submission.CloseRoundForm;
import org.gcmreview.submission.ReviewRounds;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.submission.Submissions;
import org.springframework.stereotype.Component;

/** regional-review, PrepareRegionalSynthesis. */
@Component
class RegionalSynthesisForm extends CloseRoundForm {

    RegionalSynthesisForm(ReviewRounds rounds, Submissions submissions, AuditLog audit, SubmissionMessages messages,
            RoundClosing closing, FormBinder binder) {
        super(rounds, submissions, audit, messages, closing, binder);
    }

    @Override
    public String formKey() {
        return "regional-synthesis";
    }
}
