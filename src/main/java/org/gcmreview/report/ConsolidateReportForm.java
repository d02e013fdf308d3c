package org.gcmreview.report;

import org.springframework.stereotype.Component;

/** "Consolidate the report": the coordinator merges the contributions into the report's sections. */
@Component
class ConsolidateReportForm extends ReportEditingForm {

    ConsolidateReportForm(ReportEditorParts parts) {
        super(parts);
    }

    @Override
    public String formKey() {
        return "consolidate-report";
    }

    @Override
    protected String purposeKey() {
        return "report.purpose.consolidate";
    }

    @Override
    protected String sendLabelKey() {
        return "report.send.consolidate";
    }

    @Override
    protected String sentAction() {
        return "REPORT_CONSOLIDATED";
    }
}
