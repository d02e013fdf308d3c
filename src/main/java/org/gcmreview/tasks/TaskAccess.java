package org.gcmreview.tasks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Deputies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way the web layer reaches Camunda tasks: every lookup is filtered by the user's candidate groups
 * and, for country users, by the country (Camunda tenant), so a user never sees another country's task.
 * <p>Larger than 250 lines on purpose: it is the one gate to Camunda tasks; keeping every lookup's group and country
 * filter in one class is what makes the gate reviewable.
 */
@Service
public class TaskAccess {

    private final TaskService taskService;
    private final HistoryService historyService;
    private final JdbcClient jdbc;
    private final Deputies deputies;
    private final CommandExecutor engineCommands;
    private final InboxRows inboxRows;

    TaskAccess(TaskService taskService, HistoryService historyService,
            JdbcClient jdbc, Deputies deputies, ProcessEngine engine, InboxRows inboxRows) {
        this.engineCommands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.taskService = taskService;
        this.historyService = historyService;
        this.jdbc = jdbc;
        this.deputies = deputies;
        this.inboxRows = inboxRows;
    }

    /** The user's candidate groups and, while they stand in for someone out of office, that person's. */
    private List<String> groups(CurrentUser user) {
        return deputies.groupsCoveredBy(user, LocalDate.now(ZoneOffset.UTC));
    }

    /** Open tasks the user may claim or has claimed, soonest due first (PostgreSQL puts no due date last). */
    public List<UserTask> inbox(CurrentUser user) {
        return inboxRows.of(query(user).orderByDueDate().asc().orderByTaskCreateTime().asc().list(), INBOX_VARIABLES);
    }

    /**
     * What an inbox row shows beside the task: a secretariat's task names the country whose report it is and
     * the national review, and the round's deadline when the task itself has none.
     */
    static final List<String> INBOX_VARIABLES = List.of("countryIso3", "nationalBusinessKey", "submissionDeadline");

    /**
     * The task with this id if the user may work on it; 403 if it is not theirs, 409 if it was theirs to do but
     * has ended meanwhile, 404 if there is no such task for them.
     */
    public UserTask find(String taskId, CurrentUser user) {
        Found found = engineCommands.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return null;
            }
            task.initializeFormKey();
            ExecutionEntity instance = task.getProcessInstanceId() == null ? null
                    : context.getExecutionManager().findExecutionById(task.getProcessInstanceId());
            return new Found(task, instance == null ? null : instance.getBusinessKey());
        });
        if (found == null) {
            throw gone(taskId, user);
        }
        if (!mayWorkOn(found.task(), user)) {
            throw new AccessDeniedException("This task is not assigned to you or your group");
        }
        return toUserTask(found.task(), found.businessKey(), taskService.getVariables(taskId));
    }

    /**
     * A task read by its primary key, with its process instance's business key. By key rather than through a task
     * and a process instance query: the engine builds those queries' SQL from its mappings' hundreds of optional
     * conditions on every call, which took a third of a task form's CPU (more than the whole completion; issue
     * 19.2, docs/benchmarks.md). Inside the command of a form's submission ({@link TaskWork}) the engine keeps
     * both rows for the claim and the completion that follow, as it kept the queries' results.
     */
    private record Found(Task task, String businessKey) {
    }

    /**
     * As {@link #find}, for a page that only shows the task: one that has ended is reported as finished (by
     * whom), since nothing was sent that could have been lost.
     */
    public UserTask read(String taskId, CurrentUser user) {
        try {
            return find(taskId, user);
        } catch (TaskConflictException e) {
            HistoricTaskInstance ended = historyService.createHistoricTaskInstanceQuery().taskId(taskId)
                    .singleResult();
            if (ended == null) {
                throw e;
            }
            throw TaskConflictException.finished("completed".equals(ended.getDeleteReason()),
                    user.username().equals(ended.getAssignee()));
        }
    }

    /**
     * The task, locked for the caller's transaction ({@link #lockOpenTask}), if the user may work on it now: 409
     * if a colleague has claimed it. Call it first thing in the transaction that will change the task.
     */
    UserTask lockForWork(String taskId, CurrentUser user) {
        lockOpenTask(taskId, user);
        UserTask task = find(taskId, user);
        if (task.assignee() != null && !task.assignee().equals(user.username())) {
            throw TaskConflictException.claimedBy(task.assignee());
        }
        return task;
    }

    /**
     * Makes the caller's transaction the only one working on this task and on its process instance until it
     * ends, and makes sure the task is still open. Two people sending the same task at once are thus taken one
     * after the other: the second finds the task gone and is told so before its form stores anything, instead of
     * both forms writing their data and the engine refusing one completion at the very end (or a unique key
     * refusing the loser's domain row with an error page). Locking the process instance as well keeps the
     * completions of one instance's other tasks (the ministries' parallel sign-offs) from overtaking each other
     * on the engine's shared executions and variables. Call it first thing in the transaction, before the
     * engine reads the task: whatever it read before the lock could be stale.
     */
    private void lockOpenTask(String taskId, CurrentUser user) {
        // always the process instance first, then the task: one order, so these locks never deadlock. The task's
        // process instance is found in the same statement (FOR UPDATE locks only the execution row); a task of no
        // process instance, or none at all, locks nothing here
        jdbc.sql("""
                select id_ from act_ru_execution
                 where id_ = (select proc_inst_id_ from act_ru_task where id_ = ?) for update""").param(taskId)
                .query(String.class).optional();
        boolean open = jdbc.sql("select id_ from act_ru_task where id_ = ? for update").param(taskId)
                .query(String.class).optional().isPresent();
        if (!open) {
            throw gone(taskId, user);
        }
    }

    /**
     * What to tell a user about a task that is not open (any more): if it was a task of their country, or a
     * secretariat task for a secretariat user, that it has been done, and by whom (them or someone else);
     * otherwise, as for an id that never existed, that there is no such task, so that an id does not reveal
     * another country's tasks.
     */
    private RuntimeException gone(String taskId, CurrentUser user) {
        HistoricTaskInstance ended = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (ended == null || ended.getEndTime() == null || !mayHaveWorkedOn(ended, user)) {
            return new TaskNotFoundException(taskId);
        }
        if (!"completed".equals(ended.getDeleteReason())) {
            return TaskConflictException.closed();
        }
        return user.username().equals(ended.getAssignee())
                ? TaskConflictException.completedByYou() : TaskConflictException.completedByOther();
    }

    /**
     * History (level audit) keeps no candidate groups, so this is by country: a country user's own country's
     * tasks, and for the secretariats the tasks that belong to no country.
     */
    private static boolean mayHaveWorkedOn(HistoricTaskInstance task, CurrentUser user) {
        return user.role().isCountryRole() ? user.countryIso3().equals(task.getTenantId()) : task.getTenantId() == null;
    }

    /** Completes the task for the user; the caller's transaction covers the form's writes and this. */
    public void complete(UserTask task, CurrentUser user, Map<String, Object> variables) {
        try {
            if (task.assignee() == null) {
                taskService.claim(task.id(), user.username());
            }
            taskService.complete(task.id(), variables);
        } catch (ProcessEngineException e) {
            // The task was changed by someone else between load and submit (lockOpenTask makes this unlikely).
            throw TaskConflictException.changed(e);
        }
    }

    /** Takes the task for the user, unless a colleague has it (409); one claim at a time, as for completion. */
    @Transactional
    public void claim(String taskId, CurrentUser user) {
        UserTask task = lockForWork(taskId, user);
        try {
            taskService.claim(task.id(), user.username());
        } catch (ProcessEngineException e) {
            throw TaskConflictException.changed(e);
        }
    }

    @Transactional
    public void release(String taskId, CurrentUser user) {
        lockOpenTask(taskId, user);
        UserTask task = find(taskId, user);
        if (user.username().equals(task.assignee())) {
            try {
                taskService.setAssignee(task.id(), null);
            } catch (ProcessEngineException e) {
                throw TaskConflictException.changed(e);
            }
        }
    }

    private TaskQuery query(CurrentUser user) {
        TaskQuery query = taskService.createTaskQuery()
                .initializeFormKeys()
                .or()
                .taskCandidateGroupIn(groups(user))
                .taskAssignee(user.username())
                .endOr();
        if (user.role().isCountryRole()) {
            query.tenantIdIn(user.countryIso3());
        }
        return query;
    }

    private boolean mayWorkOn(Task task, CurrentUser user) {
        if (user.role().isCountryRole() && !user.countryIso3().equals(task.getTenantId())) {
            return false;
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            // claimed by a colleague: still visible to the group, but they must release it first
            return inCandidateGroup(task, user);
        }
        return user.username().equals(task.getAssignee()) || inCandidateGroup(task, user);
    }

    /**
     * Whether one of the task's candidate groups is the user's or that of someone they stand in for today. The
     * user's own groups are tried first: whom they stand in for is a query, needed only when those do not match.
     */
    private boolean inCandidateGroup(Task task, CurrentUser user) {
        Set<String> candidates = candidateGroups(task);
        return user.candidateGroups().stream().anyMatch(candidates::contains)
                || groups(user).stream().anyMatch(candidates::contains);
    }

    private Set<String> candidateGroups(Task task) {
        Set<String> groups = new HashSet<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    static UserTask toUserTask(Task task, String businessKey, Map<String, Object> variables) {
        return new UserTask(
                task.getId(),
                task.getName(),
                task.getFormKey(),
                processDefinitionKey(task.getProcessDefinitionId()),
                task.getProcessInstanceId(),
                businessKey,
                task.getTenantId(),
                task.getAssignee(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                variables);
    }

    /** Process definition ids look like {@code key:version:id}. */
    private static String processDefinitionKey(String processDefinitionId) {
        int colon = processDefinitionId.indexOf(':');
        return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
    }
}
