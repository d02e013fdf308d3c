package org.gcmreview.consultation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.support.FormBinder;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;

/**
 * stakeholder-consultation, RespondToInputs: for each input the coordinator records whether it was accepted
 * and why, optionally with the report section revision that took it up, then says whether the draft must be
 * revised (reviseDraft, read by national-review). Duplicates are answered once per group; hidden inputs need
 * no answer. "Save" keeps the task open; "Complete" needs an answer for every group and makes the responses
 * public on the "what we heard" page.
 */
@Component
class RespondToInputsForm implements TaskForm {

    static final int EXPLANATION_MAX = 1000;

    private final ReviewCycles cycles;
    private final ConsultationWindows windows;
    private final ConsultationInputs consultationInputs;
    private final InputResponses inputResponses;
    private final ConsultationMessages messages;
    private final AuditLog audit;
    private final FormBinder binder;

    /**
     * One group's answer, bound with FormBinder (issue 15.3) from the page's {@code outcome-<group>},
     * {@code explanation-<group>} and {@code revision-<group>}. Its rules name the group's input in their messages,
     * so they are all in the validator {@link #rules}, not constraints.
     */
    record Answer(String outcome, String explanation, String revision) {

        boolean blank() {
            return outcome.isEmpty() && explanation.isEmpty();
        }
    }

    RespondToInputsForm(ReviewCycles cycles, ConsultationWindows windows, ConsultationInputs consultationInputs,
            InputResponses inputResponses, ConsultationMessages messages, AuditLog audit, FormBinder binder) {
        this.binder = binder;
        this.cycles = cycles;
        this.windows = windows;
        this.consultationInputs = consultationInputs;
        this.inputResponses = inputResponses;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public String formKey() {
        return "respond-to-inputs";
    }

    @Override
    public String view() {
        return "consultation/respond-to-inputs";
    }

    /** A group to answer, with the revisions of the sections its inputs are about. */
    record ToAnswer(InputGroup group, List<InputResponses.RevisionOption> revisions) {
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        model.addAttribute("cycle", cycle);
        List<ToAnswer> groups = toAnswer(cycle);
        model.addAttribute("groups", groups);
        // the drop-down lists' options, value -> label (fields :: selectList): the outcomes, and per group the
        // revisions of its sections
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (InputOutcome outcome : InputOutcome.values()) {
            outcomes.put(outcome.name(), messages.get(outcome.labelKey()));
        }
        model.addAttribute("outcomes", outcomes);
        Map<Long, Map<String, String>> revisions = new LinkedHashMap<>();
        for (ToAnswer answer : groups) {
            Map<String, String> options = new LinkedHashMap<>();
            answer.revisions().forEach(r -> options.put(String.valueOf(r.id()), messages.get(
                    "consultation.respond.revisionOption", r.sectionTitle(), r.revisionNo(), r.author(),
                    messages.dateTime(r.createdAt()))));
            revisions.put(answer.group().id(), options);
        }
        model.addAttribute("revisions", revisions);
        model.addAttribute("explanationMax", EXPLANATION_MAX);
    }

    private List<ToAnswer> toAnswer(ReviewCycle cycle) {
        List<ConsultationInput> inputs = windows.windowOf(cycle.id())
                .map(window -> consultationInputs.inputs(window.id())).orElse(List.of())
                .stream().filter(i -> !i.hidden()).toList();
        List<InputResponses.RevisionOption> revisions = inputResponses.revisions(cycle.id());
        return InputGroup.of(inputs).stream()
                .map(g -> new ToAnswer(g, revisions.stream().filter(r -> g.targets().contains(r.target())).toList()))
                .toList();
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        boolean complete = "complete".equals(form.action());
        Map<String, String> errors = new LinkedHashMap<>();
        record Response(InputGroup group, InputOutcome outcome, String text, Long revisionId) {
        }
        List<Response> responses = new ArrayList<>();
        for (ToAnswer answer : toAnswer(cycle)) {
            InputGroup group = answer.group();
            String suffix = "-" + group.id();
            MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
            for (String name : List.of("outcome", "explanation", "revision")) {
                fields.add(name, form.field(name + suffix));
            }
            FormBinder.Bound<Answer> bound = binder.bind(Answer.class, fields, rules(answer, complete));
            binder.errors(bound).forEach((field, message) -> errors.put(field + suffix, message));
            Answer given = bound.value();
            if (bound.valid() && !given.blank()) {
                Long revisionId = given.revision().isEmpty() ? null : Long.valueOf(given.revision());
                responses.add(new Response(group, InputOutcome.parse(given.outcome()).orElseThrow(),
                        given.explanation(), revisionId));
            }
        }
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(errors);
        }
        for (Response response : responses) {
            for (ConsultationInput member : response.group().members()) {
                inputResponses.recordResponse(member.id(), response.outcome(), response.text(), response.revisionId(),
                        user.id());
            }
        }
        cycles.touch(cycle.id());
        boolean reviseDraft = "true".equals(form.field("reviseDraft"));
        audit.record(AuditEntry.of(user.username(), complete ? "CONSULTATION_RESPONSES_COMPLETED"
                : "CONSULTATION_RESPONSES_SAVED", cycle.countryIso3(), "review_cycle", cycle.id(),
                responses.size() + " response(s)" + (complete ? ", revise draft: " + reviseDraft : "")));
        if (!complete) {
            return TaskOutcome.saved(messages.get("consultation.respond.saved"));
        }
        windows.windowOf(cycle.id()).ifPresent(window -> windows.completeResponses(window.id()));
        return TaskOutcome.complete(Map.of("reviseDraft", reviseDraft), messages.get(reviseDraft
                ? "consultation.respond.completed.revise" : "consultation.respond.completed"));
    }

    /**
     * A group left blank needs an answer only when completing (and only if it needs one); otherwise an answer is an
     * outcome of the list, an explanation of at most {@link #EXPLANATION_MAX} characters, and a revision (optional)
     * among those of the sections the group is about. Each message names the group's first input.
     */
    private static Validator rules(ToAnswer answer, boolean complete) {
        Object[] reference = {answer.group().first().reference()};
        return Validator.forInstanceOf(Answer.class, (given, errors) -> {
            if (given.blank()) {
                if (complete && answer.group().needsResponse()) {
                    errors.rejectValue("outcome", "consultation.respond.error.missing", reference, null);
                }
                return;
            }
            if (InputOutcome.parse(given.outcome()).isEmpty()) {
                errors.rejectValue("outcome", "consultation.respond.error.outcome", reference, null);
            }
            if (given.explanation().isEmpty() || given.explanation().length() > EXPLANATION_MAX) {
                errors.rejectValue("explanation", "consultation.respond.error.explanation",
                        new Object[] {reference[0], EXPLANATION_MAX}, null);
            }
            if (!given.revision().isEmpty() && answer.revisions().stream()
                    .noneMatch(r -> String.valueOf(r.id()).equals(given.revision()))) {
                errors.rejectValue("revision", "consultation.respond.error.revision", reference, null);
            }
        });
    }
}
