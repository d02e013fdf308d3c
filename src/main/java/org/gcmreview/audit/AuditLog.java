package org.gcmreview.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Append-only record of who did what. Written in the caller's transaction, so an action and its audit
 * entry are stored together or not at all.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** Actors the log writes itself; no user may be called so (a check on app_user, db/V120). */
    public static final java.util.Set<String> OWN_ACTORS = java.util.Set.of("system", "individual", "anonymous");

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every field goes through {@link LogText#neutral}: an entry's text cannot pretend to be another entry. */
    public void record(AuditEntry given) {
        AuditEntry entry = new AuditEntry(LogText.neutral(given.actor()), LogText.neutral(given.action()),
                LogText.neutral(given.countryIso3()), LogText.neutral(given.subjectType()),
                LogText.neutral(given.subjectId()), LogText.neutral(given.details()));
        jdbc.sql("""
                insert into audit_event (actor, action, country_iso3, subject_type, subject_id, details)
                values (:actor, :action, :country, :subjectType, :subjectId, :details)
                """)
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("country", entry.countryIso3())
                .param("subjectType", entry.subjectType())
                .param("subjectId", entry.subjectId())
                .param("details", entry.details())
                .update();
        log.info("audit {} by {} on {} {}", entry.action(), entry.actor(), entry.subjectType(), entry.subjectId());
    }
}
