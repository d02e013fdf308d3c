package org.gcmreview.attachment;

/** What an attachment is evidence for; the owner id points into the matching table. */
public enum OwnerKind {
    /** a ministry's draft, table {@code contribution} */
    CONTRIBUTION,
    /** a section of the consolidated report, table {@code report_section} */
    REPORT_SECTION,
    /** a stakeholder's consultation input, table {@code consultation_input} */
    CONSULTATION_INPUT
}
