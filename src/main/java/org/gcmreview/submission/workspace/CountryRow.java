package org.gcmreview.submission.workspace;

import java.time.Instant;
import java.time.LocalDate;

import org.gcmreview.submission.SubmissionStatus;

/**
 * One country of a round as the secretariat's workspace and API list it; a country without a cycle for the round
 * has only its name, commission and deadline.
 *
 * @param daysLeft days until the deadline (negative once passed); null once the report was submitted
 * @param submissionId the latest regional submission, null before the first
 * @param imrfSubmissionId the cycle's latest IMRF submission (to the edition, in the IMRF view)
 * @param imrfStatus the status of the cycle's latest IMRF submission, null before it went to the IMRF
 */
public record CountryRow(
        String iso3,
        String countryName,
        String commissionCode,
        Long cycleId,
        String businessKey,
        String title,
        CountryStage stage,
        Instant lastActivityAt,
        LocalDate deadline,
        Long daysLeft,
        Long submissionId,
        Integer versionNo,
        String sha256,
        Instant submittedAt,
        Long imrfSubmissionId,
        SubmissionStatus imrfStatus) {

    /** Overdue: not submitted and the deadline day is over. */
    public boolean overdue() {
        return daysLeft != null && daysLeft < 0;
    }
}
