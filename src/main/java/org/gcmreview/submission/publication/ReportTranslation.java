package org.gcmreview.submission.publication;

import java.time.Instant;

/**
 * A published report's translation into another UN language: the endorsed version {@code versionNo} (whose
 * SHA-256 is {@code originalSha256}) with its text in {@code language}, kept as canonical JSON with its own SHA-256.
 */
record ReportTranslation(long id, long cycleId, int versionNo, String originalSha256, String language,
        String content, String sha256, Instant createdAt) {
}
