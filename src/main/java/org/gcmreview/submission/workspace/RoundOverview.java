package org.gcmreview.submission.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.ReviewRounds;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.SubmissionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every country a round expects a report from, with where it stands: for a regional round the member states of
 * its commission, for an IMRF edition all of them. The countries come from the country table, so those that have
 * not started a review appear too.
 *
 * <p>A country's cycle for the round is the one that names the round; a cycle that names none yet (started before
 * the round was in the calendar) counts for the round it will be sent to, the one open now. Only the stage,
 * dates and version numbers are read here: the content of a report stays hidden until it was submitted.
 */
@Repository
public class RoundOverview {

    private static final String SELECT = """
            select k.iso3, k.name as country_name, k.commission_code,
                   c.id as cycle_id, c.business_key, c.title, c.status as cycle_status, c.last_activity_at,
                   s.id as submission_id, s.status as submission_status, s.submitted_at, v.version_no, v.sha256,
                   i.id as imrf_submission_id, i.status as imrf_status
              from country k
              left join lateral (
                    select * from review_cycle c
                     where c.country_iso3 = k.iso3 and (c.%1$s = :round or (c.%1$s is null and :roundIsOpen))
                     order by (c.%1$s is not null) desc, c.started_at desc, c.id desc
                     limit 1) c on true
              left join lateral (
                    select * from submission s
                     where s.cycle_id = c.id and s.kind = 'REGIONAL' %2$s
                     order by s.submitted_at desc, s.id desc
                     limit 1) s on true
              left join report_version v on v.id = s.report_version_id
              left join lateral (
                    select i.id, i.status from submission i
                     where i.cycle_id = c.id and i.kind = 'IMRF' %3$s
                     order by i.submitted_at desc, i.id desc
                     limit 1) i on true
            """;

    private final JdbcClient jdbc;
    private final ReviewRounds rounds;

    RoundOverview(JdbcClient jdbc, ReviewRounds rounds) {
        this.jdbc = jdbc;
        this.rounds = rounds;
    }

    /** The round's countries in country-name order (the caller sorts and filters). */
    public List<CountryRow> countries(ReviewRound round, LocalDate today) {
        boolean open = !round.closed() && rounds.current(round.kind(), round.commissionCode())
                .map(current -> current.id() == round.id()).orElse(false);
        String sql = round.kind() == RoundKind.REGIONAL
                // the regional view counts the submissions to this round only
                ? SELECT.formatted("regional_round_id", "and s.round_id = :round", "")
                        + " where k.commission_code = :commission order by k.name"
                : SELECT.formatted("imrf_round_id", "", "and i.round_id = :round") + " order by k.name";
        var statement = jdbc.sql(sql).param("round", round.id()).param("roundIsOpen", open);
        if (round.kind() == RoundKind.REGIONAL) {
            statement = statement.param("commission", round.commissionCode());
        }
        return statement.query((rs, n) -> map(rs, round, today)).list();
    }

    private static CountryRow map(ResultSet rs, ReviewRound round, LocalDate today) throws SQLException {
        String cycleStatus = rs.getString("cycle_status");
        String submissionStatus = rs.getString("submission_status");
        String imrfStatus = rs.getString("imrf_status");
        CycleStatus national = cycleStatus == null ? null : CycleStatus.valueOf(cycleStatus);
        // an IMRF edition follows the IMRF submissions, as the rows' IMRF column does
        CountryStage stage = round.kind() == RoundKind.IMRF
                ? CountryStage.ofImrf(national, imrfStatus == null ? null : SubmissionStatus.valueOf(imrfStatus))
                : CountryStage.of(national, submissionStatus == null ? null : SubmissionStatus.valueOf(submissionStatus));
        Timestamp lastActivity = rs.getTimestamp("last_activity_at");
        Timestamp submittedAt = rs.getTimestamp("submitted_at");
        return new CountryRow(
                rs.getString("iso3").trim(),
                rs.getString("country_name"),
                rs.getString("commission_code"),
                rs.getObject("cycle_id", Long.class),
                rs.getString("business_key"),
                rs.getString("title"),
                stage,
                lastActivity == null ? null : lastActivity.toInstant(),
                round.submissionDeadline(),
                stage.submitted() ? null : ChronoUnit.DAYS.between(today, round.submissionDeadline()),
                rs.getObject("submission_id", Long.class),
                rs.getObject("version_no", Integer.class),
                rs.getString("sha256"),
                submittedAt == null ? null : submittedAt.toInstant(),
                rs.getObject("imrf_submission_id", Long.class),
                imrfStatus == null ? null : SubmissionStatus.valueOf(imrfStatus));
    }
}
