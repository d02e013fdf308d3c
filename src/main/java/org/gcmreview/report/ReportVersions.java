package org.gcmreview.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.reference.Objective;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.support.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Freezes the report's current sections into an immutable, hashed version, and reads versions back. */
@Service
public class ReportVersions {

    /** Writes the frozen content: default settings only, whatever the application configures. */
    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ReportSections sections;
    private final ReferenceData reference;
    private final ReviewCycles cycles;
    private final FollowUpItems followUpItems;

    public ReportVersions(JdbcClient jdbc, ObjectMapper json, ReportSections sections, ReferenceData reference,
            ReviewCycles cycles, FollowUpItems followUpItems) {
        this.followUpItems = followUpItems;
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.json = json;
        this.sections = sections;
        this.reference = reference;
    }

    /** Freezes what the report says now as the next version number. */
    @Transactional
    public ReportVersion freeze(long cycleId) {
        // Serialise freezes of one cycle so two never take the same version number.
        cycles.lock(cycleId);
        int versionNo = jdbc.sql("select coalesce(max(version_no), 0) + 1 from report_version where cycle_id = ?")
                .param(cycleId).query(Integer.class).single();
        String content = contentOf(cycleId, versionNo);
        String sha256 = sha256(content);
        long id = jdbc.sql("""
                insert into report_version (cycle_id, version_no, content, sha256) values (?, ?, ?, ?) returning id""")
                .params(cycleId, versionNo, content, sha256).query(Long.class).single();
        return find(id).orElseThrow();
    }

    public Optional<ReportVersion> find(long id) {
        return jdbc.sql("select * from report_version where id = ?").param(id).query(this::map).optional();
    }

    public Optional<ReportVersion> latest(long cycleId) {
        return jdbc.sql("select * from report_version where cycle_id = ? order by version_no desc limit 1")
                .param(cycleId).query(this::map).optional();
    }

    public List<ReportVersion> all(long cycleId) {
        return jdbc.sql("select * from report_version where cycle_id = ? order by version_no").param(cycleId)
                .query(this::map).list();
    }

    /** True when the stored content still hashes to the stored SHA-256 (the evidence has not been altered). */
    public boolean intact(ReportVersion version) {
        return sha256(version.content()).equals(version.sha256());
    }

    /** The sections of a frozen version, read back from its content, in report order. */
    public List<FrozenSection> sections(ReportVersion version) {
        try {
            FrozenReport report = json.readValue(version.content(), FrozenReport.class);
            return report.sections() == null ? List.of() : List.copyOf(report.sections());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Report version " + version.id() + " has unreadable content", e);
        }
    }

    /** The part of a frozen version's JSON the pages show; other keys are ignored. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record FrozenReport(List<FrozenSection> sections) {
    }

    /**
     * Canonical JSON: fixed key order, sections in report order, every section with the same keys (kind,
     * objective, title, status, body = the narrative, measures, practices, challenges, sdgTargets and allSdgs
     * from the reference data of its objective, indicators as name/value/unit/source/year, principles: the guiding
     * principles' numbers), then followUps (commitment, objective, outcome, note), written by a mapper
     * of our own so application-wide Jackson settings never change it. The same content gives the same hash.
     */
    String contentOf(long cycleId, int versionNo) {
        Map<String, Object> report = jdbc.sql("""
                select c.business_key, c.country_iso3, k.name as country_name, c.title,
                       c.period_start, c.period_end
                  from review_cycle c join country k on k.iso3 = c.country_iso3 where c.id = ?""")
                .param(cycleId).query((rs, row) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("businessKey", rs.getString("business_key"));
                    m.put("country", rs.getString("country_iso3").trim());
                    m.put("countryName", rs.getString("country_name"));
                    m.put("title", rs.getString("title"));
                    m.put("periodStart", String.valueOf(rs.getObject("period_start")));
                    m.put("periodEnd", String.valueOf(rs.getObject("period_end")));
                    return m;
                }).single();
        report.put("version", versionNo);
        List<Map<String, Object>> frozen = new ArrayList<>();
        for (ReportSection section : sections.forCycle(cycleId)) {
            SectionContent c = section.content();
            Optional<Objective> objective = Optional.ofNullable(section.objectiveNumber())
                    .flatMap(reference::objective);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", section.kind().name());
            s.put("objective", section.objectiveNumber());
            s.put("title", section.title());
            s.put("status", c.status());
            s.put("body", c.narrative());
            s.put("measures", c.measures());
            s.put("practices", c.practices());
            s.put("challenges", c.challenges());
            s.put("sdgTargets", objective.map(Objective::sdgTargets).orElse(List.of()));
            s.put("allSdgs", objective.map(Objective::allSdgs).orElse(false));
            s.put("indicators", IndicatorsJson.asMaps(c.indicators()));
            s.put("principles", c.principles());
            frozen.add(s);
        }
        report.put("sections", frozen);
        // issue 16.3: what became of the previous report's next steps, as their own part of the report
        List<Map<String, Object>> followUps = new ArrayList<>();
        for (FollowUpItem item : followUpItems.forCycle(cycleId)) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("commitment", item.commitment());
            f.put("objective", item.objectiveNumber());
            f.put("outcome", item.outcome());
            f.put("note", item.note());
            followUps.add(f);
        }
        report.put("followUps", followUps);
        try {
            return CANONICAL.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Report content could not be serialised", e);
        }
    }

    static String sha256(String content) {
        return Sha256.hex(content);
    }

    private ReportVersion map(ResultSet rs, int row) throws SQLException {
        return new ReportVersion(rs.getLong("id"), rs.getLong("cycle_id"), rs.getInt("version_no"),
                rs.getString("content"), rs.getString("sha256"), rs.getTimestamp("frozen_at").toInstant());
    }
}
