package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.WordFormat.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Word round trip at full size (issue 16.1): a ministry drafting all 23 objectives, every field at a
 * realistic length in English, Arabic and Chinese, 20 indicators each (21 table rows with the empty one), downloads
 * its contribution, changes two fields and one indicator value in Word (POI), uploads it, sees exactly those
 * changes, confirms, and the new revisions hold them.
 */
@ApplicationTest
class WordRoundTripTest {

    static final String ARABIC = "تعمل الوزارة مع البلديات على تسجيل المهاجرين وتيسير وصولهم إلى الخدمات الأساسية.";
    static final String CHINESE = "本部与各地方政府合作，改进移民登记并便利其获得基本服务。";
    static final String ENGLISH = "The ministry works with the municipalities to register migrants and ease their "
            + "access to basic services, with data shared monthly with the statistics office.";

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

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
    }

    /** A ministry's full-size draft: 23 objectives, all fields written through the drafting form. */
    record Drafted(long cycleId, Task task, Map<Integer, Long> contributions) {
    }

    Drafted fullSizeDraft() throws Exception {
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        Map<Integer, Long> leads = new HashMap<>();
        for (int n = 1; n <= 23; n++) {
            leads.put(n, interior.ministryId());
        }
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                List.of(interior.ministryId()), leads)).andExpect(redirectedUrl("/tasks"));
        Task task = cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry("KEN", "INTERIOR"));
        Map<Integer, Long> ids = new HashMap<>();
        jdbc.sql("select objective_number, id from contribution where cycle_id = ? and ministry_id = ?")
                .params(cycleId, interior.ministryId())
                .query((rs, row) -> ids.put(rs.getInt(1), rs.getLong(2))).list();
        MockHttpServletRequestBuilder form = multipart("/tasks/" + task.getId()).with(TestUsers.as(interior))
                .with(csrf()).param("action", "save");
        String[] statuses = {"NOT_STARTED", "PLANNED", "IN_PROGRESS", "IMPLEMENTED"};
        ids.forEach((n, c) -> {
            form.param("version-" + c, "0").param("status-" + c, statuses[n % 4])
                    .param("body-" + c, text(n, 16_000)).param("measures-" + c, text(n + 1, 6_000))
                    .param("practices-" + c, text(n + 2, 6_000)).param("challenges-" + c, text(n + 3, 6_000))
                    .param("indrows-" + c, "20");
            for (int i = 0; i < 20; i++) {
                String p = "ind-" + c + "-" + i + "-";
                form.param(p + "name", (i % 3 == 0 ? "مهاجرون مسجلون " : i % 3 == 1 ? "已登记移民 " : "Registered migrants ")
                                + n + "." + i)
                        .param(p + "value", String.valueOf(1000 + n * 10 + i) + ".5").param(p + "unit", "persons")
                        .param(p + "source", "Civil registry " + i).param(p + "year", String.valueOf(2015 + i % 10));
            }
        });
        mvc.perform(form).andExpect(redirectedUrl("/tasks/" + task.getId()));
        return new Drafted(cycleId, task, ids);
    }

    /** Paragraphs of English, Arabic and Chinese up to about {@code length} characters. */
    static String text(int seed, int length) {
        StringBuilder text = new StringBuilder();
        int paragraph = 0;
        while (text.length() < length - 200) {
            String line = switch ((seed + paragraph) % 3) {
                case 0 -> ENGLISH;
                case 1 -> ARABIC;
                default -> CHINESE;
            };
            text.append("(").append(seed).append(".").append(paragraph).append(") ").append(line).append(' ')
                    .append(line);
            text.append(paragraph % 4 == 3 ? "\n\n" : "\n");
            paragraph++;
        }
        return text.toString().strip();
    }

    byte[] download(Drafted d, CurrentUser user) throws Exception {
        return mvc.perform(get("/cycles/" + d.cycleId() + "/ministries/" + interior.ministryId()
                        + "/contribution.docx").with(TestUsers.as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    MvcResult upload(Drafted d, byte[] file, String name) throws Exception {
        return mvc.perform(multipart("/tasks/" + d.task().getId() + "/word")
                        .file(new MockMultipartFile("file", name, WordController.DOCX.toString(), file))
                        .with(TestUsers.as(interior)).with(csrf()))
                .andReturn();
    }

    Map<Long, Integer> versions(Drafted d) {
        Map<Long, Integer> versions = new HashMap<>();
        jdbc.sql("select id, lock_version from contribution where cycle_id = ?").param(d.cycleId())
                .query((rs, row) -> versions.put(rs.getLong(1), rs.getInt(2))).list();
        return versions;
    }

    int pending(Drafted d) {
        return jdbc.sql("select count(*) from word_import where task_id = ?").param(d.task().getId())
                .query(Integer.class).single();
    }

    @Test
    void aMinistryEditsItsContributionInWordAndSavesExactlyWhatItChanged() throws Exception {
        Drafted d = fullSizeDraft();
        long c5 = d.contributions().get(5);
        long c17 = d.contributions().get(17);
        long c23 = d.contributions().get(23);
        Map<Long, Integer> before = versions(d);
        assertThat(before.values()).containsOnly(1);

        byte[] docx = download(d, interior);
        WordFiles word = new WordFiles(docx);
        // the structure: one heading per objective, a heading per field, the indicators as a table of 21 rows
        assertThat(word.doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))).hasSize(23);
        assertThat(word.doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle()))).hasSize(23 * 6);
        assertThat(word.doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).findFirst()
                .orElseThrow().getText()).startsWith("Objective 1: ");
        assertThat(word.doc.getTables()).hasSize(23);
        XWPFTable indicators = word.tableUnder(WordFormat.marker(c23, Field.INDICATORS));
        assertThat(indicators.getRows()).hasSize(22); // the header, 20 indicators and an empty row
        assertThat(indicators.getRow(1).getCell(0).getText()).isEqualTo("مهاجرون مسجلون 23.0");
        assertThat(word.doc.getProperties().getCustomProperties().getProperty(WordFormat.CYCLE).getLpwstr())
                .isEqualTo(String.valueOf(d.cycleId()));

        // in Word: a new first line of objective 5's narrative, objective 17's challenges rewritten, one value
        String oldFirstLine = word.firstParagraphUnder(WordFormat.marker(c5, Field.NARRATIVE)).getText();
        WordFiles.retype(word.firstParagraphUnder(WordFormat.marker(c5, Field.NARRATIVE)),
                "وزارة الداخلية أنشأت مكتبًا جديدًا. " + oldFirstLine);
        WordFiles.retype(word.firstParagraphUnder(WordFormat.marker(c17, Field.CHALLENGES)), "人手不足，数据系统老旧。");
        WordFiles.retypeCell(word.tableUnder(WordFormat.marker(c23, Field.INDICATORS)), 3, 1, "4321");

        MvcResult uploaded = upload(d, word.bytes(), "contribution.docx");
        assertThat(uploaded.getResponse().getStatus()).as(uploaded.getResponse().getContentAsString()).isEqualTo(302);
        String preview = uploaded.getResponse().getRedirectedUrl();
        assertThat(preview).startsWith("/tasks/" + d.task().getId() + "/word/");
        assertThat(versions(d)).isEqualTo(before); // nothing stored before confirmation

        String page = mvc.perform(get(preview).with(TestUsers.as(interior))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        // exactly the three changes, in three objectives
        assertThat(count(page, "<h2>")).isEqualTo(3);
        assertThat(count(page, "<h3>")).isEqualTo(3);
        assertThat(page).contains("<h2>Objective 5: ").contains("<h2>Objective 17: ").contains("<h2>Objective 23: ")
                .contains("<h3>What has been done</h3>").contains("<h3>Challenges</h3>").contains("<h3>Indicators</h3>")
                .contains("<ins>وزارة الداخلية أنشأت مكتبًا جديدًا. </ins>").contains("<ins>人手不足</ins>")
                .contains("<ins>数据系统老旧</ins>")
                .contains("<del>1232.5</del><ins>4321</ins>");

        mvc.perform(post(preview).with(TestUsers.as(interior)).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + d.task().getId()));
        Map<Long, Integer> after = versions(d);
        after.forEach((id, version) -> assertThat(version).as("contribution %s", id)
                .isEqualTo(id == c5 || id == c17 || id == c23 ? 2 : 1));
        assertThat(jdbc.sql("select body from contribution_revision where contribution_id = ? and revision_no = 2")
                .param(c5).query(String.class).single()).startsWith("وزارة الداخلية أنشأت مكتبًا جديدًا. (5.0) ");
        assertThat(jdbc.sql("select challenges from contribution where id = ?").param(c17).query(String.class)
                .single()).startsWith("人手不足，数据系统老旧。\n");
        assertThat(jdbc.sql("select value from contribution_indicator where contribution_id = ? and position = 2")
                .param(c23).query(String.class).single()).isEqualTo("4321");
        assertThat(jdbc.sql("select author_id from contribution_revision where contribution_id = ? and revision_no = 2")
                .param(c23).query(Long.class).single()).isEqualTo(interior.id());
        assertThat(pending(d)).isZero();
        assertThat(jdbc.sql("select action from audit_event where subject_type = 'review_cycle' and subject_id = ? "
                        + "and action in ('CONTRIBUTION_DOWNLOADED', 'CONTRIBUTION_FILE_UPLOADED', 'CONTRIBUTION_IMPORTED') "
                        + "order by id").param(String.valueOf(d.cycleId())).query(String.class).list())
                .containsExactly("CONTRIBUTION_DOWNLOADED", "CONTRIBUTION_FILE_UPLOADED", "CONTRIBUTION_IMPORTED");
        // the confirmed upload is gone: confirming it again finds nothing
        mvc.perform(post(preview).with(TestUsers.as(interior)).with(csrf())).andExpect(status().isNotFound());
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
