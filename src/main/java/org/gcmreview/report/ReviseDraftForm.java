package org.gcmreview.report;

import org.springframework.stereotype.Component;

/** "Revise the draft after consultation": the coordinator works the stakeholders' inputs into the report. */
@Component
class ReviseDraftForm extends ReportEditingForm {

    ReviseDraftForm(ReportEditorParts parts) {
        super(parts);
    }

    @Override
    public String formKey() {
        return "revise-draft";
    }

    @Override
    protected String purposeKey() {
        return "report.purpose.revise";
    }

    @Override
    protected String sendLabelKey() {
        return "report.send.revise";
    }

    @Override
    protected String sentAction() {
        return "REPORT_REVISED_AFTER_CONSULTATION";
    }
}
