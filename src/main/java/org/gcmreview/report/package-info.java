/**
 * The national report: ministries' contributions (drafting, with reminders and escalations), the consolidated
 * report sections, their revisions and history ({@code history}, internal), internal comments on sections and
 * contributions ({@code comments}, internal; issue 16.2), the task lists and "check your answers" of the drafting and
 * report forms (issue 16.5), and frozen report versions with their SHA-256.
 * <p>Owns the tables {@code contribution}, {@code contribution_indicator}, {@code contribution_revision},
 * {@code report_section}, {@code section_indicator}, {@code section_revision}, {@code report_version},
 * {@code report_comment}, {@code report_comment_decision}, {@code follow_up_item} (the last review's next steps)
 * and {@code word_import} (uploaded Word files waiting for confirmation). Offers
 * {@link org.gcmreview.report.Contributions}, {@link org.gcmreview.report.ReportSections},
 * {@link org.gcmreview.report.ReportVersions}, {@link org.gcmreview.report.Comments} (the sign-off links a request
 * for changes to comments) and the editor parts the sign-off forms reuse; listens to
 * {@link org.gcmreview.cycle.CycleScoped} to set up a scoped cycle's sections and contributions.
 */
package org.gcmreview.report;
