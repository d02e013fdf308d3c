package org.gcmreview.submission.handover;

import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.submission.ReviewRounds;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.support.FormBinder;
import org.springframework.stereotype.Component;

/** national-review, ChooseRegionalRound: no regional round was open when the report was to go. */
@Component
class ChooseRegionalRoundForm extends ChooseRoundForm {

    ChooseRegionalRoundForm(ReviewCycles cycles, ReviewRounds rounds, AuditLog audit, SubmissionMessages messages,
            FormBinder binder) {
        super(RoundKind.REGIONAL, cycles, rounds, audit, messages, binder);
    }

    @Override
    public String formKey() {
        return "choose-regional-round";
    }
}
