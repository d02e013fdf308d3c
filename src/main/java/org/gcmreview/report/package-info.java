/**
 * The national report: ministries' contributions (drafting, with reminders and escalations), the consolidated
 * report sections, their revisions and history ({@code history}, internal), and frozen report versions with their
 * SHA-256.
 * <p>Owns the tables {@code contribution}, {@code contribution_indicator}, {@code contribution_revision},
 * {@code report_section}, {@code section_indicator}, {@code section_revision}, {@code report_version} and
 * {@code word_import} (uploaded Word files waiting for confirmation). Offers
 * {@link org.gcmreview.report.Contributions}, {@link org.gcmreview.report.ReportSections},
 * {@link org.gcmreview.report.ReportVersions} and the editor parts the sign-off forms reuse; listens to
 * {@link org.gcmreview.cycle.CycleScoped} to set up a scoped cycle's sections and contributions.
 */
package org.gcmreview.report;
