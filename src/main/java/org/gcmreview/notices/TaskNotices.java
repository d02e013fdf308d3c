package org.gcmreview.notices;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Deputies;
import org.gcmreview.identity.SignedInUser;
import org.gcmreview.identity.UserAccountRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Notices about tasks, from Camunda's task events (published as Spring events by the starter, in the engine's
 * transaction, so a notice exists exactly when its task does): a new task is offered to everyone in its candidate
 * groups and to its candidate users, and to the deputies of those of them who are out of office (audited); a task
 * put in someone's name by somebody else tells that person. The BPMN
 * stays free of listener wiring.
 */
@Component
class TaskNotices {

    private final Notices notices;
    private final UserAccountRepository users;
    private final Deputies deputies;
    private final AuditLog audit;

    TaskNotices(Notices notices, UserAccountRepository users, Deputies deputies, AuditLog audit) {
        this.notices = notices;
        this.users = users;
        this.deputies = deputies;
        this.audit = audit;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void offered(DelegateTask task) {
        List<CurrentUser> recipients = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                recipients.addAll(users.findEnabledInGroup(link.getGroupId()));
            } else if (link.getUserId() != null) {
                users.findByUsername(link.getUserId()).ifPresent(recipients::add);
            }
        }
        if (task.getAssignee() != null) {
            users.findByUsername(task.getAssignee()).ifPresent(recipients::add);
        }
        // whoever is out of office today: their deputies are offered the task too (TaskAccess shows it to them)
        List<CurrentUser> deputised = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (CurrentUser person : List.copyOf(recipients)) {
            for (CurrentUser deputy : deputies.deputiesOf(person, today)) {
                deputised.add(deputy);
                audit.record(AuditEntry.of("system", "TASK_OFFERED_TO_DEPUTY", person.countryIso3(), "task",
                        task.getId(), deputy.username() + " stands in for " + person.username()));
            }
        }
        recipients.addAll(deputised);
        if (!recipients.isEmpty()) {
            notices.notify(NoticeKind.TASK_OFFERED, recipients, text("notices.text.TASK_OFFERED", task), null);
        }
    }

    @EventListener(condition = "#task.eventName == 'assignment'")
    public void assigned(DelegateTask task) {
        String assignee = task.getAssignee();
        String by = SignedInUser.current().map(CurrentUser::username).orElse(null);
        // claiming a task for oneself is no news to oneself
        if (assignee == null || assignee.equals(by)) {
            return;
        }
        users.findByUsername(assignee).ifPresent(user -> notices.notify(NoticeKind.TASK_CLAIMED, List.of(user),
                text("notices.text.TASK_CLAIMED", task), null));
    }

    private static NoticeText text(String key, DelegateTask task) {
        String name = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
        String formKey = formKey(task);
        String shown = formKey == null ? name : NoticeText.MESSAGE + "task.name." + formKey;
        String cycle = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        return new NoticeText(key, List.of(shown, cycle == null ? "" : cycle), "/tasks/" + task.getId(), cycle);
    }

    private static String formKey(DelegateTask task) {
        try {
            var definition = ((org.camunda.bpm.engine.impl.persistence.entity.TaskEntity) task).getTaskDefinition();
            return definition == null || definition.getFormKey() == null ? null
                    : definition.getFormKey().getExpressionText();
        } catch (ClassCastException e) {
            return null;
        }
    }
}
