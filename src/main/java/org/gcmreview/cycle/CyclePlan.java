package org.gcmreview.cycle;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A cycle's planned milestone dates (whole days, UTC): drafting is due, the consultation window opens and
 * closes, the ministries sign off, the coordinator endorses, and the report is submitted internally (sent to the
 * regional round). The drafting reminder goes out {@code reminderDays} before drafting is due.
 */
public record CyclePlan(
        LocalDate draftingDue,
        int reminderDays,
        LocalDate consultationOpens,
        LocalDate consultationCloses,
        LocalDate signOffDue,
        LocalDate endorsementDue,
        LocalDate internalSubmission) {

    public LocalDate date(Milestone milestone) {
        return switch (milestone) {
            case DRAFTING_DUE -> draftingDue;
            case CONSULTATION_OPENS -> consultationOpens;
            case CONSULTATION_CLOSES -> consultationCloses;
            case SIGN_OFF_DUE -> signOffDue;
            case ENDORSEMENT_DUE -> endorsementDue;
            case INTERNAL_SUBMISSION -> internalSubmission;
        };
    }

    /** The milestones in order with their dates. */
    public Map<Milestone, LocalDate> dates() {
        Map<Milestone, LocalDate> dates = new EnumMap<>(Milestone.class);
        for (Milestone m : Milestone.values()) {
            dates.put(m, date(m));
        }
        return dates;
    }

    /** This plan with one date changed. */
    CyclePlan with(Milestone milestone, LocalDate date) {
        Map<Milestone, LocalDate> d = dates();
        d.put(milestone, date);
        return of(d, reminderDays);
    }

    static CyclePlan of(Map<Milestone, LocalDate> d, int reminderDays) {
        return new CyclePlan(d.get(Milestone.DRAFTING_DUE), reminderDays, d.get(Milestone.CONSULTATION_OPENS),
                d.get(Milestone.CONSULTATION_CLOSES), d.get(Milestone.SIGN_OFF_DUE), d.get(Milestone.ENDORSEMENT_DUE),
                d.get(Milestone.INTERNAL_SUBMISSION));
    }

    /** When the drafting reminder goes out: never before today (a short drafting period is reminded at once). */
    LocalDate reminderDate() {
        return draftingDue.minusDays(reminderDays);
    }
}
