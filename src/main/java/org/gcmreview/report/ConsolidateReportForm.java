package org.gcmreview.report;

import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycles;
import org.springframework.stereotype.Component;

/** "Consolidate the report": the coordinator merges the contributions into the report's sections. */
@Component
class ConsolidateReportForm extends ReportEditingForm {

    ConsolidateReportForm(ReviewCycles cycles, ReportSections sections, Contributions contributions,
            AuditLog audit) {
        super(cycles, sections, contributions, audit);
    }

    @Override
    public String formKey() {
        return "consolidate-report";
    }

    @Override
    protected String purpose() {
        return "Merge the ministries' contributions into the report. Objective sections nobody has written "
                + "yet start from the contributions. When every section is written, send the draft on to the "
                + "stakeholder consultation.";
    }

    @Override
    protected String sendLabel() {
        return "Send to the stakeholder consultation";
    }

    @Override
    protected String sentAction() {
        return "REPORT_CONSOLIDATED";
    }
}
