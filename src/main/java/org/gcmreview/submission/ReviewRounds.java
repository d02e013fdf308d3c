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
            select id, kind, commission_code, code, name, submission_deadline, process_instance_id, closed_at
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
                rs.getObject("submission_deadline", LocalDate.class),
                rs.getString("process_instance_id"),
                closedAt == null ? null : closedAt.toInstant());
    }
}
