package org.gcmreview.submission.publication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code report_translation} table: a published report's versions in other languages (never changed). */
@Repository
class ReportTranslations {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ReportTranslations(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** False when the report already has a translation into this language (one per language). */
    boolean add(long cycleId, int versionNo, String originalSha256, String language, String content, String sha256,
            long userId) {
        boolean added = jdbc.sql("""
                insert into report_translation (cycle_id, version_no, original_sha256, language, content, sha256,
                                                created_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (cycle_id, language) do nothing""")
                .params(cycleId, versionNo, originalSha256, language, content, sha256, userId).update() == 1;
        if (added) {
            events.publishEvent(new PublishedReportChanged(cycleId));
        }
        return added;
    }

    /** In the order of the six languages' codes, so the switch lists them the same way on every report. */
    List<ReportTranslation> of(long cycleId) {
        return jdbc.sql("select * from report_translation where cycle_id = ? order by language").param(cycleId)
                .query(ReportTranslations::map).list();
    }

    /** A translation's language and SHA-256: what a published page's tag and language switch need, no text. */
    record Language(String language, String sha256) {
    }

    /** The report's translations without their text, in the order of {@link #of}. */
    List<Language> languages(long cycleId) {
        return jdbc.sql("select language, sha256 from report_translation where cycle_id = ? order by language")
                .param(cycleId).query((rs, row) -> new Language(rs.getString("language"), rs.getString("sha256")))
                .list();
    }

    Optional<ReportTranslation> find(long cycleId, String language) {
        return jdbc.sql("select * from report_translation where cycle_id = ? and language = ?")
                .params(cycleId, language).query(ReportTranslations::map).optional();
    }

    private static ReportTranslation map(ResultSet rs, int row) throws SQLException {
        return new ReportTranslation(rs.getLong("id"), rs.getLong("cycle_id"), rs.getInt("version_no"),
                rs.getString("original_sha256"), rs.getString("language"), rs.getString("content"),
                rs.getString("sha256"), rs.getTimestamp("created_at").toInstant());
    }
}
