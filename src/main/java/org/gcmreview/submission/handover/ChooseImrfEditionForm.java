package org.gcmreview.submission.handover;

import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.submission.ReviewRounds;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.support.FormBinder;
import org.springframework.stereotype.Component;

/** national-review, ChooseImrfEdition: no IMRF edition was open when the report was to go. */
@Component
class ChooseImrfEditionForm extends ChooseRoundForm {

    ChooseImrfEditionForm(ReviewCycles cycles, ReviewRounds rounds, AuditLog audit, SubmissionMessages messages,
            FormBinder binder) {
        super(RoundKind.IMRF, cycles, rounds, audit, messages, binder);
    }

    @Override
    public String formKey() {
        return "choose-imrf-edition";
    }
}
