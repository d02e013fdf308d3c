package org.gcmreview.signoff;

import java.time.Instant;

/** The coordinator's endorsement of one frozen report version: the national report as the country adopts it. */
public record Endorsement(long cycleId, long reportVersionId, int versionNo, String sha256, String endorsedBy,
        Instant endorsedAt, String note) {
}
