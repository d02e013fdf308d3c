package org.gcmreview.cycle;

import java.util.List;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.tasks.TaskAssignments;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator hands a ministry's open task to one of that ministry's focal points (issue 14 part 2), e.g. when
 * the person who had it left or does not answer: the task is put in the chosen person's name, they get a notice,
 * and the change is audited. Only the country's coordinator; only the cycle's own ministry tasks; only a focal point
 * of the task's ministry (a focal point of another ministry would be refused by the ministry's form; an absent
 * person's colleague elsewhere can stand in as their deputy instead).
 */
@Controller
class MinistryTasksController {

    /** A ministry's open task with the people it can be handed to. */
    record MinistryTask(TaskAssignments.OpenTask task, Ministry ministry, List<CurrentUser> focalPoints) {
    }

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final TaskAssignments tasks;
    private final UserAccountRepository users;
    private final AuditLog audit;
    private final MessageSource messages;

    MinistryTasksController(ReviewCycles cycles, Ministries ministries, TaskAssignments tasks,
            UserAccountRepository users, AuditLog audit, MessageSource messages) {
        this.cycles = cycles;
        this.ministries = ministries;
        this.tasks = tasks;
        this.users = users;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/cycles/{cycleId}/ministry-tasks")
    String list(@PathVariable long cycleId, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(cycleId, user);
        model.addAttribute("cycle", cycle);
        model.addAttribute("tasks", ministryTasks(cycle));
        return "cycle/ministry-tasks";
    }

    @PostMapping("/cycles/{cycleId}/ministry-tasks/{taskId}")
    @Transactional
    String assign(@PathVariable long cycleId, @PathVariable String taskId,
            @RequestParam(defaultValue = "") String person, CurrentUser user, RedirectAttributes redirect) {
        ReviewCycle cycle = cycles.findSteerable(cycleId, user);
        MinistryTask found = ministryTasks(cycle).stream().filter(t -> t.task().id().equals(taskId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CurrentUser chosen = found.focalPoints().stream().filter(p -> String.valueOf(p.id()).equals(person))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        if (!chosen.username().equals(found.task().assignee())) {
            tasks.assign(taskId, chosen.username());
            audit.record(AuditEntry.of(user.username(), "TASK_REASSIGNED", cycle.countryIso3(), "review_cycle",
                    cycle.id(), found.ministry().code() + " task " + taskId + " from "
                            + Optional.ofNullable(found.task().assignee()).orElse("nobody") + " to "
                            + chosen.username()));
        }
        redirect.addFlashAttribute("flash", messages.getMessage("cycle.ministryTasks.assigned",
                new Object[] {chosen.displayName()}, LocaleContextHolder.getLocale()));
        return "redirect:/cycles/" + cycle.id() + "/ministry-tasks";
    }

    private List<MinistryTask> ministryTasks(ReviewCycle cycle) {
        if (cycle.processInstanceId() == null) {
            return List.of();
        }
        return tasks.open(cycle.processInstanceId(), cycle.countryIso3()).stream()
                .flatMap(task -> task.candidateGroups().stream().map(ministries::findByGroup)
                        .flatMap(Optional::stream)
                        .filter(m -> m.countryIso3().equals(cycle.countryIso3()))
                        .findFirst().stream()
                        .map(m -> new MinistryTask(task, m, users.findEnabledInGroup(m.group()))))
                .toList();
    }
}
