package org.gcmreview.submission.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.processes.RegionalReview;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.RoundProcesses;
import org.gcmreview.submission.SubmissionStatus;
import org.gcmreview.submission.Submissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The secretariats' workspace: every country of the round, the ones that never started included, at its stage;
 * filters and sort orders from query parameters; the review link; the IMRF's totals per region; the synthesis
 * grid from the frozen versions and its CSV (formula-safe) and XLSX exports; who may look.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecretariatWorkspaceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewCycles cycles;
    @Autowired
    ReportVersions versions;
    @Autowired
    Submissions submissions;
    @Autowired
    RoundProcesses roundProcesses;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;

    TestUsers users;
    ReviewFixtures fixtures;
    CurrentUser eca;
    ReviewRound round;
    ReviewRound edition;
    LocalDate deadline;

    @BeforeEach
    void setUp() {
        users = new TestUsers(jdbc);
        fixtures = new ReviewFixtures(jdbc, cycles, runtimeService, managementService, taskService);
        eca = users.regionalSecretariat("ECA");
        // far enough that it is never the commission's open round, so only the cycles attached to it count
        deadline = LocalDate.now(ZoneOffset.UTC).plusDays(500);
        round = fixtures.round("REGIONAL", "ECA", deadline);
        edition = fixtures.round("IMRF", null, deadline.plusDays(30));
    }

    @Test
    void everyCountryOfTheCommissionIsListedAtItsStage() throws Exception {
        cycleAt("KEN", "DRAFTING");
        cycleAt("NGA", "CONSULTATION");
        cycleAt("SEN", "ENDORSEMENT");
        submitted("ETH", SubmissionStatus.CLARIFICATION_REQUESTED);
        submitted("GHA", SubmissionStatus.ACKNOWLEDGED);
        int ecaCountries = jdbc.sql("select count(*) from country where commission_code = 'ECA'").query(Integer.class)
                .single();

        String page = page("/secretariat?round=" + round.code(), eca);

        assertThat(rowIds(page)).hasSize(ecaCountries).contains("KEN", "BWA", "ZAF");
        assertThat(row(page, "KEN")).contains("Drafting").contains(">500<");
        assertThat(row(page, "NGA")).contains("In consultation");
        assertThat(row(page, "SEN")).contains("In sign-off");
        assertThat(row(page, "ETH")).contains("Clarification requested").contains("/secretariat/cycles/");
        assertThat(row(page, "GHA")).contains("Acknowledged").contains(">—<");
        assertThat(row(page, "BWA")).contains("Not started").contains(">500<").doesNotContain("/secretariat/cycles/");
        assertThat(page).contains("id=\"count-ACKNOWLEDGED\">1<").contains("id=\"count-IN_SIGN_OFF\">1<")
                .contains("id=\"count-NOT_STARTED\">" + (ecaCountries - 5) + "<")
                .contains(deadline.toString());
    }

    @Test
    void filtersAndSortOrdersComeFromTheQuery() throws Exception {
        ReviewCycle kenya = cycleAt("KEN", "DRAFTING");
        cycleAt("NGA", "CONSULTATION");
        cycleAt("SEN", "SIGN_OFF");
        submitted("ETH", SubmissionStatus.CLARIFICATION_REQUESTED);
        submitted("GHA", SubmissionStatus.ACKNOWLEDGED);
        jdbc.sql("update review_cycle set last_activity_at = now() + interval '1 hour' where id = ?")
                .param(kenya.id()).update();

        assertThat(rowIds(page("/secretariat?round=" + round.code() + "&status=IN_CONSULTATION", eca)))
                .containsExactly("NGA");
        assertThat(rowIds(page("/secretariat?round=" + round.code() + "&status=NOT_STARTED", eca)))
                .contains("BWA").doesNotContain("KEN", "NGA", "GHA");

        List<String> byStatus = rowIds(page("/secretariat?round=" + round.code() + "&sort=status&dir=desc", eca));
        assertThat(byStatus.subList(0, 5)).containsExactly("GHA", "ETH", "SEN", "NGA", "KEN");
        List<String> byStatusUp = rowIds(page("/secretariat?round=" + round.code() + "&sort=status", eca));
        assertThat(byStatusUp.subList(byStatusUp.size() - 5, byStatusUp.size()))
                .containsExactly("KEN", "NGA", "SEN", "ETH", "GHA");

        assertThat(rowIds(page("/secretariat?round=" + round.code() + "&sort=activity", eca)).get(0)).isEqualTo("KEN");
        List<String> byDays = rowIds(page("/secretariat?round=" + round.code() + "&sort=days", eca));
        // submitted countries have no days left: they come last
        assertThat(byDays.subList(byDays.size() - 2, byDays.size())).containsExactlyInAnyOrder("ETH", "GHA");
        List<String> byName = rowIds(page("/secretariat?round=" + round.code() + "&sort=country&dir=desc", eca));
        assertThat(byName.indexOf("ZAF")).isLessThan(byName.indexOf("BWA"));
        // nonsense parameters fall back to the defaults
        assertThat(rowIds(page("/secretariat?round=" + round.code() + "&sort=drop+table&status=NOPE", eca)))
                .contains("BWA", "KEN");
    }

    @Test
    void aSubmittedReportLinksToItsReviewTaskWhichCarriesTheMessageBack() throws Exception {
        ReviewCycle kenya = cycleAt("KEN", "READY_TO_SUBMIT");
        ReportVersion version = versions.freeze(kenya.id());
        long submissionId = submissions.insert(kenya.id(), round.id(), version.id(), RoundKind.REGIONAL, "Cover",
                null, null);
        String instance = roundProcesses.ensureRunning(round.id());
        runtimeService.createMessageCorrelation(RegionalReview.MESSAGE_NATIONAL_REPORT_SUBMITTED)
                .processInstanceId(instance)
                .setVariablesToTriggeredScope(Map.of("nationalBusinessKey", kenya.businessKey(),
                        "submissionId", submissionId, "countryIso3", "KEN"))
                .correlateWithResult();
        Task review = fixtures.task(instance, "ReviewSubmission");

        assertThat(row(page("/secretariat?round=" + round.code(), eca), "KEN"))
                .contains("Submitted").contains("href=\"/tasks/" + review.getId() + "\"");
        // the inbox row names the country, the national review and the round's deadline
        String inbox = between(page("/tasks", eca), "href=\"/tasks/" + review.getId() + "\"", "</tr>");
        assertThat(inbox).contains(">Kenya<").contains(kenya.businessKey()).contains("Round deadline:");
        String arabic = mvc.perform(get("/tasks").with(as(eca)).header("Accept-Language", "ar")).andReturn()
                .getResponse().getContentAsString();
        assertThat(between(arabic, "href=\"/tasks/" + review.getId() + "\"", "</tr>")).contains(">كينيا<");
        runtimeService.deleteProcessInstance(instance, "test over");
    }

    @Test
    void otherSecretariatsAndOtherRolesCannotLook() throws Exception {
        cycleAt("KEN", "DRAFTING");
        for (String path : List.of("/secretariat?round=", "/secretariat/synthesis?round=",
                "/secretariat/synthesis.csv?round=", "/secretariat/synthesis.xlsx?round=")) {
            mvc.perform(get(path + round.code()).with(as(users.regionalSecretariat("ESCAP"))))
                    .andExpect(status().isForbidden());
            mvc.perform(get(path + round.code()).with(as(users.imrfSecretariat()))).andExpect(status().isForbidden());
            mvc.perform(get(path + round.code()).with(as(users.coordinator("KEN")))).andExpect(status().isForbidden());
            mvc.perform(get(path + round.code()).with(as(users.admin()))).andExpect(status().isForbidden());
            mvc.perform(get(path + round.code())).andExpect(status().is3xxRedirection());
            mvc.perform(get(path + "NO-SUCH-ROUND").with(as(eca))).andExpect(status().isNotFound());
            mvc.perform(get(path + round.code()).with(as(eca))).andExpect(status().isOk());
        }
    }

    @Test
    void theImrfWorkspaceShowsEveryRegionWithTotals() throws Exception {
        ReviewCycle ghana = submitted("GHA", SubmissionStatus.ACKNOWLEDGED);
        ReviewCycle kenya = submitted("KEN", SubmissionStatus.SUBMITTED);
        ReviewCycle india = cycleFor(users.coordinator("IND"), "ACKNOWLEDGED");
        ReviewRound escap = fixtures.round("REGIONAL", "ESCAP", deadline);
        ReportVersion indiaVersion = versions.freeze(india.id());
        long indiaRegional = submissions.insert(india.id(), escap.id(), indiaVersion.id(), RoundKind.REGIONAL, null,
                null, null);
        submissions.updateStatus(indiaRegional, SubmissionStatus.ACKNOWLEDGED);
        for (ReviewCycle cycle : List.of(ghana, kenya, india)) {
            jdbc.sql("update review_cycle set imrf_round_id = ? where id = ?").params(edition.id(), cycle.id()).update();
        }
        long registered = submissions.insert(ghana.id(), edition.id(), versions.latest(ghana.id()).orElseThrow().id(),
                RoundKind.IMRF, null, null, null);
        submissions.updateStatus(registered, SubmissionStatus.REGISTERED);
        // Kenya's report reached the IMRF, India's is still in its regional review
        submissions.insert(kenya.id(), edition.id(), versions.latest(kenya.id()).orElseThrow().id(), RoundKind.IMRF,
                null, null, null);
        int ecaCountries = count("ECA");
        int escapCountries = count("ESCAP");
        int all = jdbc.sql("select count(*) from country").query(Integer.class).single();
        CurrentUser imrf = users.imrfSecretariat();

        String page = page("/secretariat?round=" + edition.code(), imrf);
        assertThat(rowIds(page)).hasSize(all);
        assertThat(between(page, "id=\"total-ECA\"", "</tr>"))
                .contains(">" + ecaCountries + "<").contains(">2<").contains(">1<");
        assertThat(between(page, "id=\"total-ESCAP\"", "</tr>")).contains(">" + escapCountries + "<")
                .contains(">0<").doesNotContain(">1<");
        assertThat(between(page, "id=\"total-ALL\"", "</tr>")).contains(">" + all + "<").contains(">2<")
                .contains(">1<");
        assertThat(row(page, "GHA")).contains("Registered").contains("Acknowledged");
        // the counts follow the IMRF submissions, as the rows do (a regional acknowledgement is not one)
        assertThat(row(page, "KEN")).contains(">Submitted<");
        assertThat(row(page, "IND")).contains("In sign-off");
        assertThat(page).contains("id=\"count-SUBMITTED\">1<").contains("id=\"count-ACKNOWLEDGED\">1<");
        assertThat(rowIds(page("/secretariat?round=" + edition.code() + "&region=ESCAP", imrf)))
                .hasSize(escapCountries).contains("IND").doesNotContain("KEN");
        // the IMRF works on editions, not on a commission's rounds
        mvc.perform(get("/secretariat?round=" + round.code()).with(as(imrf))).andExpect(status().isForbidden());
        mvc.perform(get("/secretariat?round=" + edition.code()).with(as(eca))).andExpect(status().isForbidden());
    }

    @Test
    void theSynthesisGridShowsTheFrozenStatusesAndExportsSafely() throws Exception {
        ReviewCycle ghana = submitted("GHA", SubmissionStatus.ACKNOWLEDGED);
        ReviewCycle ethiopia = cycleAt("ETH", "SUBMITTED");
        jdbc.sql("update review_cycle set title = ? where id = ?")
                .params("=HYPERLINK(\"http://evil.invalid\",\"click\")", ethiopia.id()).update();
        jdbc.sql("update report_section set implementation_status = 'IMPLEMENTED' where cycle_id = ? "
                + "and objective_number = 2").param(ethiopia.id()).update();
        jdbc.sql("delete from report_section where cycle_id = ? and objective_number = 3").param(ethiopia.id())
                .update();
        ReportVersion ethiopiaVersion = versions.freeze(ethiopia.id());
        submissions.insert(ethiopia.id(), round.id(), ethiopiaVersion.id(), RoundKind.REGIONAL, null, null, null);
        // the draft moves on after submission: the grid keeps showing what was submitted
        jdbc.sql("update report_section set implementation_status = 'NOT_STARTED' where cycle_id = ?")
                .param(ethiopia.id()).update();

        String grid = page("/secretariat/synthesis?round=" + round.code(), eca);
        String ghanaRow = between(grid, "id=\"grid-GHA\"", "</tr>");
        String ethiopiaRow = between(grid, "id=\"grid-ETH\"", "</tr>");
        assertThat(cells(ghanaRow).subList(0, 4)).containsExactly("IP", "IP", "IP", "—");
        assertThat(cells(ethiopiaRow).subList(0, 4)).containsExactly("IP", "IM", "—", "—");
        assertThat(cells(ghanaRow)).hasSize(23);
        assertThat(grid).doesNotContain("grid-KEN").doesNotContain("<a href=\"http://evil");
        // the columns name their objectives: an abbreviation with its title, and a key of short titles
        assertThat(grid).contains("title=\"Objective 1: Data\">O1</abbr>").contains("id=\"objective-key\"")
                .contains("Alternatives to detention");
        String french = mvc.perform(get("/secretariat/synthesis?round=" + round.code()).with(as(eca))
                .header("Accept-Language", "fr")).andReturn().getResponse().getContentAsString();
        assertThat(french).contains("title=\"Objectif 1 : Données\"").contains("Alternatives à la rétention");

        String csv = mvc.perform(get("/secretariat/synthesis.csv?round=" + round.code()).with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(round.code() + "-synthesis.csv")))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("\uFEFF\"Country\",\"ISO3\"").contains("\"Objective 1\"")
                .endsWith("\"Objective 23\"");
        String ethiopiaLine = lines.stream().filter(l -> l.startsWith("\"Ethiopia\"")).findFirst().orElseThrow();
        assertThat(ethiopiaLine).contains("\"'=HYPERLINK(\"\"http://evil.invalid\"\",\"\"click\"\")\"")
                .contains("\"In progress\",\"Implemented\",\"\"");
        assertThat(lines.stream().filter(l -> l.startsWith("\"Ghana\"")).findFirst().orElseThrow())
                .contains("\"Acknowledged\"").contains(versions.latest(ghana.id()).orElseThrow().sha256());

        byte[] xlsx = mvc.perform(get("/secretariat/synthesis.xlsx?round=" + round.code()).with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(SecretariatController.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo(round.code());
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Objective 1");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            var ethiopiaRowCells = sheet.getRow(1).getCell(0).getStringCellValue().equals("Ethiopia")
                    ? sheet.getRow(1) : sheet.getRow(2);
            assertThat(ethiopiaRowCells.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(ethiopiaRowCells.getCell(2).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(ethiopiaRowCells.getCell(7).getStringCellValue()).isEqualTo("Implemented");
            assertThat(ethiopiaRowCells.getCell(8).getStringCellValue()).isEmpty();
        }
    }

    private ReviewCycle cycleAt(String iso3, String status) {
        return cycleFor(users.coordinator(iso3), status);
    }

    private ReviewCycle cycleFor(CurrentUser coordinator, String status) {
        ReviewCycle cycle = fixtures.attach(fixtures.cycle(coordinator), round, edition);
        jdbc.sql("update review_cycle set status = ? where id = ?").params(status, cycle.id()).update();
        return cycles.findById(cycle.id()).orElseThrow();
    }

    /** A cycle whose frozen first version was submitted to the round and got this answer. */
    private ReviewCycle submitted(String iso3, SubmissionStatus answer) {
        ReviewCycle cycle = cycleAt(iso3, answer == SubmissionStatus.ACKNOWLEDGED ? "ACKNOWLEDGED" : "SUBMITTED");
        ReportVersion version = versions.freeze(cycle.id());
        long id = submissions.insert(cycle.id(), round.id(), version.id(), RoundKind.REGIONAL, null, null, null);
        submissions.updateStatus(id, answer);
        return cycle;
    }

    private int count(String commission) {
        return jdbc.sql("select count(*) from country where commission_code = ?").param(commission)
                .query(Integer.class).single();
    }

    private String page(String path, CurrentUser user) throws Exception {
        return mvc.perform(get(path).with(as(user)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("??"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> rowIds(String page) {
        Matcher m = Pattern.compile("<tr id=\"row-([A-Z]{3})\"").matcher(page);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String row(String page, String iso3) {
        return between(page, "<tr id=\"row-" + iso3 + "\"", "</tr>");
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }

    /** The visible text of each objective cell of a grid row. */
    private static List<String> cells(String row) {
        Matcher m = Pattern.compile("<td[^>]*>\\s*(?:<abbr[^>]*>([^<]*)</abbr>|<span[^>]*>([^<]*)</span>)").matcher(row);
        List<String> cells = new java.util.ArrayList<>();
        while (m.find()) {
            cells.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return cells;
    }
}
