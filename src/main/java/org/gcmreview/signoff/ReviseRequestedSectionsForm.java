package org.gcmreview.signoff;

import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.report.Contributions;
import org.gcmreview.report.ReportEditingForm;
import org.gcmreview.report.ReportSections;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** "Revise the requested sections": the report editor with the ministries' requests of the last round. */
@Component
class ReviseRequestedSectionsForm extends ReportEditingForm {

    private final SignOffDecisions decisions;

    ReviseRequestedSectionsForm(ReviewCycles cycles, ReportSections sections, Contributions contributions,
            AuditLog audit, SignOffDecisions decisions) {
        super(cycles, sections, contributions, audit);
        this.decisions = decisions;
    }

    @Override
    public String formKey() {
        return "revise-requested-sections";
    }

    @Override
    protected String purpose() {
        return "Ministries asked for changes before they sign off. Make the changes, then send the report for a "
                + "new sign-off round; every ministry decides again.";
    }

    @Override
    protected String sendLabel() {
        return "Send for a new sign-off round";
    }

    @Override
    protected String sentAction() {
        return "REPORT_REVISED_FOR_SIGNOFF";
    }

    @Override
    protected void addContext(ReviewCycle cycle, Model model) {
        model.addAttribute("changeRequests", decisions.latestChangeRequests(cycle.id()));
    }
}
