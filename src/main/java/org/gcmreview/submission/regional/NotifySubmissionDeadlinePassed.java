package org.gcmreview.submission.regional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.processes.RegionalReview;
import org.gcmreview.submission.ProcessVariables;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.ReviewRounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * regional-review, NotifySubmissionDeadlinePassed: records in the audit log and the application log that the
 * round's deadline passed and how many of the commission's countries had submitted by then. No mail is sent
 * yet. The round stays open: a late report is still reviewed.
 */
@Component
class NotifySubmissionDeadlinePassed implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(NotifySubmissionDeadlinePassed.class);

    private final ReviewRounds rounds;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    NotifySubmissionDeadlinePassed(ReviewRounds rounds, JdbcClient jdbc, AuditLog audit) {
        this.rounds = rounds;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long roundId = ProcessVariables.id(execution, RegionalReview.VAR_ROUND_ID);
        ReviewRound round = rounds.findById(roundId)
                .orElseThrow(() -> new IllegalStateException("No review round " + roundId));
        int submitted = jdbc.sql("select count(distinct cycle_id) from submission where round_id = ?")
                .param(roundId).query(Integer.class).single();
        int countries = round.commissionCode() == null ? 0 : jdbc.sql(
                "select count(*) from country where commission_code = ?").param(round.commissionCode())
                .query(Integer.class).single();
        String details = round.commissionCode() == null
                ? submitted + " national reports submitted by the deadline " + round.submissionDeadline()
                : submitted + " of " + countries + " countries of " + round.commissionCode()
                        + " submitted by the deadline " + round.submissionDeadline();
        audit.record(AuditEntry.of("system", "SUBMISSION_DEADLINE_PASSED", null, "review_round", roundId, details));
        log.info("Submission deadline of round {} passed: {}", round.code(), details);
    }
}
