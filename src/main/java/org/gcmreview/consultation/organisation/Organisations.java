package org.gcmreview.consultation.organisation;

import static org.gcmreview.support.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stakeholder organisations and the user accounts of their contacts. */
@Repository
public class Organisations {

    private static final String SELECT = """
            select o.id, o.country_iso3, k.name as country_name, o.name, o.stakeholder_type, o.contact_name,
                   o.contact_email, o.verified, o.created_at, o.verified_at, o.rejected_at, o.rejection_reason,
                   coalesce(v.display_name, r.display_name) as decided_by,
                   (select string_agg(u.username, ', ' order by u.username) from app_user u
                     where u.organisation_id = o.id) as usernames
              from organisation o join country k on k.iso3 = o.country_iso3
              left join app_user v on v.id = o.verified_by and o.verified
              left join app_user r on r.id = o.rejected_by and o.rejected_at is not null
            """;

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Organisation> find(long id) {
        return jdbc.sql(SELECT + " where o.id = ?").param(id).query(this::map).optional();
    }

    /**
     * Where an organisation stands, as columns of another statement of the consultation module: the page and the
     * POST of the input form read the window anyway, and learn in the same statement whether the user's
     * organisation may send inputs (issue 19.1: it was a statement of its own on each). A lateral join with one
     * parameter, the organisation's id (null for none); {@link #status(ResultSet)} reads its columns.
     */
    public static final String STATUS_JOIN = """
            left join lateral (select so.verified as sender_verified, so.rejected_at is not null as sender_rejected
                                 from organisation so where so.id = ?) sender on true
            """;

    /** The columns of {@link #STATUS_JOIN}; empty when there is no such organisation. */
    public static Optional<OrganisationStatus> status(ResultSet rs) throws SQLException {
        boolean verified = rs.getBoolean("sender_verified");
        return rs.wasNull() ? Optional.empty() : Optional.of(status(verified, rs.getBoolean("sender_rejected")));
    }

    private static OrganisationStatus status(boolean verified, boolean rejected) {
        return verified ? OrganisationStatus.VERIFIED
                : rejected ? OrganisationStatus.REJECTED : OrganisationStatus.PENDING;
    }

    List<Organisation> ofCountry(String iso3) {
        return jdbc.sql(SELECT + " where o.country_iso3 = ? order by o.created_at, o.id").param(iso3)
                .query(this::map).list();
    }

    Optional<Organisation> findForUpdate(long id) {
        jdbc.sql("select id from organisation where id = ? for update").param(id).query(Long.class).optional();
        return find(id);
    }

    /**
     * Serialises registrations of the same name (ignoring case) in one country until the transaction ends, so
     * that "Forum" and "FORUM" registered at the same moment cannot both pass {@link #nameTaken}.
     */
    void lockName(String iso3, String name) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("organisation-name:" + iso3 + ":" + name.toLowerCase(java.util.Locale.ROOT))
                .query((rs, n) -> 1).list();
    }

    boolean nameTaken(String iso3, String name) {
        return jdbc.sql("select count(*) from organisation where country_iso3 = ? and lower(name) = lower(?)")
                .params(iso3, name).query(Integer.class).single() > 0;
    }

    /** Taken by an account, or one of the names the audit log uses for its own actors. */
    boolean usernameTaken(String username) {
        if (org.gcmreview.audit.AuditLog.OWN_ACTORS.contains(username.strip().toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        return jdbc.sql("select count(*) from app_user where lower(username) = lower(?)").param(username)
                .query(Integer.class).single() > 0;
    }

    /** @return the new organisation's id, or empty when the name was taken in the meantime */
    Optional<Long> insert(Registration registration) {
        return jdbc.sql("""
                insert into organisation (country_iso3, name, stakeholder_type, contact_name, contact_email)
                values (?, ?, ?, ?, ?) on conflict do nothing returning id""")
                .params(registration.countryIso3(), registration.name(), registration.stakeholderType(),
                        registration.contactName(), registration.contactEmail())
                .query(Long.class).optional();
    }

    /** @return the new user's id, or empty when the username was taken in the meantime */
    Optional<Long> insertContactUser(long organisationId, Registration registration, String passwordHash,
            String language) {
        return jdbc.sql("""
                insert into app_user (username, password_hash, display_name, email, role, country_iso3,
                                      organisation_id, preferred_language)
                values (?, ?, ?, ?, 'STAKEHOLDER', ?, ?, ?) on conflict do nothing returning id""")
                .params(registration.username(), passwordHash, registration.contactName(),
                        registration.contactEmail(), registration.countryIso3(), organisationId, language)
                .query(Long.class).optional();
    }

    void verify(long id, long userId) {
        jdbc.sql("""
                update organisation set verified = true, verified_at = now(), verified_by = ?, rejected_at = null,
                       rejected_by = null, rejection_reason = null where id = ?""").params(userId, id).update();
    }

    void reject(long id, String reason, long userId) {
        jdbc.sql("""
                update organisation set verified = false, verified_at = null, verified_by = null, rejected_at = now(),
                       rejected_by = ?, rejection_reason = ? where id = ?""").params(userId, reason, id).update();
    }

    record Choice(String code, String name) {
    }

    List<Choice> countries() {
        return jdbc.sql("select btrim(iso3), name from country order by name")
                .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2))).list();
    }

    List<Choice> stakeholderTypes() {
        return jdbc.sql("select code, name from stakeholder_type order by position")
                .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2))).list();
    }

    private Organisation map(ResultSet rs, int row) throws SQLException {
        boolean verified = rs.getBoolean("verified");
        Instant rejectedAt = instant(rs.getTimestamp("rejected_at"));
        OrganisationStatus status = status(verified, rejectedAt != null);
        return new Organisation(
                rs.getLong("id"),
                rs.getString("country_iso3").trim(),
                rs.getString("country_name"),
                rs.getString("name"),
                rs.getString("stakeholder_type"),
                rs.getString("contact_name"),
                rs.getString("contact_email"),
                status,
                instant(rs.getTimestamp("created_at")),
                verified ? instant(rs.getTimestamp("verified_at")) : rejectedAt,
                rs.getString("decided_by"),
                rs.getString("rejection_reason"),
                rs.getString("usernames"));
    }
}
