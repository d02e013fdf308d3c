package org.gcmreview.signoff;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.notices.GroupNotices;
import org.gcmreview.notices.NoticeKind;
import org.gcmreview.notices.NoticeText;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.support.FormBinder;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.reference.Objective;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.report.Comment;
import org.gcmreview.report.Comments;
import org.gcmreview.report.DraftingMessages;
import org.gcmreview.report.ReportSection;
import org.gcmreview.report.ReportSections;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.Validator;

/**
 * "Sign off the report": a ministry reads the report and approves it, or requests changes, naming the sections
 * concerned (checkboxes {@code sections}, section ids of this report) and giving the reason. A request for
 * changes completes the task with {@code changesRequested=true}, which the process holds at its own scope for
 * the round, so one request sends the report back for revision of the named sections.
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
    private final ReferenceData reference;
    private final DraftingMessages messages;
    private final AuditLog audit;
    private final GroupNotices notices;
    private final FormBinder binder;
    private final Comments comments;

    /** The ministry's decision: approve, or request changes to the ticked sections with a reason. */
    record Decision(
            @Pattern(regexp = APPROVE + "|" + REQUEST_CHANGES, message = "signoff.error.action") String action,
            List<String> sections,
            /* open comments the request points at (issue 16.2), optional */
            List<String> comments,
            @Size(max = MAX_REASON, message = "signoff.error.reasonTooLong") String reason) {

        boolean changes() {
            return REQUEST_CHANGES.equals(action);
        }
    }

    SignOffForm(ReviewCycles cycles, Ministries ministries, ReportSections sections, SignOffDecisions decisions,
            ReferenceData reference, DraftingMessages messages, AuditLog audit, FormBinder binder, Comments comments,
            GroupNotices notices) {
        this.comments = comments;
        this.notices = notices;
        this.binder = binder;
        this.cycles = cycles;
        this.ministries = ministries;
        this.sections = sections;
        this.decisions = decisions;
        this.reference = reference;
        this.messages = messages;
        this.audit = audit;
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
        model.addAttribute("objectives", reference.objectives().stream()
                .collect(Collectors.toMap(Objective::number, Function.identity())));
        model.addAttribute("decisions", decisions.inRound(cycle.id(), round));
        model.addAttribute("reasonMax", MAX_REASON);
        model.addAttribute("commentsBySection", comments.bySection(cycle.id()));
        model.addAttribute("openComments", comments.openPointable(cycle.id(), ministry.id()));
        model.addAttribute("previousRound", round > 1 ? decisions.inRound(cycle.id(), round - 1) : List.of());
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        Ministry ministry = ministries.requireOwnMinistry(task, user);
        ReviewCycle cycle = cycles.findVisible(task.cycleId(), user);
        Map<Long, ReportSection> report = sections.forCycle(cycle.id()).stream()
                .collect(Collectors.toMap(ReportSection::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Set<Long> named = new LinkedHashSet<>();
        Set<Long> open = comments.openPointable(cycle.id(), ministry.id()).stream().map(Comment::id)
                .collect(Collectors.toSet());
        Set<Long> pointed = new LinkedHashSet<>();
        // a request for changes names sections of this report and says why
        Validator request = Validator.forInstanceOf(Decision.class, (d, errors) -> {
            if (!d.changes()) {
                return;
            }
            for (String value : d.sections()) {
                Long id = id(value);
                if (id == null || !report.containsKey(id)) {
                    errors.rejectValue("sections", "signoff.error.unknownSection");
                } else {
                    named.add(id);
                }
            }
            if (named.isEmpty()) {
                errors.rejectValue("sections", "signoff.error.noSection");
            }
            for (String value : d.comments()) {
                Long id = id(value);
                if (id == null || !open.contains(id)) {
                    errors.rejectValue("comments", "comments.signoff.error.unknown");
                } else {
                    pointed.add(id);
                }
            }
            if (d.reason().isEmpty()) {
                errors.rejectValue("reason", "signoff.error.noReason");
            }
        });
        FormBinder.Bound<Decision> bound = binder.bind(Decision.class, form.fields(), request);
        if (!bound.valid()) {
            return TaskOutcome.invalid(binder.errors(bound));
        }
        boolean changes = bound.value().changes();
        String reason = bound.value().reason();
        // Decisions of one cycle are taken one at a time, so two ministries never count the same round twice.
        cycles.lock(cycle.id());
        int round = decisions.currentRound(cycle.id());
        if (decisions.find(cycle.id(), round, ministry.id()).isPresent()) {
            return TaskOutcome.invalid(Map.of("action", messages.get("signoff.error.decidedAlready", ministry.name(),
                    round)));
        }
        SignOffDecision.Decision decision = changes ? SignOffDecision.Decision.CHANGES_REQUESTED
                : SignOffDecision.Decision.APPROVED;
        long id = decisions.insert(cycle.id(), round, ministry.id(), decision, reason.isEmpty() ? null : reason,
                user.id(), changes ? named : Set.of());
        if (changes && !pointed.isEmpty()) {
            comments.linkToDecision(id, pointed);
        }
        audit.record(AuditEntry.of(user.username(), changes ? "SIGNOFF_CHANGES_REQUESTED" : "SIGNOFF_APPROVED",
                cycle.countryIso3(), "signoff_decision", id, ministry.code() + ", round " + round
                        + (changes ? ", sections " + named.stream().map(s -> "\"" + report.get(s).title() + "\"")
                        .collect(Collectors.joining(", ")) + (pointed.isEmpty() ? "" : ", comments " + pointed)
                        + ": " + reason
                        : reason.isEmpty() ? "" : ": " + reason)));
        // issue 18.4: the coordinator hears of each ministry's decision
        notices.toGroups(NoticeKind.DECISION, List.of(CandidateGroups.coordinator(cycle.countryIso3())),
                new NoticeText(changes ? "notices.text.DECISION.changesRequested" : "notices.text.DECISION.approved",
                        List.of(ministry.name(), cycle.businessKey()), "/cycles/" + cycle.id(), cycle.businessKey()),
                user.id());
        // Approving ministries leave changesRequested alone: false would erase another ministry's request.
        Map<String, Object> variables = changes ? Map.of(NationalReview.VAR_CHANGES_REQUESTED, Boolean.TRUE) : Map.of();
        return TaskOutcome.complete(variables, messages.get(changes ? "signoff.flash.changesRequested"
                : "signoff.flash.approved"));
    }

    private static Long id(String value) {
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
