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

    /**
     * @param reviewCycle the GCM review cycle the report belongs to: its round's cycle (e.g. 2026), or the
     *     national cycle's code for a report that went to no round
     */
    public record Listed(String businessKey, String countryIso3, String countryName, String commissionCode, String region,
            String reviewCycle, String title, Instant publishedAt) {
    }

    /** A filter of the list; null or blank values do not filter. */
    public record Filter(String country, String region, String cycle) {

        static Filter of(String country, String region, String cycle) {
            return new Filter(clean(country), clean(region), clean(cycle));
        }

        public boolean active() {
            return country != null || region != null || cycle != null;
        }

        private static String clean(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** The values the list can be filtered by, taken from what is published. */
    public record Options(List<Listed> countries, List<Listed> regions, List<String> cycles) {
    }

    private static final String SELECT = """
            select c.business_key, c.country_iso3, k.name as country_name, k.commission_code, rc.name as region,
                   coalesce(rr.cycle_code, ir.cycle_code, c.code) as review_cycle, c.title, c.published_at
              from review_cycle c
              join country k on k.iso3 = c.country_iso3
              join regional_commission rc on rc.code = k.commission_code
              left join review_round rr on rr.id = c.regional_round_id
              left join review_round ir on ir.id = c.imrf_round_id
             where c.published_at is not null
            """;

    private final JdbcClient jdbc;
    private final ReviewCycles cycles;

    PublishedReports(JdbcClient jdbc, ReviewCycles cycles) {
        this.jdbc = jdbc;
        this.cycles = cycles;
    }

    List<Listed> all() {
        return find(Filter.of(null, null, null));
    }

    List<Listed> find(Filter filter) {
        return jdbc.sql("select * from (" + SELECT + ") p"
                        + " where (cast(:country as text) is null or p.country_iso3 = :country)"
                        + "   and (cast(:region as text) is null or p.commission_code = :region)"
                        + "   and (cast(:cycle as text) is null or p.review_cycle = :cycle)"
                        + " order by p.published_at desc, p.country_name")
                .param("country", filter.country() == null ? null : filter.country().toUpperCase())
                .param("region", filter.region() == null ? null : filter.region().toUpperCase())
                .param("cycle", filter.cycle())
                .query(PublishedReports::map)
                .list();
    }

    private static Listed map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Listed(rs.getString("business_key"), rs.getString("country_iso3").trim(),
                rs.getString("country_name"), rs.getString("commission_code"), rs.getString("region"),
                rs.getString("review_cycle"), rs.getString("title"), rs.getTimestamp("published_at").toInstant());
    }

    Options options() {
        List<Listed> all = all();
        return new Options(
                all.stream().filter(distinctBy(Listed::countryIso3)).sorted(
                        java.util.Comparator.comparing(Listed::countryName)).toList(),
                all.stream().filter(distinctBy(Listed::commissionCode)).sorted(
                        java.util.Comparator.comparing(Listed::commissionCode)).toList(),
                all.stream().map(Listed::reviewCycle).distinct().sorted(java.util.Comparator.reverseOrder()).toList());
    }

    Optional<ReviewCycle> find(String businessKey) {
        return cycles.findByBusinessKey(businessKey).filter(ReviewCycle::published);
    }

    Optional<Listed> listed(String businessKey) {
        return jdbc.sql(SELECT + " and c.business_key = ?").param(businessKey).query(PublishedReports::map).optional();
    }

    /**
     * Counts of the stakeholder inputs of the report's consultation, by how the coordinator answered them. An
     * individual's input that was never confirmed by e-mail was never received.
     */
    ConsultationSummary consultation(long cycleId) {
        return jdbc.sql("""
                select w.opens_at, w.closes_at,
                       count(i.id) filter (where i.status <> 'HIDDEN') as received,
                       count(i.id) filter (where i.status <> 'HIDDEN' and i.response_outcome = 'ACCEPTED') as accepted,
                       count(i.id) filter (where i.status <> 'HIDDEN' and i.response_outcome = 'PARTLY') as partly,
                       count(i.id) filter (where i.status <> 'HIDDEN' and i.response_outcome = 'NOT_ACCEPTED')
                           as not_accepted,
                       count(i.id) filter (where i.status <> 'HIDDEN' and i.response_outcome is null) as unanswered,
                       count(i.id) filter (where i.status = 'HIDDEN') as withheld
                  from consultation_window w
                  left join consultation_input i on i.window_id = w.id and i.confirmed_at is not null
                 where w.cycle_id = ?
                 group by w.id""")
                .param(cycleId)
                .query((rs, n) -> new ConsultationSummary(true, rs.getTimestamp("opens_at").toInstant(),
                        rs.getTimestamp("closes_at").toInstant(), rs.getInt("received"), rs.getInt("accepted"),
                        rs.getInt("partly"), rs.getInt("not_accepted"), rs.getInt("unanswered"),
                        rs.getInt("withheld")))
                .optional()
                .orElse(ConsultationSummary.NONE);
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, Object> key) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        return t -> seen.add(key.apply(t));
    }
}
