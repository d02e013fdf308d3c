package org.gcmreview.report;

/** One section of a cycle's report, in report order. */
public record ReportSection(
        long id,
        long cycleId,
        SectionKind kind,
        Integer objectiveNumber,
        int position,
        String title,
        SectionContent content,
        int lockVersion,
        boolean carriedOver) {

    /** A section read without its carry-over mark. */
    public ReportSection(long id, long cycleId, SectionKind kind, Integer objectiveNumber, int position, String title,
            SectionContent content, int lockVersion) {
        this(id, cycleId, kind, objectiveNumber, position, title, content, lockVersion, false);
    }

    public boolean objective() {
        return kind == SectionKind.OBJECTIVE;
    }

    /** The narrative. */
    public String body() {
        return content.narrative();
    }

    public String status() {
        return content.status();
    }
}
