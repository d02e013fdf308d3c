package org.gcmreview.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consultation windows, their extensions and the stakeholder inputs. */
@Repository
public class Consultations {

    private static final String SELECT_WINDOW = """
            select id, cycle_id, opens_at, closes_at, status, closed_at from consultation_window
            """;

    private static final String SELECT_INPUT = """
            select i.id, i.window_id, i.reference, i.organisation_id, o.name as organisation_name, i.author_user_id,
                   i.objective_number, i.section_kind, i.language, i.body, i.status, i.submitted_at,
                   i.response_outcome, i.response_text, i.responded_at
              from consultation_input i left join organisation o on o.id = i.organisation_id
            """;

    private final JdbcClient jdbc;

    public Consultations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ConsultationWindow> windowOf(long cycleId) {
        return jdbc.sql(SELECT_WINDOW + " where cycle_id = ?").param(cycleId).query(this::mapWindow).optional();
    }

    /**
     * The window, share-locked until the transaction ends: an input stored under this lock cannot slip in
     * after a concurrent close, which has to wait for it.
     */
    Optional<ConsultationWindow> windowOfForShare(long cycleId) {
        return jdbc.sql(SELECT_WINDOW + " where cycle_id = ? for share").param(cycleId).query(this::mapWindow)
                .optional();
    }

    Optional<ConsultationWindow> windowOfForUpdate(long cycleId) {
        return jdbc.sql(SELECT_WINDOW + " where cycle_id = ? for update").param(cycleId).query(this::mapWindow)
                .optional();
    }

    /** Opens the cycle's window with these dates (a re-opened window keeps its id and inputs). */
    long open(long cycleId, Instant opensAt, Instant closesAt) {
        return jdbc.sql("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status)
                values (?, ?, ?, 'OPEN')
                on conflict (cycle_id) do update set opens_at = excluded.opens_at, closes_at = excluded.closes_at,
                    status = 'OPEN', closed_at = null
                returning id""")
                .params(cycleId, Timestamp.from(opensAt), Timestamp.from(closesAt)).query(Long.class).single();
    }

    void close(long windowId) {
        jdbc.sql("update consultation_window set status = 'CLOSED', closed_at = now() where id = ?").param(windowId)
                .update();
    }

    void extend(ConsultationWindow window, Instant newClosesAt, String reason, long userId) {
        jdbc.sql("update consultation_window set closes_at = ? where id = ?")
                .params(Timestamp.from(newClosesAt), window.id()).update();
        jdbc.sql("""
                insert into consultation_extension (window_id, previous_closes_at, new_closes_at, reason, extended_by)
                values (?, ?, ?, ?, ?)""")
                .params(window.id(), Timestamp.from(window.closesAt()), Timestamp.from(newClosesAt), reason, userId)
                .update();
    }

    record Extension(Instant previousClosesAt, Instant newClosesAt, String reason, String extendedBy,
            Instant extendedAt) {
    }

    List<Extension> extensions(long windowId) {
        return jdbc.sql("""
                select e.previous_closes_at, e.new_closes_at, e.reason, u.display_name, e.extended_at
                  from consultation_extension e join app_user u on u.id = e.extended_by
                 where e.window_id = ? order by e.extended_at, e.id""")
                .param(windowId)
                .query((rs, n) -> new Extension(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    public List<ConsultationInput> inputs(long windowId) {
        return jdbc.sql(SELECT_INPUT + " where i.window_id = ? order by i.submitted_at, i.id").param(windowId)
                .query(this::mapInput).list();
    }

    List<ConsultationInput> inputsBy(long windowId, long userId) {
        return jdbc.sql(SELECT_INPUT + " where i.window_id = ? and i.author_user_id = ? order by i.submitted_at, i.id")
                .params(windowId, userId).query(this::mapInput).list();
    }

    Optional<ConsultationInput> inputByIdempotencyKey(UUID key) {
        return jdbc.sql(SELECT_INPUT + " where i.idempotency_key = ?").param(key).query(this::mapInput).optional();
    }

    /**
     * Stores the input unless one with the same idempotency key exists (a double click or a resent form).
     *
     * @return true if this call stored it
     */
    boolean insertInput(long windowId, String countryIso3, UUID idempotencyKey, long organisationId, long userId,
            String authorName, String authorEmail, InputTarget target, String language, String body) {
        long id = jdbc.sql("select nextval('consultation_input_id_seq')").query(Long.class).single();
        String reference = "%s-CI-%06d".formatted(countryIso3, id);
        return jdbc.sql("""
                insert into consultation_input (id, window_id, reference, idempotency_key, organisation_id,
                    author_user_id, author_name, author_email, objective_number, section_kind, language, body)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (idempotency_key) do nothing""")
                .params(id, windowId, reference, idempotencyKey, organisationId, userId, authorName, authorEmail,
                        target.objectiveNumber(), target.sectionKind(), language, body)
                .update() == 1;
    }

    void recordResponse(long inputId, InputOutcome outcome, String text, long userId) {
        jdbc.sql("""
                update consultation_input set response_outcome = ?, response_text = ?, responded_by = ?,
                       responded_at = now() where id = ?""")
                .params(outcome.name(), text, userId, inputId).update();
    }

    record ObjectiveInScope(int number, String shortTitle) {
    }

    List<ObjectiveInScope> objectivesInScope(long cycleId) {
        return jdbc.sql("""
                select co.objective_number, o.short_title
                  from cycle_objective co join objective o on o.number = co.objective_number
                 where co.cycle_id = ? order by co.objective_number""")
                .param(cycleId)
                .query((rs, n) -> new ObjectiveInScope(rs.getInt(1), rs.getString(2))).list();
    }

    /** Whether a stakeholder organisation has been verified by its country's coordinator. */
    boolean organisationVerified(long organisationId) {
        return jdbc.sql("select verified from organisation where id = ?").param(organisationId).query(Boolean.class)
                .optional().orElse(false);
    }

    private ConsultationWindow mapWindow(ResultSet rs, int row) throws SQLException {
        return new ConsultationWindow(
                rs.getLong("id"),
                rs.getLong("cycle_id"),
                rs.getTimestamp("opens_at").toInstant(),
                rs.getTimestamp("closes_at").toInstant(),
                WindowStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("closed_at")));
    }

    private ConsultationInput mapInput(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("response_outcome");
        return new ConsultationInput(
                rs.getLong("id"),
                rs.getLong("window_id"),
                rs.getString("reference"),
                rs.getObject("organisation_id", Long.class),
                rs.getString("organisation_name"),
                rs.getObject("author_user_id", Long.class),
                rs.getObject("objective_number", Integer.class),
                rs.getString("section_kind"),
                rs.getString("language"),
                rs.getString("body"),
                rs.getString("status"),
                rs.getTimestamp("submitted_at").toInstant(),
                outcome == null ? null : InputOutcome.valueOf(outcome),
                rs.getString("response_text"),
                instant(rs.getTimestamp("responded_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
