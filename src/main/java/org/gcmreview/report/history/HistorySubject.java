package org.gcmreview.report.history;

/**
 * What a history is about: a report section or a ministry's contribution, checked to belong to the cycle and
 * to be visible to the user asking.
 */
record HistorySubject(Kind kind, long cycleId, long id, String title, String cycleTitle) {

    /** The two kinds of revised text; the table names are constants, never taken from a request. */
    public enum Kind {
        SECTION("sections", "section_revision", "section_id", "r.note"),
        CONTRIBUTION("contributions", "contribution_revision", "contribution_id", "null");

        private final String pathSegment;
        final String revisionTable;
        final String ownerColumn;
        final String noteColumn;

        Kind(String pathSegment, String revisionTable, String ownerColumn, String noteColumn) {
            this.pathSegment = pathSegment;
            this.revisionTable = revisionTable;
            this.ownerColumn = ownerColumn;
            this.noteColumn = noteColumn;
        }

        /** "sections" or "contributions", as in /cycles/{cycleId}/sections/{id}/history. */
        public String pathSegment() {
            return pathSegment;
        }
    }

    /** Base of this subject's history URLs. */
    public String path() {
        return "/cycles/" + cycleId + "/" + kind.pathSegment() + "/" + id;
    }
}
