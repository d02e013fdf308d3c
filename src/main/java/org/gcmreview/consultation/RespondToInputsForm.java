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
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * stakeholder-consultation, RespondToInputs: for each input the coordinator records whether it was accepted
 * and why, then says whether the draft must be revised (reviseDraft, read by national-review). "Save" keeps
 * the task open; "Complete" needs an answer for every input.
 */
@Component
class RespondToInputsForm implements TaskForm {

    static final int EXPLANATION_MAX = 1000;

    private final ReviewCycles cycles;
    private final Consultations consultations;
    private final AuditLog audit;

    RespondToInputsForm(ReviewCycles cycles, Consultations consultations, AuditLog audit) {
        this.cycles = cycles;
        this.consultations = consultations;
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

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        model.addAttribute("cycle", cycle);
        model.addAttribute("inputs", consultations.windowOf(cycle.id())
                .map(window -> consultations.inputs(window.id())).orElse(List.of()));
        model.addAttribute("outcomes", InputOutcome.values());
        model.addAttribute("explanationMax", EXPLANATION_MAX);
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        boolean complete = "complete".equals(form.action());
        List<ConsultationInput> inputs = consultations.windowOf(cycle.id())
                .map(window -> consultations.inputs(window.id())).orElse(List.of());
        Map<String, String> errors = new LinkedHashMap<>();
        record Response(long inputId, InputOutcome outcome, String text) {
        }
        List<Response> responses = new ArrayList<>();
        for (ConsultationInput input : inputs) {
            if (input.hidden()) {
                continue; // moderated out: nothing to answer
            }
            String outcomeField = "outcome-" + input.id();
            String textField = "explanation-" + input.id();
            String outcome = form.field(outcomeField);
            String text = form.field(textField);
            if (outcome.isEmpty() && text.isEmpty()) {
                if (complete && input.responseOutcome() == null) {
                    errors.put(outcomeField, "Input " + input.reference() + ": choose how it was taken into account "
                            + "and explain briefly.");
                }
                continue;
            }
            InputOutcome parsed = parse(outcome);
            if (parsed == null) {
                errors.put(outcomeField, "Input " + input.reference() + ": choose how it was taken into account.");
            }
            if (text.isEmpty() || text.length() > EXPLANATION_MAX) {
                errors.put(textField, "Input " + input.reference() + ": explain the outcome in at most "
                        + EXPLANATION_MAX + " characters.");
            }
            if (parsed != null && !errors.containsKey(textField)) {
                responses.add(new Response(input.id(), parsed, text));
            }
        }
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(errors);
        }
        for (Response response : responses) {
            consultations.recordResponse(response.inputId(), response.outcome(), response.text(), user.id());
        }
        cycles.touch(cycle.id());
        boolean reviseDraft = "true".equals(form.field("reviseDraft"));
        audit.record(AuditEntry.of(user.username(), complete ? "CONSULTATION_RESPONSES_COMPLETED"
                : "CONSULTATION_RESPONSES_SAVED", cycle.countryIso3(), "review_cycle", cycle.id(),
                responses.size() + " response(s)" + (complete ? ", revise draft: " + reviseDraft : "")));
        if (!complete) {
            return TaskOutcome.saved("Your responses are saved.");
        }
        return TaskOutcome.complete(Map.of("reviseDraft", reviseDraft), reviseDraft
                ? "Responses recorded. The draft goes back for revision."
                : "Responses recorded. The report goes on to sign-off.");
    }

    private static InputOutcome parse(String value) {
        for (InputOutcome outcome : InputOutcome.values()) {
            if (outcome.name().equals(value)) {
                return outcome;
            }
        }
        return null;
    }
}
