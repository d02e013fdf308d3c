package org.gcmreview.submission.publication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Published reports only: whatever is not published does not exist for the public pages. */
@Repository
class PublishedReports {

    record Listed(String businessKey, String countryIso3, String countryName, String region, String code, String title,
            Instant publishedAt) {
    }

    private final JdbcClient jdbc;
    private final ReviewCycles cycles;

    PublishedReports(JdbcClient jdbc, ReviewCycles cycles) {
        this.jdbc = jdbc;
        this.cycles = cycles;
    }

    List<Listed> all() {
        return jdbc.sql("""
                select c.business_key, c.country_iso3, k.name as country_name, rc.name as region, c.code, c.title,
                       c.published_at
                  from review_cycle c
                  join country k on k.iso3 = c.country_iso3
                  join regional_commission rc on rc.code = k.commission_code
                 where c.published_at is not null
                 order by c.published_at desc, k.name""")
                .query((rs, n) -> new Listed(rs.getString("business_key"), rs.getString("country_iso3").trim(),
                        rs.getString("country_name"), rs.getString("region"), rs.getString("code"),
                        rs.getString("title"), rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    Optional<ReviewCycle> find(String businessKey) {
        return cycles.findByBusinessKey(businessKey).filter(ReviewCycle::published);
    }

    String region(String countryIso3) {
        return jdbc.sql("""
                select rc.name from country k join regional_commission rc on rc.code = k.commission_code
                 where k.iso3 = ?""").param(countryIso3).query(String.class).optional().orElse("");
    }
}
