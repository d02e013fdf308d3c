package org.gcmreview.consultation;

import static org.gcmreview.support.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consultation windows, what they are open for, their extensions and the stakeholder inputs. */
@Repository
public class Consultations {

    private static final String SELECT_WINDOW = """
            select id, cycle_id, opens_at, closes_at, status, closed_at, allow_individuals, targets_chosen,
                   responses_completed_at
              from consultation_window
            """;

    private static final String SELECT_INPUT = """
            select i.id, i.window_id, i.reference, i.organisation_id, o.name as organisation_name,
                   o.stakeholder_type, i.author_user_id, i.author_name, i.author_email, i.objective_number,
                   i.section_kind, i.language, i.body, i.status, i.moderation_reason, i.duplicate_of,
                   d.reference as duplicate_of_reference, i.submitted_at, i.confirmed_at, i.response_outcome,
                   i.response_text, i.responded_at, i.response_revision_id, r.revision_no,
                   s.title as revision_section_title
              from consultation_input i
              left join organisation o on o.id = i.organisation_id
              left join consultation_input d on d.id = i.duplicate_of
              left join section_revision r on r.id = i.response_revision_id
              left join report_section s on s.id = r.section_id
            """;

    private final JdbcClient jdbc;

    public Consultations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------------------------------- windows

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

    /** Creates the window ahead of its opening, with the dates scoping set; an existing window is kept. */
    void schedule(long cycleId, Instant opensAt, Instant closesAt) {
        jdbc.sql("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status) values (?, ?, ?, 'SCHEDULED')
                on conflict (cycle_id) do nothing""")
                .params(cycleId, Timestamp.from(opensAt), Timestamp.from(closesAt)).update();
    }

    /**
     * Opens the cycle's window with these dates. A window prepared beforehand keeps what the coordinator chose;
     * a re-opened window keeps its id and inputs.
     */
    long open(long cycleId, Instant opensAt, Instant closesAt) {
        return jdbc.sql("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status)
                values (?, ?, ?, 'OPEN')
                on conflict (cycle_id) do update set opens_at = excluded.opens_at, closes_at = excluded.closes_at,
                    status = 'OPEN', closed_at = null, withdrawn_at = null, withdrawal_notice = null
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

    /** Stores what the window is open for and whether individuals may send input. */
    void saveSettings(long windowId, boolean allowIndividuals, Set<InputTarget> open) {
        jdbc.sql("update consultation_window set allow_individuals = ?, targets_chosen = true where id = ?")
                .params(allowIndividuals, windowId).update();
        jdbc.sql("delete from consultation_open_target where window_id = ?").param(windowId).update();
        for (InputTarget target : open) {
            jdbc.sql("insert into consultation_open_target (window_id, objective_number, section_kind) values (?, ?, ?)")
                    .params(windowId, target.objectiveNumber(), target.sectionKind()).update();
        }
    }

    OpenTargets openTargets(ConsultationWindow window) {
        Set<InputTarget> chosen = null;
        if (window.targetsChosen()) {
            chosen = new LinkedHashSet<>(jdbc.sql("""
                    select objective_number, section_kind from consultation_open_target where window_id = ?""")
                    .param(window.id())
                    .query((rs, n) -> new InputTarget(rs.getObject(1, Integer.class), rs.getString(2))).list());
        }
        return new OpenTargets(objectivesInScope(window.cycleId()), chosen);
    }

    void completeResponses(long windowId) {
        jdbc.sql("update consultation_window set responses_completed_at = now() where id = ?").param(windowId)
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

    /** A consultation as the public list shows it. */
    record Announcement(String businessKey, String title, String countryName, ConsultationWindow window) {
    }

    List<Announcement> announcements() {
        return announcements("", List.of());
    }

    /** The consultations of one country, as its stakeholders' own page lists them. */
    List<Announcement> announcementsOf(String countryIso3) {
        return announcements(" where c.country_iso3 = ?", List.of(countryIso3));
    }

    private List<Announcement> announcements(String where, List<Object> params) {
        return jdbc.sql("""
                select c.business_key, c.title, k.name as country_name, w.id, w.cycle_id, w.opens_at, w.closes_at,
                       w.status, w.closed_at, w.allow_individuals, w.targets_chosen, w.responses_completed_at
                  from consultation_window w join review_cycle c on c.id = w.cycle_id
                  join country k on k.iso3 = c.country_iso3 """ + where + " " + """
                 order by (w.status = 'CLOSED'), w.closes_at desc, c.business_key""")
                .params(params)
                .query((rs, n) -> new Announcement(rs.getString("business_key"), rs.getString("title"),
                        rs.getString("country_name"), mapWindow(rs, n)))
                .list();
    }

    // ------------------------------------------------------------------------------------------- inputs

    /** Every confirmed input of the window, oldest first: what moderation, responses and exports work on. */
    public List<ConsultationInput> inputs(long windowId) {
        return jdbc.sql(SELECT_INPUT + " where i.window_id = ? and i.confirmed_at is not null"
                        + " order by i.submitted_at, i.id")
                .param(windowId).query(this::mapInput).list();
    }

    /** Confirmed inputs matching the moderation filter (null = any), oldest first. */
    List<ConsultationInput> inputs(long windowId, InputTarget about, String authorType, InputStatus status) {
        StringBuilder sql = new StringBuilder(SELECT_INPUT).append(" where i.window_id = ? and i.confirmed_at is not null");
        List<Object> params = new ArrayList<>(List.of(windowId));
        if (about != null && about.isObjective()) {
            sql.append(" and i.objective_number = ?");
            params.add(about.objectiveNumber());
        } else if (about != null) {
            sql.append(" and i.section_kind = ?");
            params.add(about.sectionKind());
        }
        if (ConsultationInput.INDIVIDUAL.equals(authorType)) {
            sql.append(" and i.organisation_id is null");
        } else if (authorType != null) {
            sql.append(" and o.stakeholder_type = ?");
            params.add(authorType);
        }
        if (status != null) {
            sql.append(" and i.status = ?");
            params.add(status.name());
        }
        sql.append(" order by i.submitted_at, i.id");
        return jdbc.sql(sql.toString()).params(params).query(this::mapInput).list();
    }

    int confirmedCount(long windowId) {
        return jdbc.sql("select count(*) from consultation_input where window_id = ? and confirmed_at is not null")
                .param(windowId).query(Integer.class).single();
    }

    List<ConsultationInput> inputsBy(long windowId, long userId) {
        return jdbc.sql(SELECT_INPUT + " where i.window_id = ? and i.author_user_id = ? order by i.submitted_at, i.id")
                .params(windowId, userId).query(this::mapInput).list();
    }

    Optional<ConsultationInput> inputByIdempotencyKey(UUID key) {
        return jdbc.sql(SELECT_INPUT + " where i.idempotency_key = ?").param(key).query(this::mapInput).optional();
    }

    Optional<ConsultationInput> input(long windowId, long inputId) {
        return jdbc.sql(SELECT_INPUT + " where i.window_id = ? and i.id = ? and i.confirmed_at is not null")
                .params(windowId, inputId).query(this::mapInput).optional();
    }

    Optional<ConsultationInput> inputByReference(long windowId, String reference) {
        return jdbc.sql(SELECT_INPUT + " where i.window_id = ? and upper(i.reference) = upper(?)"
                        + " and i.confirmed_at is not null")
                .params(windowId, reference).query(this::mapInput).optional();
    }

    /** An unconfirmed input by the hash of its confirmation token, row-locked so a link is used once. */
    Optional<PendingConfirmation> pendingForUpdate(String tokenSha256) {
        return jdbc.sql("""
                select i.id, i.window_id, w.cycle_id, i.confirmation_expires_at
                  from consultation_input i join consultation_window w on w.id = i.window_id
                 where i.confirmation_token_sha256 = ? and i.confirmed_at is null
                 for update of i""")
                .param(tokenSha256)
                .query((rs, n) -> new PendingConfirmation(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    Optional<PendingConfirmation> pending(String tokenSha256) {
        return jdbc.sql("""
                select i.id, i.window_id, w.cycle_id, i.confirmation_expires_at
                  from consultation_input i join consultation_window w on w.id = i.window_id
                 where i.confirmation_token_sha256 = ? and i.confirmed_at is null""")
                .param(tokenSha256)
                .query((rs, n) -> new PendingConfirmation(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    record PendingConfirmation(long inputId, long windowId, long cycleId, Instant expiresAt) {
    }

    Optional<ConsultationInput> inputById(long inputId) {
        return jdbc.sql(SELECT_INPUT + " where i.id = ?").param(inputId).query(this::mapInput).optional();
    }

    /** Confirms the address of an individual's input: from now on it counts. The token cannot be used again. */
    void confirm(long inputId) {
        jdbc.sql("""
                update consultation_input set confirmed_at = now(), confirmation_token_sha256 = null,
                       confirmation_expires_at = null
                 where id = ? and confirmed_at is null""").param(inputId).update();
    }

    /** Who sent an input: a user of a verified organisation, or an individual by name and address. */
    record Author(Long organisationId, Long userId, String name, String email) {
    }

    /** How an individual confirms: the token's hash and until when it is valid; null for organisations. */
    record Confirmation(String tokenSha256, Instant expiresAt) {
    }

    /**
     * Stores the input unless one with the same idempotency key exists (a double click or a resent form).
     *
     * @param confirmation null for inputs that count at once
     * @return true if this call stored it
     */
    boolean insertInput(long windowId, String countryIso3, UUID idempotencyKey, Author author, InputTarget target,
            String language, String body, Confirmation confirmation) {
        long id = jdbc.sql("select nextval('consultation_input_id_seq')").query(Long.class).single();
        String reference = "%s-CI-%06d".formatted(countryIso3, id);
        return jdbc.sql("""
                insert into consultation_input (id, window_id, reference, idempotency_key, organisation_id,
                    author_user_id, author_name, author_email, objective_number, section_kind, language, body,
                    confirmed_at, confirmation_token_sha256, confirmation_expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end, ?, ?)
                on conflict (idempotency_key) do nothing""")
                .params(id, windowId, reference, idempotencyKey, author.organisationId(), author.userId(),
                        author.name(), author.email(), target.objectiveNumber(), target.sectionKind(), language,
                        body, confirmation == null, confirmation == null ? null : confirmation.tokenSha256(),
                        confirmation == null ? null : Timestamp.from(confirmation.expiresAt()))
                .update() == 1;
    }

    // ------------------------------------------------------------------------------------------- moderation

    void moderate(long inputId, InputStatus status, String reason, long userId) {
        jdbc.sql("""
                update consultation_input set status = ?, moderation_reason = ?, moderated_by = ?, moderated_at = now()
                 where id = ?""").params(status.name(), reason, userId, inputId).update();
    }

    /**
     * Puts the input into the primary's group. Inputs grouped under it so far move along, so every group
     * stays one level deep.
     */
    void markDuplicate(long inputId, long primaryId, long userId) {
        jdbc.sql("update consultation_input set duplicate_of = ? where duplicate_of = ?").params(primaryId, inputId)
                .update();
        jdbc.sql("""
                update consultation_input set duplicate_of = ?, moderated_by = ?, moderated_at = now() where id = ?""")
                .params(primaryId, userId, inputId).update();
    }

    void removeFromGroup(long inputId, long userId) {
        jdbc.sql("""
                update consultation_input set duplicate_of = null, moderated_by = ?, moderated_at = now() where id = ?""")
                .params(userId, inputId).update();
    }

    List<ConsultationInput> group(long primaryId) {
        return jdbc.sql(SELECT_INPUT + " where (i.id = ? or i.duplicate_of = ?) and i.confirmed_at is not null"
                        + " order by i.submitted_at, i.id")
                .params(primaryId, primaryId).query(this::mapInput).list();
    }

    // ------------------------------------------------------------------------------------------- responses

    void recordResponse(long inputId, InputOutcome outcome, String text, Long revisionId, long userId) {
        jdbc.sql("""
                update consultation_input set response_outcome = ?, response_text = ?, response_revision_id = ?,
                       responded_by = ?, responded_at = now() where id = ?""")
                .params(outcome.name(), text, revisionId, userId, inputId).update();
    }

    /** A revision of a report section, as the coordinator chooses it when linking a response. */
    public record RevisionOption(long id, long sectionId, String sectionKind, Integer objectiveNumber,
            String sectionTitle, int revisionNo, String author, Instant createdAt, String note) {

        InputTarget target() {
            return "OBJECTIVE".equals(sectionKind) ? InputTarget.objective(objectiveNumber)
                    : InputTarget.section(sectionKind);
        }
    }

    /** Every section revision of the cycle, newest first per section. */
    List<RevisionOption> revisions(long cycleId) {
        return jdbc.sql("""
                select r.id, s.id, s.kind, s.objective_number, s.title, r.revision_no, u.display_name, r.created_at,
                       r.note
                  from section_revision r join report_section s on s.id = r.section_id
                  join app_user u on u.id = r.author_id
                 where s.cycle_id = ? order by s.position, s.id, r.revision_no desc""")
                .param(cycleId)
                .query((rs, n) -> new RevisionOption(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, Integer.class), rs.getString(5), rs.getInt(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), rs.getString(9)))
                .list();
    }

    // ------------------------------------------------------------------------------------------- reference

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

    record StakeholderType(String code, String name) {
    }

    List<StakeholderType> stakeholderTypes() {
        return jdbc.sql("select code, name from stakeholder_type order by position")
                .query((rs, n) -> new StakeholderType(rs.getString(1), rs.getString(2))).list();
    }

    private ConsultationWindow mapWindow(ResultSet rs, int row) throws SQLException {
        return new ConsultationWindow(
                rs.getLong("id"),
                rs.getLong("cycle_id"),
                rs.getTimestamp("opens_at").toInstant(),
                rs.getTimestamp("closes_at").toInstant(),
                WindowStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("closed_at")),
                rs.getBoolean("allow_individuals"),
                rs.getBoolean("targets_chosen"),
                instant(rs.getTimestamp("responses_completed_at")));
    }

    private ConsultationInput mapInput(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("response_outcome");
        return new ConsultationInput(
                rs.getLong("id"),
                rs.getLong("window_id"),
                rs.getString("reference"),
                rs.getObject("organisation_id", Long.class),
                rs.getString("organisation_name"),
                rs.getString("stakeholder_type"),
                rs.getObject("author_user_id", Long.class),
                rs.getString("author_name"),
                rs.getString("author_email"),
                rs.getObject("objective_number", Integer.class),
                rs.getString("section_kind"),
                rs.getString("language"),
                rs.getString("body"),
                InputStatus.valueOf(rs.getString("status")),
                rs.getString("moderation_reason"),
                rs.getObject("duplicate_of", Long.class),
                rs.getString("duplicate_of_reference"),
                rs.getTimestamp("submitted_at").toInstant(),
                instant(rs.getTimestamp("confirmed_at")),
                outcome == null ? null : InputOutcome.valueOf(outcome),
                rs.getString("response_text"),
                instant(rs.getTimestamp("responded_at")),
                rs.getObject("response_revision_id", Long.class),
                rs.getObject("revision_no", Integer.class),
                rs.getString("revision_section_title"));
    }
}
