package org.gcmreview.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.history.ReportTestData;
import org.gcmreview.tasks.OneTaskProcess;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.ui.Model;

/**
 * Evidence added through a task form, the way the drafting and consultation forms will do it: a multipart
 * post to /tasks/{id}, files inspected while the form is validated, stored with the form's writes when the
 * task completes. The limit is set low here (4 KB) so an oversized upload is cheap to make.
 */
@ApplicationTest(properties = "gcm.attachments.max-bytes=4KB")
@Import(AttachmentTaskFormTest.EvidenceFormConfiguration.class)
class AttachmentTaskFormTest {

    static final String FORM_KEY = "test-evidence";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TestUsers users;
    @Autowired
    ReportTestData data;
    @Autowired
    AttachmentService attachments;

    CurrentUser interior;
    long cycleId;
    long contributionId;
    Task task;
    OneTaskProcess process;

    @BeforeEach
    void aDraftingTaskOfTheInteriorMinistry() {
        CurrentUser coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
        cycleId = data.cycle(coordinator);
        contributionId = data.contribution(cycleId, interior, 2);

        process = OneTaskProcess.deploy(engine, jdbc, "test-evidence", "Draft", "Draft with evidence", FORM_KEY);
        task = process.start("KEN-EVIDENCE", "KEN", CandidateGroups.ministry("KEN", "INTERIOR"),
                Map.of("cycleId", cycleId, "contributionId", contributionId));
    }

    @AfterEach
    void undeploy() {
        process.undeploy();
    }

    MockMultipartHttpServletRequestBuilder post(String note, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/tasks/" + task.getId());
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        request.param("note", note).param("action", "complete");
        request.with(TestUsers.as(interior)).with(csrf());
        return request;
    }

    static MockMultipartFile evidence(String name, byte[] content) {
        return new MockMultipartFile("evidence", name, "application/pdf", content);
    }

    List<String> storedNames() {
        return jdbc.sql("select file_name from attachment where owner_kind = 'CONTRIBUTION' and owner_id = ? order by file_name")
                .param(contributionId).query(String.class).list();
    }

    boolean taskOpen() {
        return process.isOpen(task);
    }

    @Test
    void theFormOffersAFileFieldWithItsLimitsAndAnEmptyList() throws Exception {
        mvc.perform(get("/tasks/" + task.getId()).with(TestUsers.as(interior)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("enctype=\"multipart/form-data\""),
                        containsString("type=\"file\""),
                        containsString("name=\"evidence\""),
                        containsString("accept=\".pdf,application/pdf,.docx,"),
                        containsString("PDF, Word (.docx), Excel (.xlsx), PNG or JPEG, up to 4 KB each."),
                        containsString("No evidence attached."))));
    }

    @Test
    void filesSentWithTheFormAreStoredWhenTheTaskCompletes() throws Exception {
        mvc.perform(post("done", evidence("report.pdf", SampleFiles.pdf()), evidence("R&D chart.png", SampleFiles.png())))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(taskOpen()).isFalse();
        assertThat(storedNames()).containsExactly("R&D chart.png", "report.pdf");
    }

    @Test
    void aRefusedFileShowsTheFormAgainWithTheReasonAndStoresNothing() throws Exception {
        mvc.perform(post("keep me", evidence("report.pdf", SampleFiles.pdf()), evidence("minutes.pdf", SampleFiles.exe())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"evidence-error\""),
                        containsString("aria-describedby=\"evidence-hint evidence-error\""),
                        containsString("&quot;minutes.pdf&quot; is not a file type that can be attached. "
                                + "Attach PDF, Word (.docx), Excel (.xlsx), PNG or JPEG files only."),
                        containsString("value=\"keep me\""))));
        assertThat(storedNames()).isEmpty();
        assertThat(taskOpen()).isTrue();
    }

    @Test
    void anOversizedFileIsRefusedWithTheLimit() throws Exception {
        mvc.perform(post("done", evidence("big.pdf", Arrays.copyOf(SampleFiles.pdf(), 5 * 1024))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&quot;big.pdf&quot; is 5 KB; files can be at most 4 KB.")));
        assertThat(storedNames()).isEmpty();
        assertThat(taskOpen()).isTrue();
    }

    @Test
    void aFileFieldLeftBlankIsNoFileAtAll() throws Exception {
        mvc.perform(post("done", new MockMultipartFile("evidence", "", "application/octet-stream", new byte[0])))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(storedNames()).isEmpty();
    }

    @Test
    void whenTheRestOfTheFormIsInvalidNoFileIsStoredEither() throws Exception {
        mvc.perform(post("", evidence("report.pdf", SampleFiles.pdf())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write a note")));
        assertThat(storedNames()).isEmpty();
    }

    @Test
    void storedFilesAreListedEscapedWithDownloadAndRemoveControls() throws Exception {
        Attachment stored = attachments.store(OwnerKind.CONTRIBUTION, contributionId, cycleId, "KEN",
                evidence("R&D <chart>.png", SampleFiles.png()), interior);
        mvc.perform(get("/tasks/" + task.getId()).with(TestUsers.as(interior)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/attachments/" + stored.publicId() + "\""),
                        containsString(">R&amp;D _chart_.png</a>"),
                        containsString("PNG image"),
                        containsString("action=\"/attachments/" + stored.publicId() + "/delete\""),
                        containsString("name=\"returnTo\" value=\"/tasks/" + task.getId() + "\""),
                        // inside the task form: a button tied to its own small form outside it
                        containsString("form=\"remove-" + stored.publicId() + "\""),
                        containsString("id=\"remove-" + stored.publicId() + "\" action=\"/attachments/"
                                + stored.publicId() + "/delete\" method=\"post\""),
                        not(containsString("No evidence attached.")))));
        // a colleague of another ministry sees the file but no remove button
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        assertThat(attachments.list(OwnerKind.CONTRIBUTION, contributionId, labour)).extracting(Attachment::removable)
                .containsExactly(false);
    }

    /** What a real drafting form does with evidence, reduced to the essentials. */
    @TestConfiguration
    static class EvidenceFormConfiguration {

        @Bean
        TaskForm evidenceForm(AttachmentService attachments) {
            return new TaskForm() {
                @Override
                public String formKey() {
                    return FORM_KEY;
                }

                @Override
                public String view() {
                    return "attachment/test-evidence";
                }

                @Override
                public void prepare(UserTask task, CurrentUser user, Model model) {
                    long contribution = task.variable("contributionId", Number.class).longValue();
                    model.addAttribute("attachments", attachments.list(OwnerKind.CONTRIBUTION, contribution, user));
                }

                @Override
                public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission submission) {
                    Map<String, String> errors = new HashMap<>();
                    if (submission.field("note").isEmpty()) {
                        errors.put("note", "Write a note");
                    }
                    List<InspectedFile> files = List.of();
                    try {
                        files = attachments.inspectChosen(submission.files(), "evidence");
                    } catch (AttachmentRejectedException e) {
                        errors.put("evidence", e.getMessage());
                    }
                    if (!errors.isEmpty()) {
                        return TaskOutcome.invalid(errors);
                    }
                    long contribution = task.variable("contributionId", Number.class).longValue();
                    for (InspectedFile file : files) {
                        attachments.store(OwnerKind.CONTRIBUTION, contribution, task.cycleId(), task.countryIso3(),
                                file, user);
                    }
                    return TaskOutcome.complete(Map.of(), "Saved with " + files.size() + " file(s)");
                }
            };
        }
    }
}
