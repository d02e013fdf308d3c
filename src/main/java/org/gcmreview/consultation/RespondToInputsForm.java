package org.gcmreview.consultation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

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

    RespondToInputsForm(ReviewCycles cycles, ConsultationWindows windows, ConsultationInputs consultationInputs,
            InputResponses inputResponses, ConsultationMessages messages, AuditLog audit) {
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
        model.addAttribute("groups", toAnswer(cycle));
        model.addAttribute("outcomes", InputOutcome.values());
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
            String outcomeField = "outcome-" + group.id();
            String textField = "explanation-" + group.id();
            String revisionField = "revision-" + group.id();
            String reference = group.first().reference();
            String outcome = form.field(outcomeField);
            String text = form.field(textField);
            if (outcome.isEmpty() && text.isEmpty()) {
                if (complete && group.needsResponse()) {
                    errors.put(outcomeField, messages.get("consultation.respond.error.missing", reference));
                }
                continue;
            }
            Optional<InputOutcome> parsed = InputOutcome.parse(outcome);
            if (parsed.isEmpty()) {
                errors.put(outcomeField, messages.get("consultation.respond.error.outcome", reference));
            }
            if (text.isEmpty() || text.length() > EXPLANATION_MAX) {
                errors.put(textField, messages.get("consultation.respond.error.explanation", reference,
                        EXPLANATION_MAX));
            }
            Long revisionId = null;
            String revision = form.field(revisionField);
            if (!revision.isEmpty()) {
                revisionId = answer.revisions().stream().filter(r -> String.valueOf(r.id()).equals(revision))
                        .map(InputResponses.RevisionOption::id).findFirst().orElse(null);
                if (revisionId == null) {
                    errors.put(revisionField, messages.get("consultation.respond.error.revision", reference));
                }
            }
            if (parsed.isPresent() && !errors.containsKey(textField) && !errors.containsKey(revisionField)) {
                responses.add(new Response(group, parsed.get(), text, revisionId));
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
}
