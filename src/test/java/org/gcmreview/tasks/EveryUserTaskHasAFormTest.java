package org.gcmreview.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A user task whose form key no feature serves would be a dead end in someone's inbox. */
@ApplicationTest
class EveryUserTaskHasAFormTest {

    @Autowired
    TaskForms forms;

    @Test
    void everyFormKeyInTheProcessesIsServed() throws IOException {
        Set<String> formKeys = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                    assertThat(task.getCamundaFormKey()).as("form key of %s in %s", task.getId(), file).isNotBlank();
                    formKeys.add(task.getCamundaFormKey());
                }
            }
        }
        assertThat(formKeys).as("form keys found in processes/").isNotEmpty();
        assertThat(forms.formKeys()).containsAll(formKeys);
    }
}
