package org.gcmreview.consultation;

import static org.gcmreview.support.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stakeholders' inputs to a consultation window: storing them (once per idempotency key), an individual's
 * confirmation by mail, reading them for moderation, responses and exports, and the moderator's decisions and
 * duplicate groups. Responses to inputs are in {@link InputResponses}.
 */
@Repository
public class ConsultationInputs {

    /**
     * The columns every read of an input has, from {@code consultation_input i} and {@code organisation o}; each
     * read adds the three links it reads its own way ({@code duplicate_of_reference}, {@code revision_no},
     * {@code revision_section_title}).
     */
    private static final String INPUT_COLUMNS = """
            i.id, i.window_id, i.reference, i.organisation_id, o.name as organisation_name, o.stakeholder_type,
            i.author_user_id, i.author_name, i.author_email, i.objective_number, i.section_kind, i.language, i.body,
            i.status, i.moderation_reason, i.duplicate_of, i.submitted_at, i.confirmed_at, i.response_outcome,
            i.response_text, i.responded_at, i.response_revision_id""";

    /** An input with what is shown beside it. */
    private static final String SELECT_INPUT = "select " + INPUT_COLUMNS + """
            ,
                   d.reference as duplicate_of_reference, r.revision_no, s.title as revision_section_title
              from consultation_input i
              left join organisation o on o.id = i.organisation_id
              left join consultation_input d on d.id = i.duplicate_of
              left join section_revision r on r.id = i.response_revision_id
              left join report_section s on s.id = r.section_id
            """;

    private final JdbcClient jdbc;

    public ConsultationInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    /**
     * A stakeholder's own inputs, as the consultation page lists them on every view. The rarely set links (a
     * duplicate's primary, the revision a response points to) are subqueries here, not the joins of
     * SELECT_INPUT: PostgreSQL plans this statement anew on each view (its kept plan is estimated for the
     * average author, dearer than one for the author at hand), and a two-table join plans faster than a five-table
     * one (issue 19.1, pg_stat_statements).
     */
    List<ConsultationInput> inputsBy(long windowId, long userId) {
        return jdbc.sql("select " + INPUT_COLUMNS + """
                ,
                       (select d.reference from consultation_input d where d.id = i.duplicate_of)
                           as duplicate_of_reference,
                       (select r.revision_no from section_revision r where r.id = i.response_revision_id)
                           as revision_no,
                       (select s.title from section_revision r join report_section s on s.id = r.section_id
                         where r.id = i.response_revision_id) as revision_section_title
                  from consultation_input i
                  left join organisation o on o.id = i.organisation_id
                 where i.window_id = ? and i.author_user_id = ? order by i.submitted_at, i.id""")
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
    Optional<ConsultationInput> insertInput(long windowId, String countryIso3, UUID idempotencyKey, Author author,
            InputTarget target, String language, String body, Confirmation confirmation,
            SubmissionRateLimit.Counting counting) {
        // one statement: whether the sender is within the rate limit (its subjects locked before), the id from the
        // sequence, the reference made of it (as "%s-CI-%06d" would: six digits at least), the insert, its
        // rate-limit events, and the stored row with the columns inputByIdempotencyKey reads; none when the key
        // was stored before or the limit was reached. A new input is no one's duplicate and has no response yet,
        // so those columns are null without the joins SELECT_INPUT makes (fewer tables to plan)
        List<Object> params = new ArrayList<>(counting.withinLimitParameters());
        params.addAll(Arrays.asList(windowId, countryIso3, idempotencyKey, author.organisationId(), author.userId(),
                author.name(), author.email(), target.objectiveNumber(), target.sectionKind(), language, body,
                confirmation == null, confirmation == null ? null : confirmation.tokenSha256(),
                confirmation == null ? null : Timestamp.from(confirmation.expiresAt()), counting.recorded()));
        return jdbc.sql("with " + counting.withinLimit() + """
                ,
                     next_id as (select nextval('consultation_input_id_seq') as id),
                     new_input as (
                    insert into consultation_input (id, window_id, reference, idempotency_key, organisation_id,
                        author_user_id, author_name, author_email, objective_number, section_kind, language, body,
                        confirmed_at, confirmation_token_sha256, confirmation_expires_at)
                    select n.id, ?, ? || '-CI-' || lpad(n.id::text, greatest(6, length(n.id::text)), '0'),
                           ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end, ?, ?
                      from next_id n
                     where (select allowed from within_limit)
                    on conflict (idempotency_key) do nothing
                    returning *),
                """ + SubmissionRateLimit.RECORD_STORED_INPUT + "\nselect " + INPUT_COLUMNS + """
                ,
                       null as duplicate_of_reference, null::int as revision_no, null as revision_section_title
                  from new_input i left join organisation o on o.id = i.organisation_id""")
                .params(params)
                .query(this::mapInput).optional();
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

    record StakeholderType(String code, String name) {
    }

    List<StakeholderType> stakeholderTypes() {
        return jdbc.sql("select code, name from stakeholder_type order by position")
                .query((rs, n) -> new StakeholderType(rs.getString(1), rs.getString(2))).list();
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
