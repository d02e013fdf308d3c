package org.gcmreview.cycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gcmreview.reference.Objective;

/**
 * What the coordinator decided when scoping a cycle, validated.
 *
 * @param leads lead ministry per objective number
 * @param contributors further ministries drafting each objective (without the lead)
 */
record CycleScope(
        LocalDate periodStart,
        LocalDate periodEnd,
        List<Objective> objectives,
        List<Ministry> ministries,
        Map<Integer, Ministry> leads,
        Map<Integer, Set<Ministry>> contributors,
        LocalDate draftingDue,
        int reminderDaysBefore,
        LocalDate consultationOpens,
        LocalDate consultationCloses) {

    LocalDate reminderDate() {
        return draftingDue.minusDays(reminderDaysBefore);
    }
}
