package org.gcmreview.report;

import java.time.Instant;

/**
 * A frozen version of a report: its content as canonical JSON and the SHA-256 of that content.
 * Stored rows cannot be changed (a database trigger refuses it).
 */
public record ReportVersion(long id, long cycleId, int versionNo, String content, String sha256, Instant frozenAt) {
}
