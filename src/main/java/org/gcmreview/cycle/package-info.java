/**
 * A country's review cycle: starting one (the national-review process), the list of cycles, scoping (objectives,
 * ministries, dates), ministries, deadlines and the mail sender for process notices.
 * <p>Owns the tables {@code review_cycle}, {@code cycle_objective}, {@code ministry}, {@code ministry_assignment},
 * {@code cycle_withdrawal}, {@code cycle_plan} and {@code cycle_plan_change} (the plan and its changes, issue 14.1),
 * {@code ministry_absence} and {@code cycle_ministry_change} (issue 14.2: the ministries a
 * cycle went on without, and those added or removed after scoping: {@link org.gcmreview.cycle.MinistryAbsences},
 * {@link org.gcmreview.cycle.MinistryAssignments}; the timers of sign-off and clarification answers,
 * {@link org.gcmreview.cycle.NationalTaskTimers}, and their notices, {@link org.gcmreview.cycle.WaitingTaskNotice}).
 * Offers {@link org.gcmreview.cycle.ReviewCycles} (with the visibility rule for a cycle),
 * {@link org.gcmreview.cycle.Ministries}, {@link org.gcmreview.cycle.CycleScopes},
 * {@link org.gcmreview.cycle.MailNotifier}, and publishes {@link org.gcmreview.cycle.CycleScoped} when a cycle is
 * scoped, and {@link org.gcmreview.cycle.CycleWithdrawn} when a coordinator withdraws one
 * ({@link org.gcmreview.cycle.CycleWithdrawals}, issue 14.5). The plan: {@link org.gcmreview.cycle.CyclePlans}
 * (read by the cycle page; the consultation follows an extension through it), and
 * {@link org.gcmreview.cycle.CyclePlanChanged} when the coordinator changes it. Depends on no feature module that reads a cycle.
 */
package org.gcmreview.cycle;
