package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The task list and "check your answers" (issue 16.5) at full size: 23 objectives drafted by three ministries.
 * A ministry sees its objectives as tasks with their status, saves and checks its answers, is refused at the
 * summary while something is missing (each error at its row, with a "change" link back), and submits from there;
 * the coordinator's 27 sections likewise, the report sent on from its summary. Every page stays under the budget.
 */
@ApplicationTest
class TaskListTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    @Test
    void aFullReportIsWorkedThroughTheTaskListsAndSentFromCheckYourAnswers() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        List<CurrentUser> ministries = List.of(users.ministry("KEN", "INTERIOR"), users.ministry("KEN", "LABOUR"),
                users.ministry("KEN", "FOREIGN"));
        long cycleId = cycles.startFullReport(coordinator, ministries);

        // ---- a ministry: its objectives as a task list, all not started
        CurrentUser interior = ministries.get(0);
        String drafting = cycles.task(cycleId, "DraftContribution",
                CandidateGroups.ministry("KEN", interior.ministryCode())).getId();
        List<Long> mine = jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ? "
                + "order by objective_number").params(cycleId, interior.ministryId()).query(Long.class).list();
        assertThat(mine).hasSizeGreaterThan(10);
        String list = page(mvc.perform(get("/tasks/" + drafting).with(TestUsers.as(interior)))
                .andExpect(status().isOk()).andReturn());
        assertThat(list).contains("You have completed 0 of " + mine.size() + " sections.", "Save and check your answers",
                "formaction=\"/tasks/" + drafting + "?check=1\"").doesNotContain("value=\"submit\"");
        mine.forEach(id -> assertThat(list).contains("href=\"/tasks/" + drafting + "#contribution-" + id + "\"",
                "id=\"contribution-" + id + "\""));
        assertThat(count(list, "task-not_started\"")).isEqualTo(mine.size());
        // the last step cannot start until every objective is completed: no link yet
        assertThat(list).contains("<span id=\"toc-check\">Check your answers and submit your contribution</span>",
                "task-cannot_start_yet\" id=\"toc-check-status\"");

        // save one objective complete and one half done, and go to the summary
        long complete = mine.get(0);
        long half = mine.get(1);
        mvc.perform(post("/tasks/" + drafting).param("check", "1").with(TestUsers.as(interior)).with(csrf())
                        .param("action", "save").param("version-" + complete, "0").param("status-" + complete, "PLANNED")
                        .param("body-" + complete, "A complete answer.").param("version-" + half, "0")
                        .param("body-" + half, "Half an answer."))
                .andExpect(redirectedUrl("/tasks/" + drafting + "?check=1"));
        String check = page(mvc.perform(get("/tasks/" + drafting).param("check", "1").with(TestUsers.as(interior)))
                .andExpect(status().isOk()).andReturn());
        assertThat(check).contains("Check your answers before submitting your contribution", "A complete answer.",
                "Half an answer.", "name=\"action\" value=\"submit\"", "action=\"/tasks/" + drafting + "?check=1\"");
        mine.forEach(id -> assertThat(check).contains("id=\"toc-" + id + "\"",
                "href=\"/tasks/" + drafting + "#contribution-" + id + "\""));
        assertThat(count(check, "task-completed\"")).isOne();
        assertThat(count(check, "task-in_progress\"")).isOne();

        // submitting from the summary with answers missing: refused there, each error at its row
        String refused = page(mvc.perform(post("/tasks/" + drafting).param("check", "1").with(TestUsers.as(interior))
                .with(csrf()).param("action", "submit").param("answerschecked", "yes")).andExpect(status().isBadRequest()).andReturn());
        assertThat(refused).contains("Check your answers before submitting", "href=\"#toc-" + half + "\"",
                "id=\"toc-" + half + "-error\"").doesNotContain("href=\"#toc-" + complete + "\"");
        assertThat(cycles.openTasks(cycleId, "DraftContribution")).isEqualTo(3);
        // nothing lost: the form still holds what was saved
        assertThat(page(mvc.perform(get("/tasks/" + drafting).with(TestUsers.as(interior))).andReturn()))
                .contains("Half an answer.</textarea>");

        // everything answered, then submitted from the summary
        MockHttpServletRequestBuilder all = post("/tasks/" + drafting).param("check", "1").with(TestUsers.as(interior))
                .with(csrf()).param("action", "save");
        jdbc.sql("select id, lock_version from contribution where cycle_id = ? and ministry_id = ?")
                .params(cycleId, interior.ministryId())
                .query((rs, row) -> all.param("status-" + rs.getLong(1), "IN_PROGRESS")
                        .param("body-" + rs.getLong(1), "Answer " + rs.getLong(1))
                        .param("version-" + rs.getLong(1), rs.getString(2))).list();
        mvc.perform(all).andExpect(redirectedUrl("/tasks/" + drafting + "?check=1"));
        String ready = page(mvc.perform(get("/tasks/" + drafting).param("check", "1").with(TestUsers.as(interior)))
                .andReturn());
        assertThat(count(ready, "task-completed\"")).isEqualTo(mine.size());
        // now every objective is completed, the last step can start: a link to the summary
        assertThat(page(mvc.perform(get("/tasks/" + drafting).with(TestUsers.as(interior))).andReturn()))
                .contains("<a id=\"toc-check\" href=\"/tasks/" + drafting + "?check=1\"",
                        "task-not_started\" id=\"toc-check-status\"");
        mvc.perform(post("/tasks/" + drafting).param("check", "1").with(TestUsers.as(interior)).with(csrf())
                .param("action", "submit").param("answerschecked", "yes")).andExpect(redirectedUrl("/tasks"));
        assertThat(jdbc.sql("select count(*) from contribution where cycle_id = ? and ministry_id = ? and submitted_at "
                + "is not null").params(cycleId, interior.ministryId()).query(Integer.class).single())
                .isEqualTo(mine.size());

        // ---- the coordinator: the report's 27 sections as a task list
        cycles.submitContributions(cycleId, ministries.get(1), "Labour's text.");
        cycles.submitContributions(cycleId, ministries.get(2), "Foreign affairs' text.");
        String consolidation = cycles.task(cycleId, "ConsolidateReport").getId();
        List<Long> sections = jdbc.sql("select id from report_section where cycle_id = ? order by position")
                .param(cycleId).query(Long.class).list();
        assertThat(sections).hasSize(27);
        String overview = page(mvc.perform(get("/tasks/" + consolidation).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk()).andReturn());
        assertThat(overview).contains("You have completed 0 of 27 sections.",
                "cannot start yet while a ministry assigned to it is still drafting");
        // nobody drafts any more, so no section waits; sending on waits for every section
        assertThat(overview).doesNotContain("task-cannot_start_yet\" id=\"toc-" + sections.get(0));
        assertThat(overview).contains("<span id=\"toc-check\">Check the report and send it on to sign-off</span>",
                "task-cannot_start_yet\" id=\"toc-check-status\"");
        sections.forEach(id -> assertThat(overview)
                .contains("href=\"/tasks/" + consolidation + "?section=" + id + "#section-" + id + "\""));
        assertThat(count(overview, "task-not_started\"")).isEqualTo(27);

        MockHttpServletRequestBuilder report = post("/tasks/" + consolidation).param("check", "1")
                .with(TestUsers.as(coordinator)).with(csrf()).param("action", "save");
        jdbc.sql("select id, lock_version, title from report_section where cycle_id = ? order by position offset 1")
                .param(cycleId).query((rs, row) -> report.param("body-" + rs.getLong(1), rs.getString(3) + " written")
                        .param("version-" + rs.getLong(1), rs.getString(2)).param("status-" + rs.getLong(1), "PLANNED"))
                .list();
        mvc.perform(report).andExpect(redirectedUrl("/tasks/" + consolidation + "?check=1"));
        String summary = page(mvc.perform(get("/tasks/" + consolidation).param("check", "1")
                .with(TestUsers.as(coordinator))).andExpect(status().isOk()).andReturn());
        assertThat(summary).contains("Check the report before sending it on", "name=\"action\" value=\"send\"");
        sections.forEach(id -> assertThat(summary).contains("id=\"toc-" + id + "\"",
                "href=\"/tasks/" + consolidation + "?section=" + id + "#section-" + id + "\""));
        assertThat(count(summary, "task-completed\"")).isEqualTo(26);
        long first = sections.get(0);
        String unsent = page(mvc.perform(post("/tasks/" + consolidation).param("check", "1")
                .with(TestUsers.as(coordinator)).with(csrf()).param("action", "send").param("answerschecked", "yes"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(unsent).contains("href=\"#toc-" + first + "\"", "id=\"toc-" + first + "-error\"");
        assertThat(cycles.openTasks(cycleId, "ConsolidateReport")).isOne();

        int version = jdbc.sql("select lock_version from report_section where id = ?").param(first)
                .query(Integer.class).single();
        mvc.perform(post("/tasks/" + consolidation).param("section", String.valueOf(first)).with(TestUsers.as(coordinator))
                .with(csrf()).param("action", "save").param("version-" + first, String.valueOf(version))
                .param("body-" + first, "Introduction written.")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/tasks/" + consolidation).param("check", "1").with(TestUsers.as(coordinator)).with(csrf())
                .param("action", "send").param("answerschecked", "yes")).andExpect(redirectedUrl("/tasks"));
        assertThat(cycles.openTasks(cycleId, "ConsolidateReport")).isZero();
    }

    private static int count(String page, String what) {
        return page.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    /** The page's HTML, checked against the page budget (LongReportEditingTest.HTML_BUDGET). */
    private static String page(MvcResult result) throws Exception {
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(bytes.length).as("HTML bytes of %s", result.getRequest().getRequestURI())
                .isLessThan(LongReportEditingTest.HTML_BUDGET);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
