package org.gcmreview.submission;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.springframework.stereotype.Component;

/**
 * national-review, SendToRegionalReview: turns what the coordinator confirmed (or, lacking that, the latest
 * frozen version) into a REGIONAL submission and hands it to the round's regional-review instance. Runs
 * again after every clarification answer; the earlier submission is then marked SUPERSEDED, never deleted.
 */
@Component
class SendToRegionalReview implements JavaDelegate {

    static final String MESSAGE = "NationalReportSubmitted";

    private final ReviewCycles cycles;
    private final ReportVersions versions;
    private final Submissions submissions;
    private final CycleRounds cycleRounds;
    private final RoundProcesses roundProcesses;
    private final RuntimeService runtimeService;
    private final AuditLog audit;

    SendToRegionalReview(ReviewCycles cycles, ReportVersions versions, Submissions submissions,
            CycleRounds cycleRounds, RoundProcesses roundProcesses, RuntimeService runtimeService, AuditLog audit) {
        this.cycles = cycles;
        this.versions = versions;
        this.submissions = submissions;
        this.cycleRounds = cycleRounds;
        this.roundProcesses = roundProcesses;
        this.runtimeService = runtimeService;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long cycleId = ProcessVariables.id(execution, "cycleId");
        ReviewCycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new IllegalStateException("No review cycle " + cycleId));
        var handover = submissions.takeHandover(cycleId);
        ReportVersion version = handover.flatMap(h -> versions.find(h.reportVersionId()))
                .or(() -> versions.latest(cycleId))
                .orElseThrow(() -> new IllegalStateException("Cycle " + cycle.businessKey() + " has no frozen version"));
        ReviewRound round = cycleRounds.assignRegionalRound(cycle).orElseThrow(() -> new IllegalStateException(
                "No open regional review round for " + cycle.countryIso3()));
        String roundInstanceId = roundProcesses.ensureRunning(round.id());

        Long supersedes = submissions.supersedeOpen(cycleId, RoundKind.REGIONAL).orElse(null);
        long submissionId = submissions.insert(cycleId, round.id(), version.id(), RoundKind.REGIONAL,
                handover.map(Submissions.Handover::coverNote).orElse(null),
                handover.map(Submissions.Handover::confirmedBy).orElse(null), supersedes);
        cycles.updateStatus(cycleId, CycleStatus.SUBMITTED);

        String businessKey = execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
                : cycle.businessKey();
        runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceId(roundInstanceId)
                // local to this submission's review (the event sub-process), so parallel reviews never mix
                .setVariablesToTriggeredScope(Map.of(
                        "nationalBusinessKey", businessKey,
                        "submissionId", submissionId,
                        "countryIso3", cycle.countryIso3()))
                .correlateWithResult();
        audit.record(AuditEntry.of("system", "REPORT_SUBMITTED_REGIONAL", cycle.countryIso3(), "submission",
                submissionId, "version " + version.versionNo() + " (" + version.sha256() + ") to " + round.code()
                        + (supersedes == null ? "" : ", supersedes submission " + supersedes)));
    }
}
