package org.gcmreview.submission.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.submission.SubmissionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a secretariat's workspace lists: the national cycles submitted to its rounds. */
@Repository
class SecretariatWorkspace {

    private static final String SELECT = """
            select c.id as cycle_id, c.business_key, c.title, c.status as cycle_status, c.last_activity_at,
                   k.iso3, k.name as country_name, r.code as round_code, r.submission_deadline, r.closed_at,
                   s.id as submission_id, s.status as submission_status, s.submitted_at, v.version_no
              from submission s
              join review_round r on r.id = s.round_id
              join review_cycle c on c.id = s.cycle_id
              join country k on k.iso3 = c.country_iso3
              join report_version v on v.id = s.report_version_id
            """;

    /**
     * One line per submission to a round.
     *
     * @param daysLeft days until the round's deadline (negative: days since it passed)
     */
    record Row(long cycleId, String businessKey, String title, CycleStatus cycleStatus, Instant lastActivityAt,
            String countryIso3, String countryName, String roundCode, LocalDate deadline, long daysLeft,
            boolean roundClosed, long submissionId, SubmissionStatus submissionStatus, Instant submittedAt,
            int versionNo) {
    }

    private final JdbcClient jdbc;

    SecretariatWorkspace(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cycles of the commission's countries in its regional rounds, by their current (not superseded) submission. */
    List<Row> regional(String commissionCode, LocalDate today) {
        return jdbc.sql(SELECT + """
                 where r.kind = 'REGIONAL' and r.commission_code = ? and s.status <> 'SUPERSEDED'
                 order by r.submission_deadline, k.name""")
                .param(commissionCode).query((rs, n) -> map(rs, today)).list();
    }

    /** Every IMRF submission of every edition, newest edition first. */
    List<Row> imrf(LocalDate today) {
        return jdbc.sql(SELECT + """
                 where r.kind = 'IMRF'
                 order by r.submission_deadline desc, k.name, s.submitted_at""")
                .query((rs, n) -> map(rs, today)).list();
    }

    private static Row map(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate deadline = rs.getObject("submission_deadline", LocalDate.class);
        return new Row(
                rs.getLong("cycle_id"),
                rs.getString("business_key"),
                rs.getString("title"),
                CycleStatus.valueOf(rs.getString("cycle_status")),
                rs.getTimestamp("last_activity_at").toInstant(),
                rs.getString("iso3").trim(),
                rs.getString("country_name"),
                rs.getString("round_code"),
                deadline,
                ChronoUnit.DAYS.between(today, deadline),
                rs.getTimestamp("closed_at") != null,
                rs.getLong("submission_id"),
                SubmissionStatus.valueOf(rs.getString("submission_status")),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getInt("version_no"));
    }
}
