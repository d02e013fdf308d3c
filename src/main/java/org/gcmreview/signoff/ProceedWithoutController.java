package org.gcmreview.signoff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.TaskService;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.MinistryAbsences;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.report.DraftingMessages;
import org.gcmreview.support.FormBinder;
import org.gcmreview.tasks.TaskAssignments;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator proceeds without a ministry that has not answered (issue 14.2): its open drafting or sign-off
 * task ends with the outcome "proceeded-without" (task-local, kept in the process history) and the process goes on
 * as if it had been done; the ministry's drafting branch or sign-off simply ends, and a sign-off proceeded without
 * counts as no request for changes. We model it as the task completed by the coordinator with an outcome rather
 * than as a message or boundary event: the ministry's own path stays the one path out of the task, the reminder and
 * escalation timers end with it, and no running instance needs a new model to be steered this way. The reason is
 * recorded (ministry_absence; for sign-off also a PROCEEDED_WITHOUT decision in the sign-off record), shown on the
 * progress page and with the report's methodology, and audited (MINISTRY_PROCEEDED_WITHOUT).
 * Only the country's coordinator: another country's cycle is not found, a ministry is refused.
 */
@Controller
class ProceedWithoutController {

    static final int REASON_MAX = 2000;
    static final String DRAFTING_FORM = "draft-contribution";
    static final String SIGN_OFF_FORM = "sign-off";
    static final String OUTCOME = "proceeded-without";

    /** The coordinator's choice: which ministry task ends, and why. */
    record ProceedWithout(
            @NotBlank(message = "signoff.proceedWithout.error.task") String task,
            @NotBlank(message = "signoff.proceedWithout.error.reason")
            @Size(max = REASON_MAX, message = "signoff.proceedWithout.error.reasonTooLong") String reason) {
    }

    /** A ministry's open drafting or sign-off task the coordinator may end. */
    record WaitingMinistry(String taskId, Ministry ministry, MinistryAbsences.Stage stage) {
    }

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final TaskAssignments assignments;
    private final TaskService taskService;
    private final SignOffDecisions decisions;
    private final MinistryAbsences absences;
    private final AuditLog audit;
    private final FormBinder binder;
    private final DraftingMessages messages;

    ProceedWithoutController(ReviewCycles cycles, Ministries ministries, TaskAssignments assignments,
            TaskService taskService, SignOffDecisions decisions, MinistryAbsences absences, AuditLog audit,
            FormBinder binder, DraftingMessages messages) {
        this.cycles = cycles;
        this.ministries = ministries;
        this.assignments = assignments;
        this.taskService = taskService;
        this.decisions = decisions;
        this.absences = absences;
        this.audit = audit;
        this.binder = binder;
        this.messages = messages;
    }

    @GetMapping("/cycles/{cycleId}/proceed-without")
    String page(@PathVariable long cycleId, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerableInCountry(cycleId, user);
        return page(cycle, model, new LinkedMultiValueMap<>(), Map.of());
    }

    @PostMapping("/cycles/{cycleId}/proceed-without")
    @Transactional
    String proceed(@PathVariable long cycleId, @RequestParam MultiValueMap<String, String> fields, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ReviewCycle cycle = cycles.findSteerableInCountry(cycleId, user);
        List<WaitingMinistry> waiting = waiting(cycle);
        Validator openTask = Validator.forInstanceOf(ProceedWithout.class, (form, errors) -> {
            if (!form.task().isEmpty() && waiting.stream().noneMatch(w -> w.taskId().equals(form.task()))) {
                errors.rejectValue("task", "signoff.proceedWithout.error.notWaiting");
            }
        });
        FormBinder.Bound<ProceedWithout> bound = binder.bind(ProceedWithout.class, fields, openTask);
        if (!bound.valid()) {
            // nothing stored; the page again with what was typed
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(cycle, model, fields, binder.errors(bound));
        }
        WaitingMinistry chosen = waiting.stream().filter(w -> w.taskId().equals(bound.value().task())).findFirst()
                .orElseThrow();
        String reason = bound.value().reason();
        cycles.lock(cycle.id());
        String detail = chosen.ministry().code() + ", " + chosen.stage().name().toLowerCase().replace('_', '-');
        if (chosen.stage() == MinistryAbsences.Stage.SIGN_OFF) {
            int round = decisions.currentRound(cycle.id());
            if (decisions.find(cycle.id(), round, chosen.ministry().id()).isEmpty()) {
                decisions.insert(cycle.id(), round, chosen.ministry().id(), SignOffDecision.Decision.PROCEEDED_WITHOUT,
                        reason, user.id(), Set.of());
            }
            detail += ", round " + round;
        }
        long id = absences.record(cycle.id(), chosen.ministry().id(), chosen.stage(), reason, user.username());
        audit.record(AuditEntry.of(user.username(), "MINISTRY_PROCEEDED_WITHOUT", cycle.countryIso3(),
                "ministry_absence", id, detail + ": " + reason));
        taskService.setVariableLocal(chosen.taskId(), NationalReview.VAR_OUTCOME, OUTCOME);
        taskService.complete(chosen.taskId());
        redirect.addFlashAttribute("flash", messages.get("signoff.proceedWithout.done", chosen.ministry().name()));
        return "redirect:/cycles/" + cycle.id();
    }

    private List<WaitingMinistry> waiting(ReviewCycle cycle) {
        if (cycle.processInstanceId() == null) {
            return List.of();
        }
        return assignments.open(cycle.processInstanceId(), cycle.countryIso3()).stream()
                .filter(t -> DRAFTING_FORM.equals(t.formKey()) || SIGN_OFF_FORM.equals(t.formKey()))
                .flatMap(t -> t.candidateGroups().stream().map(ministries::findByGroup).flatMap(Optional::stream)
                        .filter(m -> m.countryIso3().equals(cycle.countryIso3())).findFirst().stream()
                        .map(m -> new WaitingMinistry(t.id(), m, DRAFTING_FORM.equals(t.formKey())
                                ? MinistryAbsences.Stage.DRAFTING : MinistryAbsences.Stage.SIGN_OFF)))
                .toList();
    }

    private String page(ReviewCycle cycle, Model model, MultiValueMap<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("cycle", cycle);
        List<WaitingMinistry> waiting = waiting(cycle);
        model.addAttribute("waiting", waiting);
        // task -> "ministry: stage", as the drop-down list takes them (fields :: selectList)
        Map<String, String> tasks = new LinkedHashMap<>();
        waiting.forEach(w -> tasks.put(w.taskId(), messages.get("signoff.proceedWithout.stage." + w.stage(),
                w.ministry().name())));
        model.addAttribute("tasks", tasks);
        model.addAttribute("absences", absences.forCycle(cycle.id()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("reasonMax", REASON_MAX);
        return "signoff/proceed-without";
    }
}
