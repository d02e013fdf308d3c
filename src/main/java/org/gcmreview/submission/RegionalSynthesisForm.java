package org.gcmreview.submission;

import org.gcmreview.audit.AuditLog;
import org.springframework.stereotype.Component;

/** regional-review, PrepareRegionalSynthesis. */
@Component
class RegionalSynthesisForm extends CloseRoundForm {

    RegionalSynthesisForm(ReviewRounds rounds, Submissions submissions, AuditLog audit, SubmissionMessages messages) {
        super(rounds, submissions, audit, messages);
    }

    @Override
    public String formKey() {
        return "regional-synthesis";
    }
}
