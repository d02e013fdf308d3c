package org.gcmreview.cycle;

import java.time.Instant;
import java.time.LocalDate;

/** One country's review cycle: the national process instance and where its report goes. */
public record ReviewCycle(
        long id,
        String countryIso3,
        String countryName,
        String code,
        String businessKey,
        String title,
        Long regionalRoundId,
        Long imrfRoundId,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate draftingDue,
        CycleStatus status,
        String processInstanceId,
        Instant startedAt,
        Instant lastActivityAt,
        Instant publishedAt) {

    public boolean published() {
        return publishedAt != null;
    }
}
