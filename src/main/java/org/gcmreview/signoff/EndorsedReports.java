package org.gcmreview.signoff;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gcmreview.cycle.PreviousReports;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The country's last endorsed report, which a new cycle may start from (issue 16.3). */
@Component
class EndorsedReports implements PreviousReports {

    private final JdbcClient jdbc;
    private final ReviewCycles cycles;

    EndorsedReports(JdbcClient jdbc, ReviewCycles cycles) {
        this.jdbc = jdbc;
        this.cycles = cycles;
    }

    @Override
    public Optional<PreviousReport> latestEndorsed(String countryIso3) {
        Map<Long, ReviewCycle> own = cycles.findByCountry(countryIso3).stream()
                .collect(Collectors.toMap(ReviewCycle::id, Function.identity()));
        if (own.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select e.cycle_id, e.report_version_id, v.version_no, e.endorsed_at
                  from endorsement e join report_version v on v.id = e.report_version_id
                 where e.cycle_id = any(?) order by e.endorsed_at desc, e.id desc limit 1""")
                .param(own.keySet().toArray(Long[]::new))
                .query((rs, n) -> {
                    ReviewCycle cycle = own.get(rs.getLong("cycle_id"));
                    return new PreviousReport(cycle.id(), cycle.businessKey(), cycle.title(),
                            rs.getLong("report_version_id"), rs.getInt("version_no"),
                            rs.getTimestamp("endorsed_at").toInstant());
                })
                .optional();
    }
}
