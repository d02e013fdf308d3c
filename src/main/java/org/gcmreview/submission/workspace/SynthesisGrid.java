package org.gcmreview.submission.workspace;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.SubmissionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Builds a round's synthesis from the frozen version of each country's latest submission to the round, so the grid
 * shows exactly what was submitted, not the draft that may have moved on since. It reads only the objectives'
 * statuses PostgreSQL extracted from the frozen JSON when the version was stored (db/V91), not the whole report.
 */
@Service
public class SynthesisGrid {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ReferenceData reference;

    SynthesisGrid(JdbcClient jdbc, ObjectMapper json, ReferenceData reference) {
        this.jdbc = jdbc;
        this.json = json;
        this.reference = reference;
    }

    public Synthesis of(ReviewRound round) {
        List<Synthesis.Row> rows = jdbc.sql("""
                select distinct on (c.country_iso3) c.country_iso3, k.name as country_name, k.commission_code,
                       c.business_key, c.title, v.version_no, v.sha256, v.objective_statuses, s.status
                  from submission s
                  join review_cycle c on c.id = s.cycle_id
                  join country k on k.iso3 = c.country_iso3
                  join report_version v on v.id = s.report_version_id
                 where s.round_id = ?
                 order by c.country_iso3, s.submitted_at desc, s.id desc""")
                .param(round.id())
                .query((rs, n) -> new Synthesis.Row(rs.getString("country_iso3").trim(), rs.getString("country_name"),
                        rs.getString("commission_code"), rs.getString("business_key"), rs.getString("title"),
                        rs.getInt("version_no"), rs.getString("sha256"),
                        SubmissionStatus.valueOf(rs.getString("status")), cells(rs.getString("objective_statuses"))))
                .list();
        List<Synthesis.Row> byName = rows.stream()
                .sorted(java.util.Comparator.comparing(Synthesis.Row::countryName,
                        java.text.Collator.getInstance(java.util.Locale.ENGLISH)))
                .toList();
        return new Synthesis(round, reference.objectives(), byName);
    }

    /**
     * Per country, the guiding principles (a JSON array) its latest submission to the round gives evidence for, as
     * extracted when the version was frozen (db/V250); withdrawn and released reports left out (issue 16.4).
     */
    List<String> evidencedPrinciples(ReviewRound round) {
        return jdbc.sql("""
                select l.evidenced_principles from (
                    select distinct on (c.country_iso3) v.evidenced_principles, s.status
                      from submission s
                      join review_cycle c on c.id = s.cycle_id
                      join report_version v on v.id = s.report_version_id
                     where s.round_id = ?
                     order by c.country_iso3, s.submitted_at desc, s.id desc) l
                 where l.status not in ('WITHDRAWN', 'RELEASED')""")
                .param(round.id()).query(String.class).list();
    }

    private Map<Integer, Synthesis.Cell> cells(String objectiveStatuses) {
        Map<Integer, Synthesis.Cell> cells = new TreeMap<>();
        try {
            json.readTree(objectiveStatuses).properties().forEach(status -> cells.put(
                    Integer.valueOf(status.getKey()), Synthesis.Cell.of(status.getValue().textValue())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The objective statuses of a frozen version are not valid JSON", e);
        }
        return cells;
    }
}
