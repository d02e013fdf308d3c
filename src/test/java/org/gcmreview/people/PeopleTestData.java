package org.gcmreview.people;

import java.util.UUID;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.identity.UserAccountRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Data the people pages act on, for other features' tests (the authorization matrix, the hostile suite). */
public final class PeopleTestData {

    private final JdbcClient jdbc;
    private final TestUsers users;

    public PeopleTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.users = new TestUsers(jdbc);
    }

    /** A new invited account (no password yet) with an open set-password link: the link's token. */
    public String newPasswordLink() {
        CurrentUser user = invited(users.ministry("KEN", "INTERIOR"));
        String token = UUID.randomUUID().toString() + UUID.randomUUID();
        jdbc.sql("""
                insert into password_link (user_id, token_sha256, purpose, expires_at)
                values (?, ?, 'INVITATION', now() + interval '1 day')""")
                .params(user.id(), PasswordLinks.sha256(token)).update();
        return token;
    }

    /** A new ministry of the country: its id. */
    public long newMinistry(String iso3) {
        users.ensureCountry(iso3);
        String code = "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        return jdbc.sql("insert into ministry (country_iso3, code, name, languages) values (?, ?, ?, 'en') returning id")
                .params(iso3, code, "Ministry " + code).query(Long.class).single();
    }

    /** A new focal point of the country, invited and not yet signed up: its id. */
    public long newFocalPoint(String iso3) {
        return invited(users.ministry(iso3, "INTERIOR")).id();
    }

    /** A new coordinator of the country, invited and not yet signed up: its id (an account the admin manages). */
    public long newStaffMember(String iso3) {
        return invited(users.coordinator(iso3)).id();
    }

    private CurrentUser invited(CurrentUser user) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(UserAccountRepository.NO_PASSWORD, user.id())
                .update();
        return user;
    }
}
