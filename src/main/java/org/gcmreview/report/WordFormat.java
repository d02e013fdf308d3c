package org.gcmreview.report;

import java.util.Locale;

/**
 * The hidden structure of a .docx gcm-review writes, so that an uploaded copy can be mapped back.
 *
 * <p>Why these markers: a ministry edits the file in Word or LibreOffice, which rewrite the whole package on
 * saving. Document <em>custom properties</em> survive that in both and are invisible on the page, so they carry
 * what the file is (format and version, cycle, ministry, country, language of the headings). Each field's
 * <em>heading</em> carries a <em>bookmark</em> ({@code gcm_<id>_<field>}): bookmarks are kept by both
 * programs, invisible, and sit on the heading paragraph, which nobody needs to touch to edit the text beneath
 * it; the text of a field is everything from its heading to the next marked heading. Content controls were
 * the alternative: LibreOffice turns them into plain text or fields on saving, which would break the mapping
 * for part of the ministries. The heading's text is checked too, against what the export wrote in the
 * language it names, so a renamed or deleted section is refused rather than guessed at.
 */
final class WordFormat {

    /** Custom property naming what the file is: {@code contribution/1} or {@code report/1}. */
    static final String FORMAT = "gcm-review-format";
    static final String CONTRIBUTION = "contribution/1";
    static final String REPORT = "report/1";
    static final String CYCLE = "gcm-review-cycle";
    static final String MINISTRY = "gcm-review-ministry";
    static final String COUNTRY = "gcm-review-country";
    /** The language the headings were written in (a language tag), to check them on upload. */
    static final String LANGUAGE = "gcm-review-language";
    static final String PREFIX = "gcm_";
    /** Columns of an indicator table, in order. */
    static final int COLUMNS = 5;

    /** The fields of an objective section or contribution, each under a heading of its own. */
    enum Field {
        STATUS("drafting.field.status"),
        NARRATIVE("drafting.field.narrative"),
        MEASURES("drafting.field.measures"),
        PRACTICES("drafting.field.practices"),
        CHALLENGES("drafting.field.challenges"),
        INDICATORS("drafting.indicators");

        final String labelKey;

        Field(String labelKey) {
            this.labelKey = labelKey;
        }
    }

    private WordFormat() {
    }

    /** The bookmark on an objective's heading. */
    static String marker(long id) {
        return PREFIX + id;
    }

    /** The bookmark on the heading of one field of content {@code id}. */
    static String marker(long id, Field field) {
        return PREFIX + id + "_" + field.name().toLowerCase(Locale.ROOT);
    }
}
