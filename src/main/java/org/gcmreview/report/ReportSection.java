package org.gcmreview.report;

/** One section of a cycle's report, in report order. */
public record ReportSection(
        long id,
        long cycleId,
        SectionKind kind,
        Integer objectiveNumber,
        int position,
        String title,
        String body,
        String status,
        int lockVersion) {

    public boolean objective() {
        return kind == SectionKind.OBJECTIVE;
    }

    public String statusLabel() {
        return ImplementationStatus.parse(status).map(ImplementationStatus::label).orElse("No status yet");
    }
}
