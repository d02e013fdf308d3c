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

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(AuditEntry entry) {
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
