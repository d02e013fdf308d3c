package org.gcmreview.submission.handover;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.processes.RegionalReview;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.Endorsements;
import org.gcmreview.submission.ProcessVariables;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.Submissions;
import org.springframework.stereotype.Component;

/**
 * national-review, SendToRegionalReview: turns what the coordinator confirmed (or, lacking that, the version
 * endorsed last) into a REGIONAL submission and hands it to the round's regional-review instance. Runs
 * again after every clarification answer; the earlier submission is then marked SUPERSEDED, never deleted.
 */
@Component
class SendToRegionalReview implements JavaDelegate {

    static final String MESSAGE = RegionalReview.MESSAGE_NATIONAL_REPORT_SUBMITTED;

    private final ReviewCycles cycles;
    private final ReportVersions versions;
    private final Submissions submissions;
    private final CycleRounds cycleRounds;
    private final RoundHandover handover;
    private final AuditLog audit;
    private final Endorsements endorsements;

    SendToRegionalReview(ReviewCycles cycles, ReportVersions versions, Submissions submissions,
            CycleRounds cycleRounds, RoundHandover handover, AuditLog audit, Endorsements endorsements) {
        this.endorsements = endorsements;
        this.cycles = cycles;
        this.versions = versions;
        this.submissions = submissions;
        this.cycleRounds = cycleRounds;
        this.handover = handover;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long cycleId = ProcessVariables.id(execution, NationalReview.VAR_CYCLE_ID);
        ReviewCycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new IllegalStateException("No review cycle " + cycleId));
        // First the round, before anything is taken or written: a BPMN error does not roll back, and the
        // coordinator's confirmed hand-over must still be there when the report goes after all.
        ReviewRound round = cycleRounds.assignRegionalRound(cycle).orElse(null);
        if (round == null) {
            audit.record(AuditEntry.of("system", "REGIONAL_ROUND_MISSING", cycle.countryIso3(), "review_cycle",
                    cycleId, "no open regional review round; the coordinator chooses one or waits"));
            throw new BpmnError(NationalReview.ERROR_NO_OPEN_REGIONAL_ROUND,
                    "No open regional review round for " + cycle.countryIso3());
        }
        var confirmed = submissions.takeHandover(cycleId);
        // only an endorsed version goes (issue 14.4): the confirmed one, else the one endorsed last
        ReportVersion version = confirmed.flatMap(h -> versions.find(h.reportVersionId()))
                .filter(v -> endorsements.endorsed(cycleId, v.id()))
                .or(() -> endorsements.find(cycleId).flatMap(e -> versions.find(e.reportVersionId())))
                .orElseThrow(() -> new IllegalStateException("Cycle " + cycle.businessKey() + " has no endorsed version"));
        String businessKey = execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
                : cycle.businessKey();
        RoundHandover.Handed handed = handover.handOver(new RoundHandover.Outgoing(cycleId, businessKey,
                cycle.countryIso3(), RoundKind.REGIONAL, version,
                confirmed.map(Submissions.Handover::coverNote).orElse(null),
                confirmed.map(Submissions.Handover::confirmedBy).orElse(null)), round, MESSAGE);
        cycles.updateStatus(cycleId, CycleStatus.SUBMITTED);
        audit.record(AuditEntry.of("system", "REPORT_SUBMITTED_REGIONAL", cycle.countryIso3(), "submission",
                handed.submissionId(), "version " + version.versionNo() + " (" + version.sha256() + ") to "
                        + round.code() + (handed.supersedes() == null ? ""
                                : ", supersedes submission " + handed.supersedes())));
    }
}
