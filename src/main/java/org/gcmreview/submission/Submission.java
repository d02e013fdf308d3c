package org.gcmreview.submission;

import java.time.Instant;

/**
 * One frozen report version handed to a round, with what the country and the secretariat said about it.
 *
 * @param coverNote the coordinator's cover note; for a resubmission, the answer to the clarification request
 * @param responseMessage the secretariat's clarification request or acknowledgement note
 * @param supersedesId the submission this one replaces after a clarification request
 */
public record Submission(
        long id,
        long cycleId,
        String businessKey,
        String countryIso3,
        String countryName,
        long roundId,
        String roundCode,
        RoundKind kind,
        SubmissionStatus status,
        long reportVersionId,
        int versionNo,
        String sha256,
        String coverNote,
        String submittedByName,
        Instant submittedAt,
        String responseMessage,
        String respondedByName,
        Instant respondedAt,
        Long supersedesId) {
}
