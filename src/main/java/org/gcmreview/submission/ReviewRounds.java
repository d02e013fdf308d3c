package org.gcmreview.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and updates review rounds (regional rounds and IMRF editions). */
@Repository
public class ReviewRounds {

    private static final String SELECT = """
            select id, kind, commission_code, code, name, cycle_code, submission_deadline, process_instance_id, closed_at
              from review_round
            """;

    /**
     * Which round a report goes to when the cycle does not name one: among the rounds not yet closed, the
     * earliest whose deadline has not passed, otherwise the latest (a late report is still accepted).
     */
    private static final String OPEN_ROUND_ORDER = """
             and closed_at is null
             order by (submission_deadline >= current_date) desc,
                      case when submission_deadline >= current_date then submission_deadline end asc,
                      submission_deadline desc
             limit 1""";

    private final JdbcClient jdbc;

    public ReviewRounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReviewRound> findById(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional();
    }

    public Optional<ReviewRound> findByCode(String code) {
        return jdbc.sql(SELECT + " where code = ?").param(code).query(this::map).optional();
    }

    /** The round, locked until the transaction ends: serialises everything that starts its process. */
    ReviewRound lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for no key update").param(id).query(this::map).single();
    }

    public List<ReviewRound> forCommission(String commissionCode) {
        return jdbc.sql(SELECT + " where kind = 'REGIONAL' and commission_code = ? order by submission_deadline desc")
                .param(commissionCode).query(this::map).list();
    }

    public List<ReviewRound> imrfEditions() {
        return jdbc.sql(SELECT + " where kind = 'IMRF' order by submission_deadline desc").query(this::map).list();
    }

    /** The open regional round of the commission a country belongs to. */
    public Optional<ReviewRound> openRegionalRoundFor(String countryIso3) {
        return jdbc.sql(SELECT + """
                 where kind = 'REGIONAL'
                   and commission_code = (select commission_code from country where iso3 = ?)""" + OPEN_ROUND_ORDER)
                .param(countryIso3).query(this::map).optional();
    }

    public Optional<ReviewRound> openImrfEdition() {
        return jdbc.sql(SELECT + " where kind = 'IMRF'" + OPEN_ROUND_ORDER).query(this::map).optional();
    }

    /** Every round, for the calendar: newest review cycle first, then IMRF before the commissions. */
    public List<ReviewRound> all() {
        return jdbc.sql(SELECT + " order by cycle_code desc, kind, commission_code nulls first, code").query(this::map)
                .list();
    }

    /**
     * The round a workspace opens on when none is asked for: among the rounds not yet closed the one whose
     * deadline comes next, otherwise the most recent one.
     */
    public Optional<ReviewRound> current(RoundKind kind, String commissionCode) {
        return jdbc.sql(SELECT + """
                 where kind = ? and commission_code is not distinct from ?
                 order by (closed_at is null) desc,
                          (submission_deadline >= current_date) desc,
                          case when submission_deadline >= current_date then submission_deadline end asc,
                          submission_deadline desc, id desc
                 limit 1""").params(kind.name(), commissionCode).query(this::map).optional();
    }

    /** True when a round already has this code (codes are business keys: compared ignoring case). */
    public boolean codeTaken(String code) {
        return jdbc.sql("select count(*) from review_round where lower(code) = lower(?)").param(code)
                .query(Integer.class).single() > 0;
    }

    /** The round of this kind (and commission) in a review cycle; there is at most one. */
    public Optional<ReviewRound> inCycle(RoundKind kind, String commissionCode, String cycleCode) {
        return jdbc.sql(SELECT + """
                 where kind = ? and commission_code is not distinct from ? and lower(cycle_code) = lower(?)""")
                .params(kind.name(), commissionCode, cycleCode).query(this::map).optional();
    }

    public long create(RoundKind kind, String commissionCode, String code, String name, String cycleCode,
            LocalDate deadline) {
        return jdbc.sql("""
                insert into review_round (kind, commission_code, code, name, cycle_code, submission_deadline)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(kind.name(), commissionCode, code, name, cycleCode, deadline).query(Long.class).single();
    }

    public void update(long roundId, String name, LocalDate deadline, long userId) {
        jdbc.sql("""
                update review_round set name = ?, submission_deadline = ?, updated_at = now(), updated_by = ?
                 where id = ?""").params(name, deadline, userId, roundId).update();
    }

    void recordProcessInstance(long roundId, String processInstanceId) {
        jdbc.sql("update review_round set process_instance_id = ? where id = ?").params(processInstanceId, roundId)
                .update();
    }

    void close(long roundId, long userId, String note) {
        jdbc.sql("update review_round set closed_at = now(), closed_by = ?, closing_note = ? where id = ?")
                .params(userId, note, roundId).update();
    }

    private ReviewRound map(ResultSet rs, int row) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new ReviewRound(
                rs.getLong("id"),
                RoundKind.valueOf(rs.getString("kind")),
                rs.getString("commission_code"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("cycle_code"),
                rs.getObject("submission_deadline", LocalDate.class),
                rs.getString("process_instance_id"),
                closedAt == null ? null : closedAt.toInstant());
    }
}
