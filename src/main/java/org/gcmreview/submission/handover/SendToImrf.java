package org.gcmreview.submission.handover;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.processes.ImrfReview;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.Endorsements;
import org.gcmreview.submission.ProcessVariables;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.RoundKind;
import org.springframework.stereotype.Component;

/**
 * national-review, SendToImrf: the version the regional secretariat acknowledged (the latest frozen one) goes
 * to the IMRF edition's imrf-review instance as an IMRF submission.
 */
@Component
class SendToImrf implements JavaDelegate {

    static final String MESSAGE = ImrfReview.MESSAGE_REPORT_SUBMITTED;

    private final ReviewCycles cycles;
    private final ReportVersions versions;
    private final CycleRounds cycleRounds;
    private final RoundHandover handover;
    private final AuditLog audit;
    private final Endorsements endorsements;

    SendToImrf(ReviewCycles cycles, ReportVersions versions, CycleRounds cycleRounds, RoundHandover handover,
            AuditLog audit, Endorsements endorsements) {
        this.endorsements = endorsements;
        this.cycles = cycles;
        this.versions = versions;
        this.cycleRounds = cycleRounds;
        this.handover = handover;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long cycleId = ProcessVariables.id(execution, NationalReview.VAR_CYCLE_ID);
        ReviewCycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new IllegalStateException("No review cycle " + cycleId));
        var edition = cycleRounds.assignImrfEdition(cycle);
        if (edition.isEmpty()) {
            // No edition open: never an incident. The coordinator chooses an open edition or waits
            // (ChooseImrfEdition); waiting re-checks daily, sooner when an edition is added (WaitingImrfReports).
            audit.record(AuditEntry.of("system", "IMRF_SUBMISSION_WAITING", cycle.countryIso3(), "review_cycle",
                    cycleId, "no IMRF edition open; the coordinator chooses one or waits"));
            throw new BpmnError(NationalReview.ERROR_NO_OPEN_IMRF_EDITION, "No open IMRF edition");
        }
        handOver(cycle, edition.get());
    }

    /** Sends the cycle's version endorsed last to the edition (never one frozen since and not endorsed). */
    void handOver(ReviewCycle cycle, ReviewRound edition) {
        long cycleId = cycle.id();
        ReportVersion version = endorsements.find(cycleId).flatMap(e -> versions.find(e.reportVersionId()))
                .orElseThrow(() -> new IllegalStateException("Cycle " + cycle.businessKey() + " has no endorsed version"));
        RoundHandover.Handed handed = handover.handOver(new RoundHandover.Outgoing(cycleId, cycle.businessKey(),
                cycle.countryIso3(), RoundKind.IMRF, version, null, null), edition, MESSAGE);
        cycles.touch(cycleId);
        audit.record(AuditEntry.of("system", "REPORT_SUBMITTED_IMRF", cycle.countryIso3(), "submission",
                handed.submissionId(), "version " + version.versionNo() + " (" + version.sha256() + ") to "
                        + edition.code()));
    }
}
