package org.gcmreview.submission;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.springframework.stereotype.Component;

/**
 * national-review, SendToImrf: the version the regional secretariat acknowledged (the latest frozen one) goes
 * to the IMRF edition's imrf-review instance as an IMRF submission.
 */
@Component
class SendToImrf implements JavaDelegate {

    static final String MESSAGE = "ReportSubmittedToImrf";

    private final ReviewCycles cycles;
    private final ReportVersions versions;
    private final Submissions submissions;
    private final CycleRounds cycleRounds;
    private final RoundProcesses roundProcesses;
    private final RuntimeService runtimeService;
    private final AuditLog audit;

    SendToImrf(ReviewCycles cycles, ReportVersions versions, Submissions submissions, CycleRounds cycleRounds,
            RoundProcesses roundProcesses, RuntimeService runtimeService, AuditLog audit) {
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
        ReportVersion version = versions.latest(cycleId)
                .orElseThrow(() -> new IllegalStateException("Cycle " + cycle.businessKey() + " has no frozen version"));
        ReviewRound edition = cycleRounds.assignImrfEdition(cycle)
                .orElseThrow(() -> new IllegalStateException("No open IMRF edition for " + cycle.businessKey()));
        String editionInstanceId = roundProcesses.ensureRunning(edition.id());

        Long supersedes = submissions.supersedeOpen(cycleId, RoundKind.IMRF).orElse(null);
        long submissionId = submissions.insert(cycleId, edition.id(), version.id(), RoundKind.IMRF, null, null,
                supersedes);
        cycles.touch(cycleId);
        runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceId(editionInstanceId)
                // local to this submission's review (the event sub-process), so parallel reviews never mix
                .setVariablesToTriggeredScope(Map.of(
                        "nationalBusinessKey", cycle.businessKey(),
                        "submissionId", submissionId,
                        "countryIso3", cycle.countryIso3()))
                .correlateWithResult();
        audit.record(AuditEntry.of("system", "REPORT_SUBMITTED_IMRF", cycle.countryIso3(), "submission", submissionId,
                "version " + version.versionNo() + " (" + version.sha256() + ") to " + edition.code()));
    }
}
