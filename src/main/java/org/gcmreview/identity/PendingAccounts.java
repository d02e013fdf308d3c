package org.gcmreview.identity;

import java.util.List;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts that signed in through a provider and wait for a role, and their approval: an administrator gives any
 * of them any role a provider could give; a coordinator makes the ones that claimed their own country focal
 * points of one of its ministries (another country's pending accounts are, to them, not there). Audited
 * (SSO_ACCOUNT_APPROVED, SSO_ACCOUNT_REFUSED). The role's change ends the pending session (RightsCheck): the
 * person signs in again and arrives with their rights.
 */
@Service
public class PendingAccounts {

    /** A pending account as the approval pages list it. */
    public record Pending(long id, String username, String displayName, String email, String claimedCountryIso3,
            String provider) {
    }

    /** What an approval makes of the account. */
    public record Approval(Role role, String countryIso3, Long ministryId, String commissionCode) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PendingAccounts(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.email, u.country_iso3, s.provider
              from app_user u join sso_identity s on s.user_id = u.id
             where u.role = 'PENDING' and u.enabled""";

    /** Every pending account (an administrator), or those that claimed this country (its coordinator). */
    public List<Pending> list(Optional<String> countryIso3) {
        return jdbc.sql(SELECT + " and (cast(:country as char(3)) is null or u.country_iso3 = :country)"
                        + " order by s.linked_at, u.id")
                .param("country", countryIso3.orElse(null))
                .query((rs, row) -> new Pending(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("email"),
                        rs.getString("country_iso3") == null ? null : rs.getString("country_iso3").trim(),
                        rs.getString("provider")))
                .list();
    }

    /** The pending account, if the caller may see it: any for an administrator, their country's for a coordinator. */
    public Optional<Pending> find(long id, CurrentUser by) {
        Optional<String> country = by.is(Role.ADMIN) ? Optional.empty() : Optional.ofNullable(by.countryIso3());
        if (!by.is(Role.ADMIN) && !by.is(Role.COORDINATOR)) {
            return Optional.empty();
        }
        return list(country).stream().filter(p -> p.id() == id).findFirst();
    }

    /**
     * Gives the pending account its role (the caller checked who may approve what, and that the ministry or
     * commission exists). Returns false when it is no longer pending (approved meanwhile by someone else).
     */
    @Transactional
    public boolean approve(long id, Approval approval, CurrentUser by) {
        int changed = jdbc.sql("""
                update app_user set role = ?, country_iso3 = ?, ministry_id = ?, commission_code = ?
                 where id = ? and role = 'PENDING'""")
                .params(approval.role().name(), approval.countryIso3(), approval.ministryId(),
                        approval.commissionCode(), id)
                .update();
        if (changed == 1) {
            audit.record(AuditEntry.of(by.username(), "SSO_ACCOUNT_APPROVED", approval.countryIso3(), "app_user", id,
                    approval.role() + (approval.ministryId() != null ? " ministry " + approval.ministryId() : "")
                            + (approval.commissionCode() != null ? " " + approval.commissionCode() : "")));
        }
        return changed == 1;
    }

    /** Refuses it: the account is disabled, so signing in through the provider is refused from then on. */
    @Transactional
    public boolean refuse(long id, CurrentUser by) {
        Optional<String> country = jdbc.sql("select country_iso3 from app_user where id = ? and role = 'PENDING'")
                .param(id).query(String.class).optional();
        int changed = jdbc.sql("update app_user set enabled = false where id = ? and role = 'PENDING' and enabled")
                .param(id).update();
        if (changed == 1) {
            audit.record(AuditEntry.of(by.username(), "SSO_ACCOUNT_REFUSED",
                    country.map(String::trim).orElse(null), "app_user", id, null));
        }
        return changed == 1;
    }
}
