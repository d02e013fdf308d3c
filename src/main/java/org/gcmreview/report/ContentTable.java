package org.gcmreview.report;

/**
 * Where one kind of editable content is stored: the row (with body, implementation_status, measures,
 * practices, challenges and lock_version), its revisions and its indicator rows. The names are constants,
 * never taken from a request.
 */
enum ContentTable {
    SECTION("report_section", "section_revision", "section_indicator", "section_id"),
    CONTRIBUTION("contribution", "contribution_revision", "contribution_indicator", "contribution_id");

    final String table;
    final String revisionTable;
    final String indicatorTable;
    /** The column naming the owner row in the revision and indicator tables. */
    final String ownerKey;

    ContentTable(String table, String revisionTable, String indicatorTable, String ownerKey) {
        this.table = table;
        this.revisionTable = revisionTable;
        this.indicatorTable = indicatorTable;
        this.ownerKey = ownerKey;
    }
}
