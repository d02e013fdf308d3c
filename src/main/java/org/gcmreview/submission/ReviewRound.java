package org.gcmreview.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A review round that national reports are submitted to.
 *
 * @param commissionCode the regional commission, null for an IMRF edition
 * @param cycleCode the GCM review cycle the round belongs to (e.g. 2026): one regional round per commission and
 *     one IMRF edition per cycle
 * @param submissionDeadline last day on which reports are expected (a whole day, UTC)
 * @param processInstanceId the round's regional-review / imrf-review instance, once the first report arrived
 */
public record ReviewRound(
        long id,
        RoundKind kind,
        String commissionCode,
        String code,
        String name,
        String cycleCode,
        LocalDate submissionDeadline,
        String processInstanceId,
        Instant closedAt) {

    public boolean closed() {
        return closedAt != null;
    }

    /** The deadline day counts in full: it passes at the end of that day. */
    public Instant deadlinePassesAt() {
        return submissionDeadline.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whole days from {@code today} to the deadline; negative once it has passed. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, submissionDeadline);
    }

    public String secretariatGroup() {
        return kind.secretariatGroup(commissionCode);
    }
}
