package org.gcmreview.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Creates real users (and the country, ministry or organisation they need) in the test database, and signs
 * MockMvc requests in as them. Each call makes a new user with a unique name, so tests never share state.
 */
public final class TestUsers {

    private final JdbcClient jdbc;

    public TestUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Signs a MockMvc request in as this user, exactly as form login would. */
    public static RequestPostProcessor as(CurrentUser user) {
        return user(new SignedInUser(new UserAccount(user, "{noop}unused", true)));
    }

    /**
     * Signs a request in as this user as they are now, after a change of their rights (which ends sessions signed
     * in before it, RightsCheck): read again from app_user, with its current rights version.
     */
    public RequestPostProcessor signedInNow(CurrentUser user) {
        long version = jdbc.sql("select rights_version from app_user where id = ?").param(user.id())
                .query(Long.class).single();
        return user(new SignedInUser(new UserAccount(user, "{noop}unused", true, version)));
    }

    public CurrentUser coordinator(String iso3) {
        ensureCountry(iso3);
        return insert(Role.COORDINATOR, iso3, null, null, null);
    }

    public CurrentUser ministry(String iso3, String ministryCode) {
        ensureCountry(iso3);
        jdbc.sql("insert into ministry (country_iso3, code, name) values (?, ?, ?) on conflict do nothing")
                .params(iso3, ministryCode, "Ministry " + ministryCode).update();
        long ministryId = jdbc.sql("select id from ministry where country_iso3 = ? and code = ?")
                .params(iso3, ministryCode).query(Long.class).single();
        return insert(Role.MINISTRY, iso3, ministryId, null, null);
    }

    public CurrentUser stakeholder(String iso3, String organisationName) {
        ensureCountry(iso3);
        jdbc.sql("""
                insert into stakeholder_type (code, name, position) values ('CIVIL_SOCIETY', 'Civil society', 1)
                on conflict do nothing""").update();
        jdbc.sql("""
                insert into organisation (country_iso3, name, stakeholder_type, verified) values (?, ?, 'CIVIL_SOCIETY', true)
                on conflict do nothing""").params(iso3, organisationName).update();
        long organisationId = jdbc.sql("select id from organisation where country_iso3 = ? and name = ?")
                .params(iso3, organisationName).query(Long.class).single();
        return insert(Role.STAKEHOLDER, iso3, null, organisationId, null);
    }

    public CurrentUser regionalSecretariat(String commissionCode) {
        ensureCommission(commissionCode);
        return insert(Role.REGIONAL_SECRETARIAT, null, null, null, commissionCode);
    }

    public CurrentUser imrfSecretariat() {
        return insert(Role.IMRF_SECRETARIAT, null, null, null, null);
    }

    public CurrentUser admin() {
        return insert(Role.ADMIN, null, null, null, null);
    }

    /**
     * A person who signed in through single sign-on without claims giving a role, saying they work for this
     * country: PENDING, linked to a provider's subject.
     */
    public CurrentUser pending(String iso3) {
        ensureCountry(iso3);
        CurrentUser user = insert(Role.PENDING, iso3, null, null, null);
        jdbc.sql("insert into sso_identity (issuer, subject, user_id, provider) values (?, ?, ?, 'test')")
                .params("https://idp.example.org", UUID.randomUUID().toString(), user.id()).update();
        return user;
    }

    /** Gives the user this password hash, so they can sign in through the login form with its password. */
    public CurrentUser withPasswordHash(CurrentUser user, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(passwordHash, user.id()).update();
        return user;
    }

    /** Makes sure the country exists; reference data normally has it already. */
    public void ensureCountry(String iso3) {
        ensureCommission("ECA");
        jdbc.sql("insert into country (iso3, name, commission_code) values (?, ?, 'ECA') on conflict do nothing")
                .params(iso3, "Country " + iso3).update();
    }

    private void ensureCommission(String code) {
        jdbc.sql("insert into regional_commission (code, name) values (?, ?) on conflict do nothing")
                .params(code, "Commission " + code).update();
    }

    private CurrentUser insert(Role role, String iso3, Long ministryId, Long organisationId, String commission) {
        String username = role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        long id = jdbc.sql("""
                insert into app_user (username, password_hash, display_name, email, role, country_iso3, ministry_id,
                                      organisation_id, commission_code)
                values (?, '{noop}unused', ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(username, "Test " + username, username + "@example.org", role.name(), iso3, ministryId,
                        organisationId, commission)
                .query(Long.class).single();
        return new UserAccountRepository(jdbc).findById(id).orElseThrow();
    }
}
