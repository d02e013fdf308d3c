package org.gcmreview.submission.publication;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A translation of a published report's latest version, stored as the translation form stores it
 * ({@code ReportTranslations.add}): so a published page that kept its look-up forgets it, as it would after the
 * form. For fixtures outside this package, which have no report shaped for the form's sections.
 */
public final class TranslationTestData {

    private final JdbcClient jdbc;
    private final ReportTranslations translations;

    public TranslationTestData(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.translations = context.getBean(ReportTranslations.class);
    }

    /** False when the report already has a translation into this language. */
    public boolean translate(long cycleId, String language, String content, String sha256, long userId) {
        record Latest(int versionNo, String sha256) {
        }
        Latest latest = jdbc.sql("""
                select version_no, sha256 from report_version where cycle_id = ? order by version_no desc limit 1""")
                .param(cycleId).query(Latest.class).single();
        return translations.add(cycleId, latest.versionNo(), latest.sha256(), language, content, sha256, userId);
    }
}
