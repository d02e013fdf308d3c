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
        int lockVersion) {

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
