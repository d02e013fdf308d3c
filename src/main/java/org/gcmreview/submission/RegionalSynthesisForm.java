package org.gcmreview.submission;

import org.gcmreview.audit.AuditLog;
import org.gcmreview.support.FormBinder;
import org.springframework.stereotype.Component;

/** regional-review, PrepareRegionalSynthesis. */
@Component
class RegionalSynthesisForm extends CloseRoundForm {

    RegionalSynthesisForm(ReviewRounds rounds, Submissions submissions, AuditLog audit, SubmissionMessages messages,
            FormBinder binder) {
        super(rounds, submissions, audit, messages, binder);
    }

    @Override
    public String formKey() {
        return "regional-synthesis";
    }
}
