package org.gcmreview.submission.publication;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.Endorsements;
import org.springframework.stereotype.Component;

/**
 * national-review, PublishReport: from now on the report (its version endorsed last and the version history up
 * to it) is public; the coordinator confirmed it (PublishEndorsedReport). A version frozen after that endorsement
 * is not public until it is endorsed in turn (issue 14.4). Publishing twice (a retried job) keeps the first
 * publication date.
 */
@Component
class PublishReport implements JavaDelegate {

    private final ReviewCycles cycles;
    private final ReportVersions versions;
    private final AuditLog audit;
    private final Endorsements endorsements;
    private final Publications publications;

    PublishReport(ReviewCycles cycles, ReportVersions versions, AuditLog audit, Endorsements endorsements,
            Publications publications) {
        this.publications = publications;
        this.endorsements = endorsements;
        this.cycles = cycles;
        this.versions = versions;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(NationalReview.VAR_CYCLE_ID);
        if (!(id instanceof Number cycleId)) {
            throw new IllegalStateException("Process variable cycleId is missing");
        }
        ReviewCycle cycle = cycles.findById(cycleId.longValue())
                .orElseThrow(() -> new IllegalStateException("No review cycle " + cycleId));
        var version = endorsements.find(cycle.id()).flatMap(e -> versions.find(e.reportVersionId()))
                .orElseThrow(() -> new IllegalStateException(cycle.businessKey() + " has no endorsed version to publish"));
        Object by = execution.getVariable(PublishEndorsedReportForm.VAR_PUBLISHED_BY);
        publications.record(cycle.id(), version.id(), by instanceof String name ? name : "system");
        cycles.markPublished(cycle.id());
        cycles.updateStatus(cycle.id(), CycleStatus.PUBLISHED);
        audit.record(AuditEntry.of("system", "REPORT_PUBLISHED", cycle.countryIso3(), "review_cycle", cycle.id(),
                "version " + version.versionNo() + " (" + version.sha256() + ")"));
    }
}
