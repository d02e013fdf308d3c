package org.gcmreview.demo;

import java.sql.Types;
import java.util.List;
import java.util.Set;

import org.gcmreview.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo countries, ministries, organisation and users (see {@link DemoData}) so that a developer can
 * sign in as each role straight away. Idempotent: every row is inserted only if it is missing and nothing is
 * ever updated, so a restart on the same database changes nothing, and a demo account someone edited stays
 * as they left it. Countries, commissions and the stakeholder type normally come from the reference data; they
 * are inserted here too (if missing) so the demo never depends on it.
 */
@Component
@Profile(DemoProfileActivator.PROFILE)
class DemoDataSeeder implements ApplicationRunner, Ordered {

    /** Other features' demo seeders need these users: give them a higher order so they run afterwards. */
    static final int ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;

    DemoDataSeeder(JdbcClient jdbc, PasswordEncoder passwordEncoder, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> seed());
        log.info("Demo data active (profile '{}'): sign in as {} with the shared demo password. "
                + "Never use this profile on a database with real data.", DemoProfileActivator.PROFILE,
                String.join(", ", DemoData.usernames()));
    }

    void seed() {
        DemoData.COMMISSIONS.forEach(c -> jdbc.sql(
                "insert into regional_commission (code, name) values (?, ?) on conflict do nothing")
                .params(c.code(), c.name()).update());
        DemoData.COUNTRIES.forEach(c -> jdbc.sql(
                "insert into country (iso3, name, commission_code) values (?, ?, ?) on conflict do nothing")
                .params(c.iso3(), c.name(), c.commissionCode()).update());
        jdbc.sql("insert into stakeholder_type (code, name, position) values (?, ?, ?) on conflict do nothing")
                .params(DemoData.MIGRANT_DIASPORA, "Migrant and diaspora organisations", 2).update();
        DemoData.MINISTRIES.forEach(m -> jdbc.sql(
                "insert into ministry (country_iso3, code, name) values (?, ?, ?) on conflict do nothing")
                .params(m.countryIso3(), m.code(), m.name()).update());

        Set<String> existing = Set.copyOf(jdbc.sql("select username from app_user where username = any(?)")
                .param(DemoData.usernames().toArray(String[]::new)).query(String.class).list());
        List<DemoData.User> missing = DemoData.USERS.stream().filter(u -> !existing.contains(u.username())).toList();
        // BCrypt is slow on purpose: hash once, and only when there is someone to create
        String passwordHash = missing.isEmpty() ? null : passwordEncoder.encode(DemoData.PASSWORD);
        // the organisation records who verified it, so its coordinator comes first
        missing.stream().filter(u -> u.role() != Role.STAKEHOLDER).forEach(u -> insertUser(u, passwordHash));
        insertOrganisation();
        missing.stream().filter(u -> u.role() == Role.STAKEHOLDER).forEach(u -> insertUser(u, passwordHash));
    }

    private void insertOrganisation() {
        DemoData.Organisation org = DemoData.ORGANISATION;
        jdbc.sql("""
                insert into organisation (country_iso3, name, stakeholder_type, contact_name, contact_email,
                                          verified, verified_at, verified_by)
                select ?, ?, ?, ?, ?, true, now(), u.id from app_user u where u.username = ?
                on conflict do nothing""")
                .params(org.countryIso3(), org.name(), org.stakeholderType(), org.contactName(), org.contactEmail(),
                        org.verifiedBy())
                .update();
    }

    private void insertUser(DemoData.User user, String passwordHash) {
        Long ministryId = user.ministryCode() == null ? null
                : jdbc.sql("select id from ministry where country_iso3 = ? and code = ?")
                        .params(user.countryIso3(), user.ministryCode()).query(Long.class).single();
        Long organisationId = user.role() != Role.STAKEHOLDER ? null
                : jdbc.sql("select id from organisation where country_iso3 = ? and name = ?")
                        .params(DemoData.ORGANISATION.countryIso3(), DemoData.ORGANISATION.name())
                        .query(Long.class).single();
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, email, role, country_iso3, ministry_id,
                                      organisation_id, commission_code)
                values (:username, :hash, :displayName, :email, :role, :country, :ministryId, :organisationId,
                        :commission)
                on conflict (username) do nothing""")
                .param("username", user.username())
                .param("hash", passwordHash)
                .param("displayName", user.displayName())
                .param("email", user.username() + "@demo.gcm-review.invalid")
                .param("role", user.role().name())
                .param("country", user.countryIso3(), Types.CHAR)
                .param("ministryId", ministryId, Types.BIGINT)
                .param("organisationId", organisationId, Types.BIGINT)
                .param("commission", user.commissionCode(), Types.VARCHAR)
                .update();
    }
}
