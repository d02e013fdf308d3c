package org.gcmreview.cycle;

import java.util.Optional;

/**
 * Where a new cycle can start from (issue 16.3): the country's last endorsed report. Implemented by the module
 * that keeps endorsements (signoff), which depends on this one, so starting a cycle needs no dependency on it.
 */
public interface PreviousReports {

    /** The latest endorsed report version of the country's cycles, if any. */
    Optional<PreviousReport> latestEndorsed(String countryIso3);

    /** An endorsed report version and the cycle it belongs to. */
    record PreviousReport(long cycleId, String businessKey, String cycleTitle, long reportVersionId, int versionNo,
            java.time.Instant endorsedAt) {
    }
}
