package org.gcmreview.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.2, kept true: every user task in every process file waits on someone, so each has a due date, a
 * non-interrupting reminder timer (a date) and a non-interrupting escalation timer that repeats (an ISO 8601 cycle),
 * each followed by the service task that sends the notice. A new user task without them fails here.
 */
class WaitingTasksModelTest {

    @Test
    void everyUserTaskHasADueDateAReminderAndARepeatingEscalation() {
        File[] files = new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"));
        assertThat(files).hasSize(4);
        List<String> missing = new ArrayList<>();
        int userTasks = 0;
        for (File file : files) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file);
            List<BoundaryEvent> boundaries = List.copyOf(model.getModelElementsByType(BoundaryEvent.class));
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                userTasks++;
                String where = file.getName() + "#" + task.getId();
                if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
                    missing.add(where + ": no due date");
                }
                List<TimerEventDefinition> timers = boundaries.stream()
                        .filter(b -> b.getAttachedTo() == task && !b.cancelActivity())
                        .filter(b -> b.getOutgoing().stream().allMatch(f -> f.getTarget() instanceof ServiceTask)
                                && !b.getOutgoing().isEmpty())
                        .flatMap(b -> b.getEventDefinitions().stream())
                        .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast)
                        .toList();
                if (timers.stream().noneMatch(t -> t.getTimeDate() != null)) {
                    missing.add(where + ": no reminder (a non-interrupting timer on a date)");
                }
                if (timers.stream().noneMatch(t -> t.getTimeCycle() != null)) {
                    missing.add(where + ": no repeating escalation (a non-interrupting timer on a cycle)");
                }
            }
        }
        assertThat(userTasks).as("user tasks found").isGreaterThanOrEqualTo(19);
        assertThat(missing).isEmpty();
    }
}
