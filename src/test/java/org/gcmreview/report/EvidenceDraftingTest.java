package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Evidence through the drafting form and the report editor (multipart posts with CSRF): accepted files are
 * stored with the form's fields, in one transaction; a refused file, a refused field or a lock conflict stores
 * nothing at all, says why at the file field, and keeps what the user typed.
 */
@ApplicationTest
class EvidenceDraftingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    CurrentUser coordinator;
    CurrentUser interior;
    long cycleId;
    Task task;
    long contribution;
    String field;

    @BeforeEach
    void aDraftingTask() throws Exception {
        coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
        cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(interior.ministryId()), Map.of(1, interior.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        task = cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry("KEN", "INTERIOR"));
        contribution = jdbc.sql("select id from contribution where cycle_id = ?").param(cycleId).query(Long.class)
                .single();
        field = "evidence-" + contribution;
    }

    @Test
    void evidenceIsStoredWithTheDraftAndListedOnThePage() throws Exception {
        mvc.perform(get("/tasks/" + task.getId()).with(TestUsers.as(interior)))
                .andExpect(content().string(allOf(containsString("enctype=\"multipart/form-data\""),
                        containsString("type=\"file\" multiple id=\"" + field + "\" name=\"" + field + "\""),
                        containsString("/cycles/" + cycleId + "/contributions/" + contribution + "/history"))));

        mvc.perform(draft("save", "Narrative with evidence.", EvidenceFiles.file(field, "census-2024.pdf",
                        EvidenceFiles.pdf()), EvidenceFiles.file(field, "chart.png", EvidenceFiles.png())))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));

        assertThat(attachments()).containsExactlyInAnyOrder("CONTRIBUTION/census-2024.pdf/application/pdf",
                "CONTRIBUTION/chart.png/image/png");
        assertThat(body()).isEqualTo("Narrative with evidence.");
        assertThat(cycles.count("select count(*) from audit_event where action = 'ATTACHMENT_ADDED' "
                + "and details like ?", "CONTRIBUTION " + contribution + ":%")).isEqualTo(2);
        mvc.perform(get("/tasks/" + task.getId()).with(TestUsers.as(interior)))
                .andExpect(content().string(allOf(containsString(">census-2024.pdf</a>"),
                        containsString(">chart.png</a>"))));

        // a file alone is a change too
        mvc.perform(draftWithVersion("save", "Narrative with evidence.", 1,
                        EvidenceFiles.file(field, "more.pdf", EvidenceFiles.pdf())))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));
        assertThat(attachments()).hasSize(3);
        assertThat(cycles.count("select count(*) from contribution_revision where contribution_id = ?", contribution))
                .isOne();
    }

    @Test
    void aFileOfTheWrongTypeIsRefusedAtItsFieldAndNothingIsStored() throws Exception {
        // the type is judged by the content, not the name
        mvc.perform(draft("save", "Typed before the refusal.", EvidenceFiles.file(field, "census.pdf",
                        EvidenceFiles.png()), EvidenceFiles.file(field, "fine.png", EvidenceFiles.png())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("&quot;census.pdf&quot; is named like a .pdf file but its content is"),
                        containsString("Nothing was saved; everything else you typed is still in the form."),
                        containsString("id=\"" + field + "-error\""),
                        containsString("aria-describedby=\"" + field + "-hint " + field + "-error\""),
                        containsString("href=\"#" + field + "\""),
                        containsString(">Typed before the refusal.</textarea>"))));
        assertNothingStored();

        mvc.perform(draft("save", "Typed again.", EvidenceFiles.file(field, "setup.exe", EvidenceFiles.executable())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("&quot;setup.exe&quot; is not a file type that can be attached."),
                        containsString(">Typed again.</textarea>"))));
        assertNothingStored();

        mvc.perform(draft("save", "Empty file.", EvidenceFiles.file(field, "empty.pdf", new byte[0])))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&quot;empty.pdf&quot; is empty.")));
        assertNothingStored();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAndNothingIsStored() throws Exception {
        byte[] large = Arrays.copyOf(EvidenceFiles.pdf(), 10 * 1024 * 1024 + 1);
        mvc.perform(draft("submit", "Submitted with a large file.", EvidenceFiles.file(field, "large.pdf", large))
                        .param("status-" + contribution, "PLANNED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("&quot;large.pdf&quot; is 10 MB; files can be at most 10 MB."),
                        containsString(">Submitted with a large file.</textarea>"))));
        assertNothingStored();
        assertThat(cycles.count("select count(*) from contribution where id = ? and submitted_at is not null",
                contribution)).isZero();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void aGoodFileIsNotStoredWhenAnotherFieldIsRefusedOrTheSaveConflicts() throws Exception {
        String p = "ind-" + contribution + "-0-";
        mvc.perform(draft("save", "Narrative.", EvidenceFiles.file(field, "fine.pdf", EvidenceFiles.pdf()))
                        .param("indrows-" + contribution, "1").param(p + "name", "Arrivals").param(p + "value", "5")
                        .param(p + "source", "Border police").param(p + "year", "1985"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("the year must be between 1990"),
                        containsString("Not attached, because nothing was saved: choose fine.pdf again when you save."))));
        assertNothingStored();

        // someone else saves first; the late save with a file stores neither text nor file
        CurrentUser colleague = users.ministry("KEN", "INTERIOR");
        mvc.perform(multipart("/tasks/" + task.getId()).with(TestUsers.as(colleague)).with(csrf())
                        .param("action", "save").param("version-" + contribution, "0")
                        .param("body-" + contribution, "The colleague's text."))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));
        mvc.perform(draft("save", "My text.", EvidenceFiles.file(field, "fine.pdf", EvidenceFiles.pdf())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Someone else saved objective 1"),
                        containsString("choose fine.pdf again"), containsString(">My text.</textarea>"))));
        assertThat(attachments()).isEmpty();
        assertThat(body()).isEqualTo("The colleague's text.");
    }

    @Test
    void theCoordinatorAttachesEvidenceToReportSectionsAndSeesTheContributionsEvidence() throws Exception {
        mvc.perform(draft("submit", "Drafted.", EvidenceFiles.file(field, "ministry-data.pdf", EvidenceFiles.pdf()))
                        .param("status-" + contribution, "PLANNED"))
                .andExpect(redirectedUrl("/tasks"));
        Task consolidate = cycles.task(cycleId, "ConsolidateReport");
        long section = jdbc.sql("select id from report_section where cycle_id = ? and objective_number = 1")
                .param(cycleId).query(Long.class).single();
        String sectionField = "evidence-" + section;

        mvc.perform(get("/tasks/" + consolidate.getId()).with(TestUsers.as(coordinator)))
                .andExpect(content().string(allOf(containsString(">ministry-data.pdf</a>"),
                        containsString("name=\"" + sectionField + "\""),
                        containsString("/cycles/" + cycleId + "/sections/" + section + "/history"),
                        containsString("/cycles/" + cycleId + "/contributions/" + contribution + "/history"))));

        // refused: nothing, not even the section's text, is stored
        mvc.perform(multipart("/tasks/" + consolidate.getId()).file(EvidenceFiles.file(sectionField, "photo.png",
                                EvidenceFiles.text()))
                        .with(TestUsers.as(coordinator)).with(csrf()).param("action", "save")
                        .param("version-" + section, "0").param("body-" + section, "Section text."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("&quot;photo.png&quot; is not a file type that can be attached."),
                        containsString(">Section text.</textarea>"))));
        assertThat(cycles.count("select count(*) from attachment where owner_kind = 'REPORT_SECTION' and owner_id = ?",
                section)).isZero();
        assertThat(cycles.count("select count(*) from section_revision where section_id = ?", section)).isZero();

        mvc.perform(multipart("/tasks/" + consolidate.getId()).file(EvidenceFiles.file(sectionField, "photo.png",
                                EvidenceFiles.png()))
                        .with(TestUsers.as(coordinator)).with(csrf()).param("action", "save")
                        .param("version-" + section, "0").param("body-" + section, "Section text."))
                .andExpect(redirectedUrl("/tasks/" + consolidate.getId()));
        assertThat(jdbc.sql("select file_name from attachment where owner_kind = 'REPORT_SECTION' and owner_id = ?")
                .param(section).query(String.class).list()).containsExactly("photo.png");
        assertThat(jdbc.sql("select body from report_section where id = ?").param(section).query(String.class)
                .single()).isEqualTo("Section text.");
    }

    private MockMultipartHttpServletRequestBuilder draft(String action, String body, MockMultipartFile... files) {
        return draftWithVersion(action, body, 0, files);
    }

    private MockMultipartHttpServletRequestBuilder draftWithVersion(String action, String body, int version,
            MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/tasks/" + task.getId());
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        request.param("action", action).param("answerschecked", "yes").param("version-" + contribution, String.valueOf(version))
                .param("body-" + contribution, body);
        request.with(TestUsers.as(interior)).with(csrf());
        return request;
    }

    private List<String> attachments() {
        return jdbc.sql("select owner_kind || '/' || file_name || '/' || media_type from attachment "
                + "where owner_kind = 'CONTRIBUTION' and owner_id = ?").param(contribution).query(String.class).list();
    }

    private String body() {
        return jdbc.sql("select body from contribution where id = ?").param(contribution).query(String.class).single();
    }

    private void assertNothingStored() {
        assertThat(attachments()).isEmpty();
        assertThat(body()).isEmpty();
        assertThat(cycles.count("select count(*) from contribution_revision where contribution_id = ?", contribution))
                .isZero();
    }
}
