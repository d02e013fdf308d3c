package org.gcmreview.submission.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gcmreview.reference.GuidingPrinciple;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.submission.ReviewRound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Issue 16.4 in the synthesis: per guiding principle, how many of the reports submitted to the round give evidence
 * for it (an objective section tagged with it), read like the grid from each country's latest submission, from the
 * principles PostgreSQL extracted from the frozen version when it was stored (db/V250). Reports the country
 * withdrew or the round released are not counted.
 */
@Service
class PrincipleCoverage {

    /** One principle and the number of reports that give evidence for it. */
    record Count(GuidingPrinciple principle, int reports) {
    }

    /** The round's reports counted and the principles, in number order. */
    record Coverage(int reports, List<Count> counts) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ReferenceData reference;

    PrincipleCoverage(JdbcClient jdbc, ObjectMapper json, ReferenceData reference) {
        this.jdbc = jdbc;
        this.json = json;
        this.reference = reference;
    }

    Coverage of(ReviewRound round) {
        List<String> evidenced = jdbc.sql("""
                select l.evidenced_principles from (
                    select distinct on (c.country_iso3) v.evidenced_principles, s.status
                      from submission s
                      join review_cycle c on c.id = s.cycle_id
                      join report_version v on v.id = s.report_version_id
                     where s.round_id = ?
                     order by c.country_iso3, s.submitted_at desc, s.id desc) l
                 where l.status not in ('WITHDRAWN', 'RELEASED')""")
                .param(round.id()).query(String.class).list();
        Map<Integer, Integer> counts = new HashMap<>();
        for (String principles : evidenced) {
            try {
                for (JsonNode n : json.readTree(principles)) {
                    counts.merge(n.asInt(), 1, Integer::sum);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The principles of a frozen version are not valid JSON", e);
            }
        }
        return new Coverage(evidenced.size(), reference.guidingPrinciples().stream()
                .map(p -> new Count(p, counts.getOrDefault(p.number(), 0))).toList());
    }
}
