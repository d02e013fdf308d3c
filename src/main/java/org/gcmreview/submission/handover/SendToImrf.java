package org.gcmreview.submission.handover;

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

    SendToImrf(ReviewCycles cycles, ReportVersions versions, CycleRounds cycleRounds, RoundHandover handover,
            AuditLog audit) {
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
        ReportVersion version = versions.latest(cycleId)
                .orElseThrow(() -> new IllegalStateException("Cycle " + cycle.businessKey() + " has no frozen version"));
        ReviewRound edition = cycleRounds.assignImrfEdition(cycle)
                .orElseThrow(() -> new IllegalStateException("No open IMRF edition for " + cycle.businessKey()));
        RoundHandover.Handed handed = handover.handOver(new RoundHandover.Outgoing(cycleId, cycle.businessKey(),
                cycle.countryIso3(), RoundKind.IMRF, version, null, null), edition, MESSAGE);
        cycles.touch(cycleId);
        audit.record(AuditEntry.of("system", "REPORT_SUBMITTED_IMRF", cycle.countryIso3(), "submission",
                handed.submissionId(), "version " + version.versionNo() + " (" + version.sha256() + ") to "
                        + edition.code()));
    }
}
