package org.gcmreview.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A country's list of ministries, as its coordinator keeps it. Always asked for with the country, so a
 * coordinator never reaches another country's ministry. Ministries are retired, never deleted: past cycles refer
 * to them (and keep the name they had then, in ministry_assignment.ministry_name).
 */
@Repository
class CountryMinistries {

    private static final String SELECT = "select id, country_iso3, code, name, languages, retired_at from ministry";

    private final JdbcClient jdbc;

    CountryMinistries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CountryMinistry> of(String iso3) {
        return jdbc.sql(SELECT + " where country_iso3 = ? order by retired_at nulls first, name, code").param(iso3)
                .query(this::map).list();
    }

    Optional<CountryMinistry> find(String iso3, long id) {
        return jdbc.sql(SELECT + " where country_iso3 = ? and id = ?").params(iso3, id).query(this::map).optional();
    }

    /** The new ministry's id, or empty when the country already has one with this code. */
    Optional<Long> add(String iso3, String code, String name, String languages) {
        return jdbc.sql("""
                insert into ministry (country_iso3, code, name, languages) values (?, ?, ?, ?)
                on conflict (country_iso3, code) do nothing returning id""")
                .params(iso3, code, name, languages).query(Long.class).optional();
    }

    void update(long id, String name, String languages) {
        jdbc.sql("update ministry set name = ?, languages = ? where id = ?").params(name, languages, id).update();
    }

    void setRetired(long id, boolean retired) {
        jdbc.sql("update ministry set retired_at = case when ? then coalesce(retired_at, now()) end where id = ?")
                .params(retired, id).update();
    }

    private CountryMinistry map(ResultSet rs, int row) throws SQLException {
        return new CountryMinistry(rs.getLong("id"), rs.getString("country_iso3").trim(), rs.getString("code"),
                rs.getString("name"), rs.getString("languages"), rs.getObject("retired_at", OffsetDateTime.class));
    }
}
