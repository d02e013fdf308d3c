package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The coordinator's report editor and the ministries' drafting form: revisions and lost-update protection. */
@ApplicationTest
class ReportEditingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    CurrentUser coordinator;
    CurrentUser colleague;
    CurrentUser interior;

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
        colleague = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
    }

    @Test
    void consolidationStartsFromTheContributionsAndRefusesToOverwriteANewerSave() throws Exception {
        long cycleId = cycles.reachConsolidation(coordinator, interior);
        Task task = cycles.task(cycleId, "ConsolidateReport");
        long intro = section(cycleId, "INTRODUCTION");
        long policy = section(cycleId, "POLICY");
        long nextSteps = section(cycleId, "NEXT_STEPS");
        long objective = section(cycleId, "OBJECTIVE");

        mvc.perform(get("/tasks/" + task.getId()).with(TestUsers.as(colleague)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Nobody has written this section yet"),
                        containsString(cycles.ministryName(interior.ministryId()) + ":\nContribution of INTERIOR</textarea>"))));

        // the coordinator saves the introduction and the policy section
        mvc.perform(form(task, coordinator, "save").param("body-" + intro, "Prepared by an inter-ministerial team.")
                        .param("version-" + intro, "0")
                        .param("body-" + policy, "The 2024 policy.").param("version-" + policy, "0"))
                .andExpect(redirectedUrl("/tasks/" + task.getId()))
                .andExpect(flash().attribute("flash", "Report saved."));

        // the colleague, whose page still has version 0 of everything, edits the introduction too
        mvc.perform(form(task, colleague, "save").param("body-" + intro, "Written by the coordinator alone.")
                        .param("version-" + intro, "0")
                        .param("body-" + nextSteps, "Next review in 2030.").param("version-" + nextSteps, "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("Someone else saved &quot;Introduction and methodology&quot;"),
                        containsString("Prepared by an inter-ministerial team."),
                        containsString("Written by the coordinator alone."),
                        // resubmitting now is a deliberate overwrite of version 1
                        containsString("name=\"version-" + intro + "\" value=\"1\""),
                        // the other text keeps the version it was loaded with
                        containsString("name=\"version-" + nextSteps + "\" value=\"0\""))));
        assertThat(body(intro)).isEqualTo("Prepared by an inter-ministerial team.");
        assertThat(body(nextSteps)).isEmpty();
        assertThat(revisions(cycleId)).containsExactlyInAnyOrder(
                intro + "/1/" + coordinator.id(), policy + "/1/" + coordinator.id());

        // a text the colleague left as it was (policy, still empty on their page) does not conflict
        mvc.perform(form(task, colleague, "save").param("body-" + policy, "").param("version-" + policy, "0")
                        .param("body-" + nextSteps, "Next review in 2030.").param("version-" + nextSteps, "0"))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));
        assertThat(body(policy)).isEqualTo("The 2024 policy.");
        assertThat(body(nextSteps)).isEqualTo("Next review in 2030.");

        // an unknown status stores nothing
        mvc.perform(form(task, colleague, "save").param("body-" + objective, "Changed").param("version-" + objective, "0")
                        .param("status-" + objective, "DONE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("from the list")));
        assertThat(body(objective)).isEmpty();

        assertThat(revisions(cycleId)).containsExactlyInAnyOrder(
                intro + "/1/" + coordinator.id(), policy + "/1/" + coordinator.id(),
                nextSteps + "/1/" + colleague.id());
        assertThat(jdbc.sql("select lock_version from report_section where id = ?").param(nextSteps)
                .query(Integer.class).single()).isOne();
    }

    @Test
    void savingAnUnchangedDraftWritesNoRevision() throws Exception {
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(interior.ministryId(), labour.ministryId()),
                        java.util.Map.of(1, interior.ministryId(), 2, labour.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        Task task = cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry("KEN", "INTERIOR"));
        long contribution = jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ?")
                .params(cycleId, interior.ministryId()).query(Long.class).single();

        mvc.perform(post("/tasks/" + task.getId()).with(TestUsers.as(interior)).with(csrf()).param("action", "save")
                        .param("status-" + contribution, "").param("body-" + contribution, "\r\n")
                        .param("version-" + contribution, "0"))
                .andExpect(flash().attribute("flash", "Nothing had changed; your draft is as it was."));
        mvc.perform(post("/tasks/" + task.getId()).with(TestUsers.as(interior)).with(csrf()).param("action", "save")
                        .param("status-" + contribution, "PLANNED").param("body-" + contribution, "Line one\r\nLine two")
                        .param("version-" + contribution, "0"))
                .andExpect(flash().attribute("flash", "Draft saved. You can come back to it until you submit."));
        assertThat(jdbc.sql("select revision_no || '|' || body || '|' || implementation_status from contribution_revision "
                + "where contribution_id = ?").param(contribution).query(String.class).list())
                .containsExactly("1|Line one\nLine two|PLANNED");
        // the other ministry's contribution is not in this form and cannot be written through it
        long other = jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ?")
                .params(cycleId, labour.ministryId()).query(Long.class).single();
        mvc.perform(post("/tasks/" + task.getId()).with(TestUsers.as(interior)).with(csrf()).param("action", "save")
                        .param("body-" + other, "Hijacked").param("version-" + other, "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(body("contribution", other)).isEmpty();
    }

    private MockHttpServletRequestBuilder form(Task task, CurrentUser user, String action) {
        return post("/tasks/" + task.getId()).with(TestUsers.as(user)).with(csrf()).param("action", action).param("answerschecked", "yes");
    }

    private long section(long cycleId, String kind) {
        return jdbc.sql("select id from report_section where cycle_id = ? and kind = ? order by position limit 1")
                .params(cycleId, kind).query(Long.class).single();
    }

    private String body(long sectionId) {
        return body("report_section", sectionId);
    }

    private String body(String table, long id) {
        return jdbc.sql("select body from " + table + " where id = ?").param(id).query(String.class).single();
    }

    private List<String> revisions(long cycleId) {
        return jdbc.sql("""
                select r.section_id || '/' || r.revision_no || '/' || r.author_id from section_revision r
                  join report_section s on s.id = r.section_id where s.cycle_id = ?""")
                .param(cycleId).query(String.class).list();
    }
}
