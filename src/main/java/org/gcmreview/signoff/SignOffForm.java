package org.gcmreview.signoff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.report.ReportSections;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * "Sign off the report": a ministry reads the report and approves it, or requests changes with a reason.
 * A request for changes completes the task with {@code changesRequested=true}, which the process holds at its
 * own scope for the round, so one request sends the whole report back for revision.
 */
@Component
class SignOffForm implements TaskForm {

    static final String APPROVE = "approve";
    static final String REQUEST_CHANGES = "request-changes";
    static final int MAX_REASON = 5_000;

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final ReportSections sections;
    private final SignOffDecisions decisions;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    SignOffForm(ReviewCycles cycles, Ministries ministries, ReportSections sections, SignOffDecisions decisions,
            AuditLog audit, JdbcClient jdbc) {
        this.cycles = cycles;
        this.ministries = ministries;
        this.sections = sections;
        this.decisions = decisions;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Override
    public String formKey() {
        return "sign-off";
    }

    @Override
    public String view() {
        return "signoff/sign-off";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        Ministry ministry = ministries.requireOwnMinistry(task, user);
        ReviewCycle cycle = cycles.findVisible(task.cycleId(), user);
        int round = decisions.currentRound(cycle.id());
        model.addAttribute("cycle", cycle);
        model.addAttribute("ministry", ministry);
        model.addAttribute("round", round);
        model.addAttribute("sections", sections.forCycle(cycle.id()));
        model.addAttribute("decisions", decisions.inRound(cycle.id(), round));
        model.addAttribute("previousRound", round > 1 ? decisions.inRound(cycle.id(), round - 1) : List.of());
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        Ministry ministry = ministries.requireOwnMinistry(task, user);
        ReviewCycle cycle = cycles.findVisible(task.cycleId(), user);
        String action = form.action();
        String reason = form.field("reason");
        Map<String, String> errors = new LinkedHashMap<>();
        if (!APPROVE.equals(action) && !REQUEST_CHANGES.equals(action)) {
            errors.put("action", "Choose whether you approve the report or request changes.");
        } else if (REQUEST_CHANGES.equals(action) && reason.isEmpty()) {
            errors.put("reason", "Say which changes you need, so the coordinator can make them.");
        }
        if (reason.length() > MAX_REASON) {
            errors.put("reason", "Keep the reason under " + MAX_REASON + " characters.");
        }
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(errors);
        }
        // Decisions of one cycle are taken one at a time, so two ministries never count the same round twice.
        jdbc.sql("select id from review_cycle where id = ? for update").param(cycle.id()).query(Long.class).single();
        int round = decisions.currentRound(cycle.id());
        if (decisions.find(cycle.id(), round, ministry.id()).isPresent()) {
            return TaskOutcome.invalid(Map.of("action", ministry.name() + " has already decided in sign-off round "
                    + round + "."));
        }
        boolean changes = REQUEST_CHANGES.equals(action);
        SignOffDecision.Decision decision = changes ? SignOffDecision.Decision.CHANGES_REQUESTED
                : SignOffDecision.Decision.APPROVED;
        long id = decisions.insert(cycle.id(), round, ministry.id(), decision, reason.isEmpty() ? null : reason,
                user.id());
        audit.record(AuditEntry.of(user.username(), changes ? "SIGNOFF_CHANGES_REQUESTED" : "SIGNOFF_APPROVED",
                cycle.countryIso3(), "signoff_decision", id, ministry.code() + ", round " + round
                        + (changes ? ": " + reason : "")));
        Map<String, Object> variables = changes ? Map.of("changesRequested", Boolean.TRUE) : Map.of();
        return TaskOutcome.complete(variables, changes
                ? "Your request for changes has been sent to the coordinator."
                : "You have approved the report.");
    }
}
