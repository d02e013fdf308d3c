package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.attachment.SampleFiles;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.WordFormat.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Uploads that cannot be mapped back are refused with what to fix and store nothing (no pending upload, no
 * revision); and who may download drafts and upload into a contribution.
 */
@ApplicationTest
class WordRefusalsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    CurrentUser coordinator;
    CurrentUser interior;

    record Drafted(long cycleId, Task task, long c1, long c2) {
    }

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
    }

    Drafted draft() throws Exception {
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                List.of(interior.ministryId()), Map.of(1, interior.ministryId(), 2, interior.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        Task task = cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry("KEN", "INTERIOR"));
        Map<Integer, Long> ids = new HashMap<>();
        jdbc.sql("select objective_number, id from contribution where cycle_id = ?").param(cycleId)
                .query((rs, row) -> ids.put(rs.getInt(1), rs.getLong(2))).list();
        MockHttpServletRequestBuilder form = multipart("/tasks/" + task.getId()).with(TestUsers.as(interior))
                .with(csrf()).param("action", "save");
        ids.values().forEach(c -> form.param("version-" + c, "0").param("status-" + c, "PLANNED")
                .param("body-" + c, "A plan.\nA second line.").param("indrows-" + c, "1")
                .param("ind-" + c + "-0-name", "Returns").param("ind-" + c + "-0-value", "40")
                .param("ind-" + c + "-0-source", "Police").param("ind-" + c + "-0-year", "2023"));
        mvc.perform(form).andExpect(redirectedUrl("/tasks/" + task.getId()));
        return new Drafted(cycleId, task, ids.get(1), ids.get(2));
    }

    byte[] contributionFile(long cycleId) throws Exception {
        return mvc.perform(get("/cycles/" + cycleId + "/ministries/" + interior.ministryId() + "/contribution.docx")
                .with(TestUsers.as(interior))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    /** Uploads, expects a refusal naming {@code problem}, and that nothing at all was stored. */
    void refused(Drafted d, byte[] file, String name, String problem) throws Exception {
        String before = state(d);
        MockHttpServletResponse response = mvc.perform(multipart("/tasks/" + d.task().getId() + "/word")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", file))
                        .with(TestUsers.as(interior)).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("The file was not taken. Nothing was saved.").contains(problem);
        assertThat(state(d)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from word_import where task_id = ?").param(d.task().getId())
                .query(Integer.class).single()).isZero();
    }

    /** Everything an upload could have changed: versions, revisions, indicators. */
    String state(Drafted d) {
        return jdbc.sql("""
                select string_agg(c.id || ':' || c.lock_version || ':' || (select count(*) from contribution_revision r
                       where r.contribution_id = c.id) || ':' || (select count(*) from contribution_indicator i
                       where i.contribution_id = c.id), ',' order by c.id)
                  from contribution c where c.cycle_id = ?""").param(d.cycleId()).query(String.class).single();
    }

    @Test
    void filesThatCannotBeMappedBackAreRefusedWithWhatToFix() throws Exception {
        Drafted d = draft();
        byte[] good = contributionFile(d.cycleId());

        WordFiles removed = new WordFiles(good);
        removed.doc.removeBodyElement(removed.heading(WordFormat.marker(d.c2(), Field.MEASURES)));
        refused(d, removed.bytes(), "contribution.docx", "the heading “Measures taken” is missing or was changed");

        WordFiles renamed = new WordFiles(good);
        WordFiles.retype((org.apache.poi.xwpf.usermodel.XWPFParagraph) renamed.doc.getBodyElements()
                .get(renamed.heading(WordFormat.marker(d.c1()))), "Objective 1: our own title");
        refused(d, renamed.bytes(), "contribution.docx", "The section “Objective 1: ");

        WordFiles status = new WordFiles(good);
        WordFiles.retype(status.firstParagraphUnder(WordFormat.marker(d.c1(), Field.STATUS)), "Almost there");
        refused(d, status.bytes(), "contribution.docx", "Objective 1: the implementation status “Almost there” is not one of");

        WordFiles tooLong = new WordFiles(good);
        WordFiles.retype(tooLong.firstParagraphUnder(WordFormat.marker(d.c2(), Field.NARRATIVE)), "x".repeat(20_001));
        refused(d, tooLong.bytes(), "contribution.docx", "Objective 2: keep the text under 20,000 characters.");

        WordFiles rows = new WordFiles(good);
        XWPFTable table = rows.tableUnder(WordFormat.marker(d.c1(), Field.INDICATORS));
        while (table.getRows().size() < 23) {
            table.createRow();
        }
        refused(d, rows.bytes(), "contribution.docx", "Objective 1: the indicator table has 22 rows; it can have at most 21.");

        // another review's file of the same ministry
        Drafted other = draft();
        refused(d, contributionFile(other.cycleId()), "contribution.docx", "This file is the contribution of another "
                + "ministry or review.");
        // the whole draft report, and a Word file gcm-review did not write
        byte[] report = mvc.perform(get("/cycles/" + d.cycleId() + "/report.docx").with(TestUsers.as(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        refused(d, report, "report.docx", "This is the whole draft report.");
        XWPFDocument plain = new XWPFDocument();
        plain.createParagraph().createRun().setText("Our contribution");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        plain.write(out);
        refused(d, out.toByteArray(), "contribution.docx", "This file was not downloaded from gcm-review.");

        // macro-enabled: by name, and by content (a VBA project inside)
        refused(d, good, "contribution.docm", "The file contains macros (.docm).");
        refused(d, withVbaProject(good), "contribution.docx", "contains macros");
        // not a Word document at all, and too large
        refused(d, SampleFiles.pdf(), "contribution.docx", "This is not a Word document (.docx).");
        refused(d, "just text".getBytes(StandardCharsets.UTF_8), "contribution.docx", "This is not a Word document");
        refused(d, new byte[10 * 1024 * 1024 + 1], "contribution.docx", "files can be at most 10 MB");

        // the untouched file is taken: it changes nothing
        String location = mvc.perform(multipart("/tasks/" + d.task().getId() + "/word")
                        .file(new MockMultipartFile("file", "contribution.docx", "application/octet-stream", good))
                        .with(TestUsers.as(interior)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(location).with(TestUsers.as(interior))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("The file says the same as your contribution: there is nothing to save.")
                .doesNotContain("confirm-import");
        // only the person who uploaded it sees it
        mvc.perform(get(location).with(TestUsers.as(users.ministry("KEN", "INTERIOR")))).andExpect(status().isNotFound());
    }

    /** The same package with a VBA project part added, as a macro-enabled file saved as .docx would have. */
    private static byte[] withVbaProject(byte[] docx) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/vbaProject.bin"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void draftsAreForTheCountrysGovernmentOnlyAndUploadsForTheMinistrysDraftingTask() throws Exception {
        Drafted d = draft();
        String contribution = "/cycles/" + d.cycleId() + "/ministries/" + interior.ministryId() + "/contribution.docx";
        String report = "/cycles/" + d.cycleId() + "/report.docx";
        String upload = "/tasks/" + d.task().getId() + "/word";

        mvc.perform(get(report).with(TestUsers.as(coordinator))).andExpect(status().isOk());
        mvc.perform(get(contribution).with(TestUsers.as(coordinator))).andExpect(status().isOk());
        // the country's other ministries read the draft report, not another ministry's contribution
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        mvc.perform(get(report).with(TestUsers.as(labour))).andExpect(status().isOk());
        mvc.perform(get(contribution).with(TestUsers.as(labour))).andExpect(status().isForbidden());
        mvc.perform(get(upload).with(TestUsers.as(labour))).andExpect(status().isForbidden());
        // stakeholders never get drafts; secretariats and other countries do not even learn the cycle exists
        CurrentUser stakeholder = users.stakeholder("KEN", "Word round trip organisation");
        mvc.perform(get(report).with(TestUsers.as(stakeholder))).andExpect(status().isForbidden());
        mvc.perform(get(contribution).with(TestUsers.as(stakeholder))).andExpect(status().isForbidden());
        for (CurrentUser outsider : List.of(users.coordinator("GHA"), users.ministry("GHA", "INTERIOR"),
                users.regionalSecretariat("ECA"), users.imrfSecretariat(), users.admin())) {
            mvc.perform(get(report).with(TestUsers.as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get(contribution).with(TestUsers.as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get(upload).with(TestUsers.as(outsider))).andExpect(status().isNotFound());
        }
        // the coordinator steers, but uploads nothing into a ministry's contribution
        mvc.perform(get(upload).with(TestUsers.as(coordinator))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get(upload).with(TestUsers.as(interior))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("name=\"file\"")
                .contains("href=\"" + contribution + "\"");

        assertThat(jdbc.sql("select actor from audit_event where action = 'DRAFT_REPORT_DOWNLOADED' and subject_id = ? "
                + "order by id").param(String.valueOf(d.cycleId())).query(String.class).list())
                .containsExactly(coordinator.username(), labour.username());
    }
}
