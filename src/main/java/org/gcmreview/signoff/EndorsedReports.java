package org.gcmreview.signoff;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gcmreview.cycle.PreviousReports;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The country's last endorsed report, which a new cycle may start from (issue 16.3). */
@Component
class EndorsedReports implements PreviousReports {

    private final JdbcClient jdbc;
    private final ReviewCycles cycles;
    private final ReportVersions versions;

    EndorsedReports(JdbcClient jdbc, ReviewCycles cycles, ReportVersions versions) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.versions = versions;
    }

    @Override
    public Optional<PreviousReport> latestEndorsed(String countryIso3) {
        Map<Long, ReviewCycle> own = cycles.findByCountry(countryIso3).stream()
                .collect(Collectors.toMap(ReviewCycle::id, Function.identity()));
        if (own.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select e.cycle_id, e.report_version_id, e.endorsed_at
                  from endorsement e
                 where e.cycle_id = any(?) order by e.endorsed_at desc, e.id desc limit 1""")
                .param(own.keySet().toArray(Long[]::new))
                .query((rs, n) -> {
                    ReviewCycle cycle = own.get(rs.getLong("cycle_id"));
                    long versionId = rs.getLong("report_version_id");
                    return new PreviousReport(cycle.id(), cycle.businessKey(), cycle.title(), versionId,
                            versions.find(versionId).map(ReportVersion::versionNo).orElse(0),
                            rs.getTimestamp("endorsed_at").toInstant());
                })
                .optional();
    }
}
