package org.gcmreview.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.gcmreview.identity.Role;
import org.gcmreview.identity.UserAccountRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads accounts for the people pages; changes go through {@link UserAccountRepository}. */
@Repository
class People {

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.email, u.role, u.country_iso3, u.ministry_id, m.name as ministry,
                   u.commission_code, u.enabled, u.password_hash <> :none as password_set
              from app_user u left join ministry m on m.id = u.ministry_id
            """;

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A country's ministry focal points. */
    List<Person> focalPoints(String iso3) {
        return jdbc.sql(SELECT + " where u.role = 'MINISTRY' and u.country_iso3 = :country order by m.name, u.display_name")
                .param("none", UserAccountRepository.NO_PASSWORD).param("country", iso3).query(this::map).list();
    }

    Optional<Person> focalPoint(String iso3, long id) {
        return jdbc.sql(SELECT + " where u.role = 'MINISTRY' and u.country_iso3 = :country and u.id = :id")
                .param("none", UserAccountRepository.NO_PASSWORD).param("country", iso3).param("id", id)
                .query(this::map).optional();
    }

    /**
     * The accounts an administrator manages (coordinators, secretariats and administrators), of one role or all,
     * whose name, user name, country or commission contains the text; at most {@code limit}, the newest first (the
     * ones just invited are the ones an administrator looks for).
     */
    List<Person> staff(Role role, String text, int limit) {
        return jdbc.sql(SELECT + """
                 where u.role in ('COORDINATOR', 'REGIONAL_SECRETARIAT', 'IMRF_SECRETARIAT', 'ADMIN')
                   and (cast(:role as text) is null or u.role = :role)
                   and (:text = '' or position(lower(:text) in lower(u.display_name || ' ' || u.username || ' '
                        || coalesce(u.country_iso3, '') || ' ' || coalesce(u.commission_code, ''))) > 0)
                 order by u.id desc
                 limit :limit""")
                .param("none", UserAccountRepository.NO_PASSWORD).param("role", role == null ? null : role.name())
                .param("text", text).param("limit", limit).query(this::map).list();
    }

    Optional<Person> staffMember(long id) {
        return jdbc.sql(SELECT + """
                 where u.role in ('COORDINATOR', 'REGIONAL_SECRETARIAT', 'IMRF_SECRETARIAT', 'ADMIN') and u.id = :id""")
                .param("none", UserAccountRepository.NO_PASSWORD).param("id", id).query(this::map).optional();
    }

    Optional<Person> byUsername(String username) {
        return jdbc.sql(SELECT + " where u.username = :username").param("none", UserAccountRepository.NO_PASSWORD)
                .param("username", username).query(this::map).optional();
    }

    boolean anyAdministrator() {
        return jdbc.sql("select exists (select 1 from app_user where role = 'ADMIN')").query(Boolean.class).single();
    }

    /** Whether this account is the only administrator there is. */
    boolean onlyAdministrator(long id) {
        return jdbc.sql("select count(*) = 1 and bool_and(id = ?) from app_user where role = 'ADMIN'").param(id)
                .query(Boolean.class).single();
    }

    private Person map(ResultSet rs, int row) throws SQLException {
        String country = rs.getString("country_iso3");
        return new Person(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), Role.valueOf(rs.getString("role")), country == null ? null : country.trim(),
                rs.getObject("ministry_id", Long.class), rs.getString("ministry"), rs.getString("commission_code"),
                rs.getBoolean("enabled"), rs.getBoolean("password_set"));
    }
}
