package org.gcmreview.submission;

import org.gcmreview.audit.AuditLog;
import org.springframework.stereotype.Component;

/** regional-review, PrepareRegionalSynthesis. */
@Component
class RegionalSynthesisForm extends CloseRoundForm {

    RegionalSynthesisForm(ReviewRounds rounds, Submissions submissions, AuditLog audit, SubmissionMessages messages,
            RoundClosing closing) {
        super(rounds, submissions, audit, messages, closing);
    }

    @Override
    public String formKey() {
        return "regional-synthesis";
    }
}
