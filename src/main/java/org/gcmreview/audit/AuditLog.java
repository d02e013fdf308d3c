package org.gcmreview.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

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
        recordAll(List.of(given));
    }

    /**
     * Several entries of one request, in this order, in one statement (one round trip to the database instead of
     * one each); each is written exactly as {@link #record} writes it.
     */
    public void recordAll(List<AuditEntry> given) {
        if (given.isEmpty()) {
            return;
        }
        List<AuditEntry> entries = given.stream().map(AuditLog::neutral).toList();
        List<Object> values = new ArrayList<>();
        for (AuditEntry entry : entries) {
            values.addAll(Arrays.asList(entry.actor(), entry.action(), entry.countryIso3(), entry.subjectType(),
                    entry.subjectId(), entry.details()));
        }
        jdbc.sql("insert into audit_event (actor, action, country_iso3, subject_type, subject_id, details) values "
                        + String.join(", ", Collections.nCopies(entries.size(), "(?, ?, ?, ?, ?, ?)")))
                .params(values)
                .update();
        for (AuditEntry entry : entries) {
            log.info("audit {} by {} on {} {}", entry.action(), entry.actor(), entry.subjectType(), entry.subjectId());
        }
    }

    private static AuditEntry neutral(AuditEntry given) {
        return new AuditEntry(LogText.neutral(given.actor()), LogText.neutral(given.action()),
                LogText.neutral(given.countryIso3()), LogText.neutral(given.subjectType()),
                LogText.neutral(given.subjectId()), LogText.neutral(given.details()));
    }
}
