package org.gcmreview.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.Model;

/**
 * The inbox and the task form entry point, with a one-task process deployed per test: who sees a task, who may
 * open and complete it, and what happens on invalid input and on a race.
 */
@ApplicationTest
@Import(TaskAccessTest.EchoFormConfiguration.class)
class TaskAccessTest {

    static final String FORM_KEY = "test-echo";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService taskService;
    @Autowired
    TestUsers users;

    OneTaskProcess process;

    @BeforeEach
    void deployOneTaskProcess() {
        process = OneTaskProcess.deploy(engine, jdbc, "test-one-task", "Echo", "Echo the note", FORM_KEY);
    }

    @AfterEach
    void undeploy() {
        process.undeploy();
    }

    /** A national task of a country: tenant = the country, candidate group = its coordinators. */
    Task coordinatorTask(String iso3) {
        return process.start(iso3 + "-TEST", iso3, CandidateGroups.coordinator(iso3), Map.of());
    }

    @Test
    void aCoordinatorSeesAndCompletesOnlyTheirCountrysTask() throws Exception {
        CurrentUser kenya = users.coordinator("KEN");
        CurrentUser ghana = users.coordinator("GHA");
        Task kenyan = coordinatorTask("KEN");

        mvc.perform(get("/tasks").with(TestUsers.as(kenya)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/tasks/" + kenyan.getId())));
        mvc.perform(get("/tasks").with(TestUsers.as(ghana)))
                .andExpect(content().string(not(containsString(kenyan.getId()))));

        mvc.perform(get("/tasks/" + kenyan.getId()).with(TestUsers.as(ghana))).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + kenyan.getId()).param("note", "from Ghana").with(TestUsers.as(ghana))
                .with(csrf())).andExpect(status().isForbidden());
        assertThat(taskService.createTaskQuery().taskId(kenyan.getId()).count()).isOne();

        mvc.perform(get("/tasks/" + kenyan.getId()).with(TestUsers.as(kenya)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Echo the note")));
        mvc.perform(post("/tasks/" + kenyan.getId()).param("note", "done").with(TestUsers.as(kenya)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("flash", "Noted: done"));
        assertThat(taskService.createTaskQuery().taskId(kenyan.getId()).count()).isZero();
    }

    @Test
    void aMinistryCannotOpenTheCoordinatorsTaskOfItsOwnCountry() throws Exception {
        CurrentUser ministry = users.ministry("KEN", "INTERIOR");
        Task task = coordinatorTask("KEN");
        mvc.perform(get("/tasks/" + task.getId()).with(TestUsers.as(ministry))).andExpect(status().isForbidden());
    }

    @Test
    void anonymousUsersAreSentToLogin() throws Exception {
        Task task = coordinatorTask("KEN");
        mvc.perform(get("/tasks")).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/tasks/" + task.getId())).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void missingCsrfTokenIsRefusedAndNothingChanges() throws Exception {
        CurrentUser kenya = users.coordinator("KEN");
        Task task = coordinatorTask("KEN");
        mvc.perform(post("/tasks/" + task.getId()).param("note", "x").with(TestUsers.as(kenya)))
                .andExpect(status().isForbidden());
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void invalidInputShowsTheFormAgainWithWhatWasTyped() throws Exception {
        CurrentUser kenya = users.coordinator("KEN");
        Task task = coordinatorTask("KEN");
        mvc.perform(post("/tasks/" + task.getId()).param("note", "").param("other", "<b>kept</b>")
                        .with(TestUsers.as(kenya)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write a note")))
                .andExpect(content().string(containsString("&lt;b&gt;kept&lt;/b&gt;")));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void aTaskAlreadyCompletedGivesAClearAnswerNotAnEngineError() throws Exception {
        CurrentUser kenya = users.coordinator("KEN");
        Task task = coordinatorTask("KEN");
        taskService.complete(task.getId());
        mvc.perform(post("/tasks/" + task.getId()).param("note", "late").with(TestUsers.as(kenya)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone else completed this task a moment ago")));
        // only opened, nothing sent: the page says the task is finished, not that something was not saved
        mvc.perform(get("/tasks/" + task.getId()).with(TestUsers.as(kenya)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This task is finished: someone else completed it.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("saved"))));
    }

    @Test
    void anIdThatWasNeverATaskIsNotFound() throws Exception {
        CurrentUser kenya = users.coordinator("KEN");
        mvc.perform(post("/tasks/no-such-task").param("note", "x").with(TestUsers.as(kenya)).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no open task at this address")));
    }

    @Test
    void aTaskClaimedByAColleagueCannotBeCompletedByAnother() throws Exception {
        CurrentUser first = users.coordinator("KEN");
        CurrentUser second = users.coordinator("KEN");
        Task task = coordinatorTask("KEN");
        mvc.perform(post("/tasks/" + task.getId() + "/claim").with(TestUsers.as(first)).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));
        mvc.perform(post("/tasks/" + task.getId()).param("note", "mine").with(TestUsers.as(second)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This task is claimed by " + first.username())));
        mvc.perform(post("/tasks/" + task.getId() + "/claim").with(TestUsers.as(second)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This task is claimed by " + first.username())));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo(first.username());
    }

    @TestConfiguration
    static class EchoFormConfiguration {

        @Bean
        TaskForm echoForm() {
            return new TaskForm() {
                @Override
                public String formKey() {
                    return FORM_KEY;
                }

                @Override
                public String view() {
                    return "tasks/test-echo";
                }

                @Override
                public void prepare(UserTask task, CurrentUser user, Model model) {
                }

                @Override
                public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission submission) {
                    if (submission.field("note").isEmpty()) {
                        return TaskOutcome.invalid(Map.of("note", "Write a note"));
                    }
                    return TaskOutcome.complete(Map.of("note", submission.field("note")),
                            "Noted: " + submission.field("note"));
                }
            };
        }
    }
}
