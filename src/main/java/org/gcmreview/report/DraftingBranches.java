package org.gcmreview.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.processes.NationalReview;
import org.springframework.stereotype.Component;

/**
 * The ministries' drafting branches of a running national review (the NationalDrafting multi-instance
 * sub-process), changed after scoping (issue 14.2). Adding starts one more branch inside the multi-instance body
 * with process-instance modification, its own {@code ministryGroup} set; the engine counts it among the instances,
 * so drafting ends when every branch, the new one too, has ended. Removing completes the ministry's open drafting
 * task with the outcome "removed" rather than cancelling the branch: a cancelled last branch would cancel the
 * multi-instance body and with it the whole review, while a completed one ends as every branch does. Either way
 * {@code ministryGroups} is updated, so the sign-off round asks exactly the ministries now taking part.
 */
@Component
class DraftingBranches {

    static final String OUTCOME_REMOVED = "removed";

    private final RuntimeService runtime;
    private final TaskService tasks;

    DraftingBranches(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** The multi-instance body's activity instance while the ministries draft. */
    Optional<ActivityInstance> drafting(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
        return tree == null ? Optional.empty()
                : Arrays.stream(tree.getActivityInstances(NationalReview.NATIONAL_DRAFTING + "#multiInstanceBody"))
                        .findFirst();
    }

    void add(String processInstanceId, String ministryGroup) {
        ActivityInstance body = drafting(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("The ministries are not drafting"));
        runtime.createProcessInstanceModification(processInstanceId)
                .startBeforeActivity(NationalReview.NATIONAL_DRAFTING, body.getId())
                .setVariableLocal(NationalReview.VAR_MINISTRY_GROUP, ministryGroup)
                .execute();
        List<String> groups = groups(processInstanceId);
        if (!groups.contains(ministryGroup)) {
            groups.add(ministryGroup);
        }
        runtime.setVariable(processInstanceId, NationalReview.VAR_MINISTRY_GROUPS, groups);
    }

    void remove(String processInstanceId, String ministryGroup) {
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(NationalReview.DRAFT_CONTRIBUTION).taskCandidateGroup(ministryGroup).list()) {
            tasks.setVariableLocal(task.getId(), NationalReview.VAR_OUTCOME, OUTCOME_REMOVED);
            tasks.complete(task.getId());
        }
        List<String> groups = groups(processInstanceId);
        groups.remove(ministryGroup);
        runtime.setVariable(processInstanceId, NationalReview.VAR_MINISTRY_GROUPS, groups);
    }

    @SuppressWarnings("unchecked")
    private List<String> groups(String processInstanceId) {
        Object value = runtime.getVariable(processInstanceId, NationalReview.VAR_MINISTRY_GROUPS);
        return value instanceof List<?> list ? new ArrayList<>((List<String>) list) : new ArrayList<>();
    }
}
