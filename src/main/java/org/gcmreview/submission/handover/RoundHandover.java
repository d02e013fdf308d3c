package org.gcmreview.submission.handover;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.gcmreview.processes.RegionalReview;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.RoundProcesses;
import org.gcmreview.submission.Submissions;
import org.springframework.stereotype.Component;

/**
 * The hand-over both sending steps of the national review share (SendToRegionalReview, SendToImrf): the cycle's
 * open submission of that kind is superseded, never deleted, the new one recorded, and the round's own process
 * told about it.
 */
@Component
class RoundHandover {

    /** The submission made, and the one it superseded (null if none was open). */
    record Handed(long submissionId, Long supersedes) {
    }

    private final Submissions submissions;
    private final RoundProcesses roundProcesses;
    private final RuntimeService runtimeService;

    RoundHandover(Submissions submissions, RoundProcesses roundProcesses, RuntimeService runtimeService) {
        this.submissions = submissions;
        this.roundProcesses = roundProcesses;
        this.runtimeService = runtimeService;
    }

    Handed handOver(Outgoing submission, ReviewRound round, String message) {
        String roundInstanceId = roundProcesses.ensureRunning(round.id());
        Long supersedes = submissions.supersedeOpen(submission.cycleId(), submission.kind()).orElse(null);
        long submissionId = submissions.insert(submission.cycleId(), round.id(), submission.version().id(),
                submission.kind(), submission.coverNote(), submission.confirmedBy(), supersedes);
        runtimeService.createMessageCorrelation(message)
                .processInstanceId(roundInstanceId)
                // local to this submission's review (the event sub-process), so parallel reviews never mix
                .setVariablesToTriggeredScope(Map.of(
                        RegionalReview.VAR_NATIONAL_BUSINESS_KEY, submission.nationalBusinessKey(),
                        RegionalReview.VAR_SUBMISSION_ID, submissionId,
                        RegionalReview.VAR_COUNTRY_ISO3, submission.countryIso3()))
                .correlateWithResult();
        return new Handed(submissionId, supersedes);
    }

    /** What is handed over: which cycle's which version, of what kind, with the coordinator's cover note if any. */
    record Outgoing(long cycleId, String nationalBusinessKey, String countryIso3, RoundKind kind,
            ReportVersion version, String coverNote, Long confirmedBy) {
    }
}
