package org.gcmreview.submission;

import static org.gcmreview.support.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Submissions of frozen report versions to review rounds, and the hand-overs waiting to become one. */
@Repository
public class Submissions {

    private static final String SELECT = """
            select s.id, s.cycle_id, c.business_key, c.country_iso3, k.name as country_name, s.round_id,
                   r.code as round_code, s.kind, s.status, s.report_version_id, v.version_no, v.sha256,
                   s.cover_note, sb.display_name as submitted_by_name, s.submitted_at, s.response_message,
                   rb.display_name as responded_by_name, s.responded_at, s.supersedes_id
              from submission s
              join review_cycle c on c.id = s.cycle_id
              join country k on k.iso3 = c.country_iso3
              join review_round r on r.id = s.round_id
              join report_version v on v.id = s.report_version_id
              left join app_user sb on sb.id = s.submitted_by
              left join app_user rb on rb.id = s.responded_by
            """;

    private final JdbcClient jdbc;

    public Submissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Submission> find(long id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query(this::map).optional();
    }

    /** Every submission of a cycle, oldest first: the history a secretariat and the country see. */
    public List<Submission> forCycle(long cycleId) {
        return jdbc.sql(SELECT + " where s.cycle_id = ? order by s.submitted_at, s.id").param(cycleId)
                .query(this::map).list();
    }

    public List<Submission> forRound(long roundId) {
        return jdbc.sql(SELECT + " where s.round_id = ? order by k.name, s.submitted_at, s.id").param(roundId)
                .query(this::map).list();
    }

    /** The cycle's most recent submission of this kind, if any. */
    public Optional<Submission> latest(long cycleId, RoundKind kind) {
        return jdbc.sql(SELECT + " where s.cycle_id = ? and s.kind = ? order by s.submitted_at desc, s.id desc limit 1")
                .params(cycleId, kind.name()).query(this::map).optional();
    }

    /** How many submissions of the round still wait for the secretariat's decision. */
    public int awaitingReview(long roundId) {
        return jdbc.sql("select count(*) from submission where round_id = ? and status = 'SUBMITTED'").param(roundId)
                .query(Integer.class).single();
    }

    /**
     * Marks the cycle's open submissions of this kind as replaced and returns the id of the most recent one
     * (the submission the new one answers), if there was any.
     */
    public Optional<Long> supersedeOpen(long cycleId, RoundKind kind) {
        List<Long> superseded = jdbc.sql("""
                update submission set status = 'SUPERSEDED'
                 where cycle_id = ? and kind = ? and status in ('SUBMITTED', 'CLARIFICATION_REQUESTED')
                returning id""").params(cycleId, kind.name()).query(Long.class).list();
        return superseded.stream().max(Long::compare);
    }

    public long insert(long cycleId, long roundId, long reportVersionId, RoundKind kind, String coverNote, Long submittedBy,
            Long supersedesId) {
        return jdbc.sql("""
                insert into submission (cycle_id, round_id, report_version_id, kind, status, cover_note, submitted_by,
                                        supersedes_id)
                values (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?) returning id""")
                .params(cycleId, roundId, reportVersionId, kind.name(), coverNote, submittedBy, supersedesId)
                .query(Long.class).single();
    }

    public void recordResponse(long submissionId, String message, long userId) {
        jdbc.sql("update submission set response_message = ?, responded_by = ?, responded_at = now() where id = ?")
                .params(message, userId, submissionId).update();
    }

    public void updateStatus(long submissionId, SubmissionStatus status) {
        jdbc.sql("update submission set status = ? where id = ?").params(status.name(), submissionId).update();
    }

    /** Stores what the coordinator confirmed for sending; a newer confirmation replaces a waiting one. */
    public void saveHandover(long cycleId, long reportVersionId, String coverNote, long userId) {
        jdbc.sql("""
                insert into submission_handover (cycle_id, report_version_id, cover_note, confirmed_by)
                values (?, ?, ?, ?)
                on conflict (cycle_id) do update set report_version_id = excluded.report_version_id,
                    cover_note = excluded.cover_note, confirmed_by = excluded.confirmed_by, confirmed_at = now()""")
                .params(cycleId, reportVersionId, coverNote, userId).update();
    }

    /** Removes and returns the waiting hand-over of the cycle, if any. */
    public Optional<Handover> takeHandover(long cycleId) {
        return jdbc.sql("""
                delete from submission_handover where cycle_id = ?
                returning report_version_id, cover_note, confirmed_by""")
                .param(cycleId)
                .query((rs, row) -> new Handover(rs.getLong("report_version_id"), rs.getString("cover_note"),
                        rs.getLong("confirmed_by")))
                .optional();
    }

    /** A confirmed, not yet sent submission. */
    public record Handover(long reportVersionId, String coverNote, long confirmedBy) {
    }

    private Submission map(ResultSet rs, int row) throws SQLException {
        return new Submission(
                rs.getLong("id"),
                rs.getLong("cycle_id"),
                rs.getString("business_key"),
                rs.getString("country_iso3").trim(),
                rs.getString("country_name"),
                rs.getLong("round_id"),
                rs.getString("round_code"),
                RoundKind.valueOf(rs.getString("kind")),
                SubmissionStatus.valueOf(rs.getString("status")),
                rs.getLong("report_version_id"),
                rs.getInt("version_no"),
                rs.getString("sha256"),
                rs.getString("cover_note"),
                rs.getString("submitted_by_name"),
                instant(rs.getTimestamp("submitted_at")),
                rs.getString("response_message"),
                rs.getString("responded_by_name"),
                instant(rs.getTimestamp("responded_at")),
                rs.getObject("supersedes_id", Long.class));
    }
}
