package org.gcmreview.report;

import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycles;
import org.springframework.stereotype.Component;

/** "Revise the draft after consultation": the coordinator works the stakeholders' inputs into the report. */
@Component
class ReviseDraftForm extends ReportEditingForm {

    ReviseDraftForm(ReviewCycles cycles, ReportSections sections, Contributions contributions, AuditLog audit) {
        super(cycles, sections, contributions, audit);
    }

    @Override
    public String formKey() {
        return "revise-draft";
    }

    @Override
    protected String purpose() {
        return "Revise the draft in the light of the stakeholders' inputs, then send it to the ministries for "
                + "sign-off.";
    }

    @Override
    protected String sendLabel() {
        return "Send for sign-off";
    }

    @Override
    protected String sentAction() {
        return "REPORT_REVISED_AFTER_CONSULTATION";
    }
}
