package org.gcmreview.cycle;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.notices.NoticeKind;
import org.gcmreview.notices.NoticeText;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.web.Formats;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reminders and escalations of the tasks timed by {@link WaitingTasks} (issue 14.2), in all four processes.
 * The service task after a boundary timer knows its task from the model (the timer's host), so one delegate serves
 * every task. A reminder goes to the task's assignee and candidates; an escalation to them and, for a country's
 * task, the country's coordinators (a secretariat's task escalates to the secretariat, its candidates). Each is a
 * notice (DUE_SOON or OVERDUE, in the reader's language, mailed through the outbox) and is audited. A task that has
 * ended before the notice's job runs is not reminded.
 */
final class WaitingTaskAlerts implements JavaDelegate {

    private final boolean overdue;
    private final TaskService tasks;
    private final ReviewCycles cycles;
    private final UserAccountRepository users;
    private final MailNotifier mail;
    private final CycleMessages messages;
    private final AuditLog audit;

    private WaitingTaskAlerts(boolean overdue, TaskService tasks, ReviewCycles cycles, UserAccountRepository users,
            MailNotifier mail, CycleMessages messages, AuditLog audit) {
        this.overdue = overdue;
        this.tasks = tasks;
        this.cycles = cycles;
        this.users = users;
        this.mail = mail;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = waitingTask(execution);
        List<Task> open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).list();
        if (open.isEmpty()) {
            return;
        }
        Task task = open.get(0);
        Map<Long, CurrentUser> recipients = new LinkedHashMap<>();
        if (task.getAssignee() != null) {
            users.findByUsername(task.getAssignee()).ifPresent(u -> recipients.put(u.id(), u));
        }
        tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .forEach(link -> users.findEnabledInGroup(link.getGroupId()).forEach(u -> recipients.put(u.id(), u)));
        Optional<ReviewCycle> cycle = execution.getVariable(NationalReview.VAR_CYCLE_ID) instanceof Number id
                ? cycles.findById(id.longValue()) : Optional.empty();
        if (overdue) {
            cycle.ifPresent(c -> users.findEnabledInGroup(CandidateGroups.coordinator(c.countryIso3()))
                    .forEach(u -> recipients.put(u.id(), u)));
        }
        LocalDate due = task.getDueDate() == null ? null
                : task.getDueDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        String about = cycle.map(ReviewCycle::businessKey).orElseGet(execution::getProcessBusinessKey);
        String key = "cycle.mail." + (overdue ? "taskOverdue" : "taskReminder");
        String taskName = "cycle.waitingTask." + taskKey;
        NoticeText text = new NoticeText(key + ".subject",
                List.of(NoticeText.MESSAGE + taskName, about, String.valueOf(due)),
                cycle.map(c -> "/cycles/" + c.id()).orElse("/tasks"), cycle.map(ReviewCycle::businessKey).orElse(null));
        MailNotifier.Delivery delivery = mail.notify(overdue ? NoticeKind.OVERDUE : NoticeKind.DUE_SOON,
                new ArrayList<>(recipients.values()), text, language -> {
                    String dueText = due == null ? "" : Formats.date(due, language);
                    String name = messages.in(language, taskName);
                    return new MailNotifier.Mail(messages.in(language, key + ".subject", name, about, dueText),
                            messages.in(language, key + ".body", name, about, dueText));
                });
        audit.record(AuditEntry.of("system", overdue ? "TASK_OVERDUE_ESCALATED" : "TASK_REMINDER_SENT",
                cycle.map(ReviewCycle::countryIso3).orElse(null), cycle.isPresent() ? "review_cycle" : "process",
                cycle.<Object>map(ReviewCycle::id).orElse(about), taskKey + ", due " + due + ": " + delivery.describe()));
    }

    /** The user task whose timer led here: the service task's only incoming flow comes from that timer. */
    static String waitingTask(DelegateExecution execution) {
        FlowNode node = (FlowNode) execution.getBpmnModelElementInstance();
        return node.getIncoming().stream().map(flow -> flow.getSource())
                .filter(BoundaryEvent.class::isInstance).map(b -> ((BoundaryEvent) b).getAttachedTo().getId())
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        node.getId() + " does not follow a timer attached to a task"));
    }

    /** The two delegates the BPMN names. */
    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean("remindWaitingTask")
        JavaDelegate remindWaitingTask(TaskService tasks, ReviewCycles cycles, UserAccountRepository users,
                MailNotifier mail, CycleMessages messages, AuditLog audit) {
            return new WaitingTaskAlerts(false, tasks, cycles, users, mail, messages, audit);
        }

        @Bean("escalateOverdueTask")
        JavaDelegate escalateOverdueTask(TaskService tasks, ReviewCycles cycles, UserAccountRepository users,
                MailNotifier mail, CycleMessages messages, AuditLog audit) {
            return new WaitingTaskAlerts(true, tasks, cycles, users, mail, messages, audit);
        }
    }
}
