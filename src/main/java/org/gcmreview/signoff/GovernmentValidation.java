package org.gcmreview.signoff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validation by the government (issue 14.4): whether a country has its government (a cabinet or minister group)
 * validate the endorsed report, and the government's decisions. Switched on per country by its coordinator or an
 * administrator, naming the group; the endorsement then routes "Validate the endorsed report" to the country's
 * government group ({@link CandidateGroups#government}). Owns {@code government_validation} and
 * {@code government_decision}; every change is audited.
 */
@Repository
public class GovernmentValidation {

    /** The country's setting: validation is on, by this group. */
    public record Setting(String countryIso3, String groupName, String switchedOnBy, Instant switchedOnAt) {
    }

    /** The government's decision on one endorsed version. */
    public record Decision(long id, long cycleId, long reportVersionId, int versionNo, String groupName,
            String decision, String comment, String decidedBy, Instant decidedAt) {

        public boolean validated() {
            return "VALIDATED".equals(decision);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    GovernmentValidation(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Optional<Setting> of(String countryIso3) {
        return jdbc.sql("""
                select btrim(country_iso3), group_name, switched_on_by, switched_on_at
                  from government_validation where country_iso3 = ?""").param(countryIso3)
                .query((rs, n) -> new Setting(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** The candidate group the endorsement hands the process: the country's government group, or null when off. */
    String candidateGroup(String countryIso3) {
        return of(countryIso3).map(s -> CandidateGroups.government(countryIso3)).orElse(null);
    }

    @Transactional
    public void switchOn(String countryIso3, String groupName, CurrentUser by) {
        jdbc.sql("""
                insert into government_validation (country_iso3, group_name, switched_on_by) values (?, ?, ?)
                on conflict (country_iso3) do update set group_name = excluded.group_name,
                    switched_on_by = excluded.switched_on_by, switched_on_at = now()""")
                .params(countryIso3, groupName, by.username()).update();
        audit.record(AuditEntry.of(by.username(), "GOVERNMENT_VALIDATION_ON", countryIso3, "country", null,
                "validated by " + groupName));
    }

    @Transactional
    public void switchOff(String countryIso3, CurrentUser by) {
        if (jdbc.sql("delete from government_validation where country_iso3 = ?").param(countryIso3).update() > 0) {
            audit.record(AuditEntry.of(by.username(), "GOVERNMENT_VALIDATION_OFF", countryIso3, "country", null,
                    "no validation by the government"));
        }
    }

    void recordDecision(long cycleId, long versionId, int versionNo, String groupName, boolean validated, String comment,
            String username) {
        jdbc.sql("""
                insert into government_decision (cycle_id, report_version_id, version_no, group_name, decision,
                                                 comment, decided_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(cycleId, versionId, versionNo, groupName, validated ? "VALIDATED" : "RETURNED",
                        comment == null || comment.isEmpty() ? null : comment, username)
                .update();
    }

    /** The cycle's decisions, oldest first: shown with the sign-off record on the cycle page. */
    public List<Decision> decisions(long cycleId) {
        return jdbc.sql("""
                select id, cycle_id, report_version_id, version_no, group_name, decision, comment, decided_by,
                       decided_at
                  from government_decision where cycle_id = ? order by decided_at, id""").param(cycleId)
                .query((rs, n) -> new Decision(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }
}
