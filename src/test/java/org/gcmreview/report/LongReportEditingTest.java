package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A report on all 23 objectives, drafted by three ministries: the coordinator's editor shows a table of
 * contents and one section at a time, so every page stays under the 150 KB budget however much was drafted,
 * and sending still checks the whole report.
 */
@ApplicationTest
class LongReportEditingTest {

    /** The page budget is 150 KB including the stylesheet; the HTML must leave room for it. */
    static final int HTML_BUDGET = 140 * 1024;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    @Test
    void aFullReportIsEditedOneSectionAtATimeOnLightPages() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        List<CurrentUser> ministries = List.of(users.ministry("KEN", "INTERIOR"), users.ministry("KEN", "LABOUR"),
                users.ministry("KEN", "FOREIGN"));
        long cycleId = cycles.startFullReport(coordinator, ministries);
        String text = "What has been done on this objective, with the measures taken, the practices that worked "
                + "and the data that shows it. ".repeat(6);
        for (CurrentUser ministry : ministries) {
            cycles.submitContributions(cycleId, ministry, text);
        }
        Task task = cycles.task(cycleId, "ConsolidateReport");
        List<Long> sections = jdbc.sql("select id from report_section where cycle_id = ? order by position")
                .param(cycleId).query(Long.class).list();
        assertThat(sections).hasSize(27);
        long objective5 = jdbc.sql("select id from report_section where cycle_id = ? and objective_number = 5")
                .param(cycleId).query(Long.class).single();

        // the overview: every section in the table of contents, no editor
        String overview = page(mvc.perform(get("/tasks/" + task.getId()).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk()).andReturn());
        assertThat(overview).contains("Sections of the report", "?section=" + objective5);
        sections.forEach(id -> assertThat(overview).contains("id=\"toc-" + id + "\"")
                .doesNotContain("name=\"body-" + id + "\""));

        // one section: its contributions side by side and its editor, the form posting back to it
        String one = page(mvc.perform(get("/tasks/" + task.getId()).param("section", String.valueOf(objective5))
                .with(TestUsers.as(coordinator))).andExpect(status().isOk()).andReturn());
        assertThat(one).contains("name=\"body-" + objective5 + "\"", "class=\"side-by-side\"",
                "action=\"/tasks/" + task.getId() + "?section=" + objective5 + "\"", "aria-current=\"page\"");
        sections.stream().filter(id -> id != objective5)
                .forEach(id -> assertThat(one).doesNotContain("name=\"body-" + id + "\""));

        // a refused save of that section comes back with that section only, and everything typed
        String refused = page(mvc.perform(post("/tasks/" + task.getId()).param("section", String.valueOf(objective5))
                        .with(TestUsers.as(coordinator)).with(csrf()).param("action", "save")
                        .param("version-" + objective5, "0").param("body-" + objective5, "Kept while refused.")
                        .param("indrows-" + objective5, "1").param("ind-" + objective5 + "-0-name", "Returns")
                        .param("ind-" + objective5 + "-0-value", "x"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(refused).contains("Kept while refused.</textarea>", "ind-" + objective5 + "-0-value-error");
        assertThat(refused.split("name=\"version-", -1)).hasSize(2);

        mvc.perform(post("/tasks/" + task.getId()).param("section", String.valueOf(objective5))
                        .with(TestUsers.as(coordinator)).with(csrf()).param("action", "save")
                        .param("version-" + objective5, "0").param("status-" + objective5, "PLANNED")
                        .param("body-" + objective5, "Objective 5, consolidated."))
                // back to the section the user was on, at its heading: not to the table of contents
                .andExpect(redirectedUrl("/tasks/" + task.getId() + "?section=" + objective5 + "#section-"
                        + objective5));
        assertThat(jdbc.sql("select body from report_section where id = ?").param(objective5).query(String.class)
                .single()).isEqualTo("Objective 5, consolidated.");
        String back = page(mvc.perform(get("/tasks/" + task.getId()).param("section", String.valueOf(objective5))
                .with(TestUsers.as(coordinator))).andExpect(status().isOk()).andReturn());
        assertThat(back).contains("id=\"section-" + objective5 + "\"", "Objective 5, consolidated.</textarea>");

        // a section address that is not a number is not carried into the redirect
        mvc.perform(post("/tasks/" + task.getId()).param("section", "5\r\nSet-Cookie: x=y")
                        .with(TestUsers.as(coordinator)).with(csrf()).param("action", "save"))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));

        // sending checks the whole report; what is missing is named at its entry in the table of contents
        String send = page(mvc.perform(post("/tasks/" + task.getId()).with(TestUsers.as(coordinator)).with(csrf())
                .param("action", "send").param("answerschecked", "yes")).andExpect(status().isBadRequest()).andReturn());
        assertThat(send).contains("href=\"#toc-" + sections.get(0) + "\"", "id=\"toc-" + sections.get(0) + "-error\"",
                "Write the section “Introduction and methodology” before you send the report on.")
                .doesNotContain("href=\"#toc-" + objective5 + "\"");
        assertThat(cycles.openTasks(cycleId, "ConsolidateReport")).isOne();
    }

    /** The page's HTML, checked against the budget. */
    private static String page(MvcResult result) throws Exception {
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(bytes.length).as("HTML bytes of %s", result.getRequest().getRequestURI()).isLessThan(HTML_BUDGET);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
