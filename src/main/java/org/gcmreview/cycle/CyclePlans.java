package org.gcmreview.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plan of each cycle (table {@code cycle_plan}) and its history of changes ({@code cycle_plan_change}). */
@Repository
public class CyclePlans {

    /** One change of one date: who, when, from, to and why. */
    public record Change(Milestone milestone, LocalDate from, LocalDate to, String reason, String changedBy,
            Instant changedAt) {
    }

    private final JdbcClient jdbc;

    CyclePlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cycle's plan; empty before scoping (and for cycles scoped before plans were kept). */
    public Optional<CyclePlan> of(long cycleId) {
        return jdbc.sql("""
                select drafting_due, reminder_days, consultation_opens, consultation_closes, sign_off_due,
                       endorsement_due, internal_submission
                  from cycle_plan where cycle_id = ?""").param(cycleId)
                .query((rs, n) -> new CyclePlan(rs.getObject(1, LocalDate.class), rs.getInt(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class)))
                .optional();
    }

    /** The changes, oldest first. */
    public List<Change> changes(long cycleId) {
        return jdbc.sql("""
                select milestone, previous_date, new_date, reason, changed_by, changed_at
                  from cycle_plan_change where cycle_id = ? order by changed_at, id""").param(cycleId)
                .query((rs, n) -> new Change(Milestone.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    void store(long cycleId, CyclePlan plan) {
        jdbc.sql("""
                insert into cycle_plan (cycle_id, drafting_due, reminder_days, consultation_opens,
                    consultation_closes, sign_off_due, endorsement_due, internal_submission)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (cycle_id) do update set drafting_due = excluded.drafting_due,
                    reminder_days = excluded.reminder_days, consultation_opens = excluded.consultation_opens,
                    consultation_closes = excluded.consultation_closes, sign_off_due = excluded.sign_off_due,
                    endorsement_due = excluded.endorsement_due, internal_submission = excluded.internal_submission""")
                .params(cycleId, plan.draftingDue(), plan.reminderDays(), plan.consultationOpens(),
                        plan.consultationCloses(), plan.signOffDue(), plan.endorsementDue(),
                        plan.internalSubmission())
                .update();
        // the cycle list and the drafting pages read the drafting due date from the cycle itself
        jdbc.sql("update review_cycle set drafting_due = ?, last_activity_at = now() where id = ?")
                .params(plan.draftingDue(), cycleId).update();
    }

    /**
     * The consultation window was extended on the consultation's own page (possible before it opens too): the
     * plan's closing date follows, recorded as a change of the plan with the extension's reason.
     */
    public void followExtension(ReviewCycle cycle, Instant newClosesAt, String reason, String username) {
        of(cycle.id()).ifPresent(plan -> {
            // a window closes at the end of its last day, or at midnight after it
            LocalDate closes = LocalDate.ofInstant(newClosesAt.minusSeconds(60), java.time.ZoneOffset.UTC);
            if (!closes.equals(plan.consultationCloses())) {
                jdbc.sql("update cycle_plan set consultation_closes = ? where cycle_id = ?")
                        .params(closes, cycle.id()).update();
                recordChange(cycle.id(), Milestone.CONSULTATION_CLOSES, plan.consultationCloses(), closes, reason,
                        username);
            }
        });
    }

    void recordChange(long cycleId, Milestone milestone, LocalDate from, LocalDate to, String reason,
            String username) {
        jdbc.sql("""
                insert into cycle_plan_change (cycle_id, milestone, previous_date, new_date, reason, changed_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(cycleId, milestone.name(), from, to, reason, username).update();
    }
}
