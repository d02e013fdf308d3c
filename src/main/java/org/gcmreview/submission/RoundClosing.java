package org.gcmreview.submission;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.processes.RegionalReview;
import org.springframework.stereotype.Component;

/**
 * Closing a round while countries are between submission and acknowledgement: the secretariat decides for each
 * of them to accept the report late (its review goes on after the round is closed) or to release it (the
 * country takes the report to another round). Every decision is audited.
 */
@Component
public class RoundClosing {

    /** A secretariat's choice for one country's open submission. */
    enum Decision {
        LATE, RELEASE;

        static Decision parse(String value) {
            return switch (value) {
                case "late" -> LATE;
                case "release" -> RELEASE;
                default -> null;
            };
        }
    }

    private final Submissions submissions;
    private final LateReviews lateReviews;
    private final ReviewCycles cycles;
    private final RuntimeService runtimeService;
    private final AuditLog audit;

    RoundClosing(Submissions submissions, LateReviews lateReviews, ReviewCycles cycles, RuntimeService runtimeService,
            AuditLog audit) {
        this.submissions = submissions;
        this.lateReviews = lateReviews;
        this.cycles = cycles;
        this.runtimeService = runtimeService;
        this.audit = audit;
    }

    /**
     * The round's submissions that still need the secretariat or the country: waiting for review (not yet
     * decided) or answered with a question the country has not answered yet. A review decided a moment ago, whose
     * answer is on its way to the country, needs nothing more.
     */
    List<Submission> undecided(long roundId) {
        return submissions.forRound(roundId).stream()
                .filter(s -> s.status() == SubmissionStatus.CLARIFICATION_REQUESTED
                        || s.status() == SubmissionStatus.SUBMITTED && s.respondedAt() == null)
                .toList();
    }

    /** Applies the decisions (one per undecided submission); returns true when a country was accepted late. */
    boolean apply(ReviewRound round, Map<Long, Decision> decisions, String username, long userId) {
        boolean late = false;
        for (Submission submission : undecided(round.id())) {
            Decision decision = decisions.get(submission.id());
            if (decision == Decision.LATE) {
                lateReviews.accept(round.id(), submission.cycleId(), userId);
                late = true;
                audit.record(AuditEntry.of(username, "ROUND_CLOSING_ACCEPTED_LATE", submission.countryIso3(),
                        "submission", submission.id(), "version " + submission.versionNo() + " stays in "
                                + round.code() + " after closing"));
            } else {
                release(round, submission);
                audit.record(AuditEntry.of(username, "ROUND_CLOSING_RELEASED", submission.countryIso3(),
                        "submission", submission.id(), "version " + submission.versionNo() + " released from "
                                + round.code()));
            }
        }
        return late;
    }

    private void release(ReviewRound round, Submission submission) {
        if (submission.status() == SubmissionStatus.SUBMITTED && round.processInstanceId() != null) {
            // under review: the BPMN ends the review and tells the country (its own job)
            long released = runtimeService.createMessageCorrelation(RegionalReview.MESSAGE_SUBMISSION_RELEASED)
                    .processInstanceId(round.processInstanceId())
                    .localVariableEquals(RegionalReview.VAR_SUBMISSION_ID, submission.id())
                    .correlateAllWithResult().size();
            if (released > 0) {
                return;
            }
        }
        // The country already has the question to answer (its coordinator's task): only the round changes.
        submissions.updateStatus(submission.id(), SubmissionStatus.RELEASED);
        if (submission.kind() == RoundKind.REGIONAL) {
            cycles.releaseRegionalRound(submission.cycleId());
        } else {
            cycles.releaseImrfEdition(submission.cycleId());
        }
    }
}
