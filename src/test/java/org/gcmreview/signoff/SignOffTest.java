package org.gcmreview.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The ministries' sign-off: who may decide, what a decision needs (a request for changes names the sections
 * and gives a reason), one decision per ministry and round, the loop back to the named sections, the audit
 * trail, and the frozen version at the end.
 */
@ApplicationTest
class SignOffTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    SignOffDecisions decisions;
    @Autowired
    ReportVersions versions;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    CurrentUser coordinator;
    CurrentUser interior;
    CurrentUser labour;
    long cycleId;

    @BeforeEach
    void reachSignOff() throws Exception {
        coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
        labour = users.ministry("KEN", "LABOUR");
        cycleId = cycles.reachSignOff(coordinator, interior, labour);
    }

    @Test
    void onlyTheMinistryTheTaskIsForMayDecide() throws Exception {
        Task interiorTask = signOffTask("INTERIOR");

        mvc.perform(get("/tasks/" + interiorTask.getId()).with(TestUsers.as(interior)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Introduction and methodology (consolidated)"),
                        containsString("Request changes"), containsString("Sections that need changes"),
                        containsString("name=\"sections\" id=\"request-" + section("INTRODUCTION") + "\""))));
        for (CurrentUser other : new CurrentUser[] {labour, coordinator, users.ministry("GHA", "INTERIOR")}) {
            mvc.perform(get("/tasks/" + interiorTask.getId()).with(TestUsers.as(other)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/tasks/" + interiorTask.getId()).with(TestUsers.as(other)).with(csrf())
                            .param("action", "approve"))
                    .andExpect(status().isForbidden());
        }
        // and never without the CSRF token
        mvc.perform(post("/tasks/" + interiorTask.getId()).with(TestUsers.as(interior)).param("action", "approve"))
                .andExpect(status().isForbidden());
        assertThat(cycles.count("select count(*) from signoff_decision where cycle_id = ?", cycleId)).isZero();
    }

    @Test
    void aRequestForChangesNamesTheSectionsAndGivesAReasonAndAnApprovalNeedsNeither() throws Exception {
        Task interiorTask = signOffTask("INTERIOR");
        Task labourTask = signOffTask("LABOUR");
        long intro = section("INTRODUCTION");
        long objective1 = section("OBJECTIVE");

        // no reason, no section: both said, at their fields, and what was ticked stays ticked
        mvc.perform(decide(interiorTask, interior, "request-changes", "   "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Say which changes you need"),
                        containsString("Tick the sections that need changes"),
                        containsString("id=\"sections-error\""), containsString("id=\"reason-error\""))));
        mvc.perform(decide(interiorTask, interior, "request-changes", "").param("sections", String.valueOf(intro)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Say which changes you need"),
                        not(containsString("Tick the sections")),
                        containsString("value=\"" + intro + "\" checked=\"checked\""))));
        mvc.perform(decide(interiorTask, interior, "request-changes", "Fix it.").param("sections", "Names the act"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose sections of this report from the list")));
        // a section of another cycle's report is not one of this report's
        long otherCycle = cycles.reachConsolidation(coordinator, interior);
        long foreign = jdbc.sql("select id from report_section where cycle_id = ? and kind = 'INTRODUCTION'")
                .param(otherCycle).query(Long.class).single();
        mvc.perform(decide(interiorTask, interior, "request-changes", "Fix it.").param("sections", String.valueOf(foreign)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose sections of this report from the list")));
        mvc.perform(decide(interiorTask, interior, "maybe", "")).andExpect(status().isBadRequest());
        assertThat(cycles.count("select count(*) from signoff_decision where cycle_id = ?", cycleId)).isZero();
        assertThat(taskService.createTaskQuery().taskId(interiorTask.getId()).count()).isOne();

        mvc.perform(decide(labourTask, labour, "approve", "")).andExpect(redirectedUrl("/tasks"));
        assertThat(runtimeService.getVariable(cycles.processInstanceId(cycleId), "changesRequested")).isEqualTo(false);
        mvc.perform(get("/tasks/" + interiorTask.getId()).with(TestUsers.as(interior)))
                .andExpect(content().string(allOf(containsString("Decided so far in this round"),
                        containsString(cycles.ministryName(labour.ministryId()) + "</bdi>:"))));
        mvc.perform(decide(interiorTask, interior, "request-changes", "Name the 2025 act.")
                        .param("sections", String.valueOf(objective1), String.valueOf(intro)))
                .andExpect(redirectedUrl("/tasks"));

        assertThat(decisions.all(cycleId)).extracting(SignOffDecision::ministryName, SignOffDecision::decision,
                        SignOffDecision::reason, SignOffDecision::roundNo)
                .containsExactlyInAnyOrder(
                        tuple(cycles.ministryName(labour.ministryId()), SignOffDecision.Decision.APPROVED, null, 1),
                        tuple(cycles.ministryName(interior.ministryId()), SignOffDecision.Decision.CHANGES_REQUESTED,
                                "Name the 2025 act.", 1));
        // the sections in report order, whatever order they were ticked in
        assertThat(decisions.latestChangeRequests(cycleId)).singleElement()
                .satisfies(d -> assertThat(d.sections()).extracting(SignOffDecision.NamedSection::id)
                        .containsExactly(intro, objective1));
        assertThat(cycles.openTasks(cycleId, "ReviseRequestedSections")).isOne();
        assertThat(decisions.currentRound(cycleId)).isEqualTo(2);
    }

    @Test
    void changesLoopBackToTheNamedSectionsUntilAllApproveThenTheVersionIsFrozen() throws Exception {
        long intro = section("INTRODUCTION");
        long objective2 = jdbc.sql("select id from report_section where cycle_id = ? and objective_number = 2")
                .param(cycleId).query(Long.class).single();
        long nextSteps = section("NEXT_STEPS");

        // round 1: Interior wants objective 2 changed, Labour the next steps and objective 2
        mvc.perform(decide(signOffTask("INTERIOR"), interior, "request-changes", "Objective 2 misses the 2025 law.")
                        .param("sections", String.valueOf(objective2)))
                .andExpect(redirectedUrl("/tasks"));
        mvc.perform(decide(signOffTask("LABOUR"), labour, "request-changes", "Next steps need dates.")
                        .param("sections", String.valueOf(nextSteps), String.valueOf(objective2)))
                .andExpect(redirectedUrl("/tasks"));

        Task revision = cycles.task(cycleId, "ReviseRequestedSections");
        String page = mvc.perform(get("/tasks/" + revision.getId()).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // exactly the named sections first, in report order, each with the requests that concern it
        int requested = page.indexOf("Sections with requested changes");
        int others = page.indexOf("Other sections");
        assertThat(requested).isPositive().isLessThan(editor(page, objective2));
        assertThat(editor(page, objective2)).isLessThan(editor(page, nextSteps));
        assertThat(editor(page, nextSteps)).isLessThan(others);
        assertThat(others).isLessThan(editor(page, intro));
        String objective2Part = page.substring(page.indexOf("id=\"section-" + objective2 + "\""), editor(page, objective2));
        assertThat(objective2Part).contains("Objective 2 misses the 2025 law.", "Next steps need dates.");
        String nextStepsPart = page.substring(page.indexOf("id=\"section-" + nextSteps + "\""), editor(page, nextSteps));
        assertThat(nextStepsPart).contains("Next steps need dates.").doesNotContain("misses the 2025 law");

        // the coordinator revises the two sections and sends the report for round 2
        mvc.perform(post("/tasks/" + revision.getId()).with(TestUsers.as(coordinator)).with(csrf())
                        .param("action", "send").param("answerschecked", "yes")
                        .param("body-" + objective2, "Objective 2: the 2025 Migration Act.")
                        .param("status-" + objective2, "IMPLEMENTED").param("version-" + objective2, version(objective2))
                        .param("body-" + nextSteps, "Next review in June 2030.").param("version-" + nextSteps, version(nextSteps)))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(cycles.openTasks(cycleId, "SignOffReport")).isEqualTo(2);
        assertThat(decisions.currentRound(cycleId)).isEqualTo(2);
        mvc.perform(get("/tasks/" + signOffTask("INTERIOR").getId()).with(TestUsers.as(interior)))
                .andExpect(content().string(allOf(containsString("id=\"round\">2</strong>"),
                        containsString("Previous round"), containsString("the 2025 Migration Act."))));

        // round 2: one approves, the other still has a request: round 3
        mvc.perform(decide(signOffTask("INTERIOR"), interior, "approve", "")).andExpect(redirectedUrl("/tasks"));
        mvc.perform(decide(signOffTask("LABOUR"), labour, "request-changes", "Say which ministry leads.")
                        .param("sections", String.valueOf(nextSteps)))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(versions.all(cycleId)).isEmpty();
        Task second = cycles.task(cycleId, "ReviseRequestedSections");
        String secondPage = mvc.perform(get("/tasks/" + second.getId()).with(TestUsers.as(coordinator)))
                .andReturn().getResponse().getContentAsString();
        // only the latest round's requests count now
        assertThat(secondPage.indexOf("Other sections")).isLessThan(editor(secondPage, objective2));
        assertThat(editor(secondPage, nextSteps)).isLessThan(secondPage.indexOf("Other sections"));
        assertThat(secondPage).contains("Say which ministry leads.").doesNotContain("misses the 2025 law");
        mvc.perform(post("/tasks/" + second.getId()).with(TestUsers.as(coordinator)).with(csrf())
                        .param("action", "send").param("answerschecked", "yes").param("body-" + nextSteps, "Next review in June 2030, led by the Interior.")
                        .param("version-" + nextSteps, version(nextSteps)))
                .andExpect(redirectedUrl("/tasks"));

        // round 3: all approve, and the version is frozen
        mvc.perform(decide(signOffTask("LABOUR"), labour, "approve", "")).andExpect(redirectedUrl("/tasks"));
        assertThat(versions.all(cycleId)).isEmpty();
        mvc.perform(decide(signOffTask("INTERIOR"), interior, "approve", "Fine now.")).andExpect(redirectedUrl("/tasks"));
        assertThat(versions.all(cycleId)).singleElement().satisfies(v -> {
            assertThat(v.versionNo()).isOne();
            assertThat(v.content()).contains("the 2025 Migration Act.", "led by the Interior.");
            assertThat(versions.intact(v)).isTrue();
        });
        assertThat(cycles.openTasks(cycleId, "EndorseFinalReport")).isOne();

        // the audit trail holds every decision, with the sections and reasons
        assertThat(decisions.all(cycleId)).extracting(d -> d.roundNo() + "/" + d.ministryId() + "/" + d.decision())
                .containsExactlyInAnyOrder(
                        "1/" + interior.ministryId() + "/CHANGES_REQUESTED", "1/" + labour.ministryId() + "/CHANGES_REQUESTED",
                        "2/" + interior.ministryId() + "/APPROVED", "2/" + labour.ministryId() + "/CHANGES_REQUESTED",
                        "3/" + interior.ministryId() + "/APPROVED", "3/" + labour.ministryId() + "/APPROVED");
        List<String> audited = jdbc.sql("""
                select a.action || ' ' || a.details from audit_event a join signoff_decision d on a.subject_id = d.id::text
                 where a.subject_type = 'signoff_decision' and d.cycle_id = ? order by a.id""")
                .param(cycleId).query(String.class).list();
        assertThat(audited).hasSize(6);
        assertThat(audited.get(0)).startsWith("SIGNOFF_CHANGES_REQUESTED INTERIOR, round 1, sections \"Objective 2")
                .endsWith(": Objective 2 misses the 2025 law.");
        assertThat(audited).filteredOn(a -> a.startsWith("SIGNOFF_APPROVED")).hasSize(3)
                .anySatisfy(a -> assertThat(a).isEqualTo("SIGNOFF_APPROVED INTERIOR, round 3: Fine now."));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'REPORT_VERSION_FROZEN' and subject_id = ?")
                .param(String.valueOf(versions.all(cycleId).get(0).id())).query(Integer.class).single()).isOne();

        // decisions are a record: the database refuses to rewrite them
        assertThatThrownBy(() -> jdbc.sql("update signoff_decision set decision = 'APPROVED' where cycle_id = ?")
                .param(cycleId).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("delete from signoff_requested_section where section_id = ?")
                .param(nextSteps).update()).isInstanceOf(DataAccessException.class);

        // the progress page shows the whole trail
        mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(coordinator)))
                .andExpect(content().string(allOf(containsString("Sign-off decisions"),
                        containsString("Say which ministry leads."), containsString("Fine now."))));
    }

    @Test
    void aChangeAfterTheFreezeMakesTheNextVersionAndTheFrozenOneStaysAsItWas() throws Exception {
        mvc.perform(decide(signOffTask("INTERIOR"), interior, "approve", "")).andExpect(redirectedUrl("/tasks"));
        mvc.perform(decide(signOffTask("LABOUR"), labour, "approve", "")).andExpect(redirectedUrl("/tasks"));
        ReportVersion first = versions.latest(cycleId).orElseThrow();
        Map<String, Object> stored = jdbc.sql("select content, sha256, frozen_at from report_version where id = ?")
                .param(first.id()).query().singleRow();
        assertThat(first.versionNo()).isOne();

        // a later change to the report (here as the clarification answer would store it) ...
        long objective1 = jdbc.sql("select id from report_section where cycle_id = ? and objective_number = 1")
                .param(cycleId).query(Long.class).single();
        jdbc.sql("update report_section set body = 'Revised after the freeze.', lock_version = lock_version + 1 where id = ?")
                .param(objective1).update();
        ReportVersion second = versions.freeze(cycleId);

        // ... is version 2, with its own content and hash; version 1 is untouched
        assertThat(second.versionNo()).isEqualTo(2);
        assertThat(second.content()).contains("Revised after the freeze.").isNotEqualTo(first.content());
        assertThat(second.sha256()).isNotEqualTo(first.sha256());
        assertThat(jdbc.sql("select content, sha256, frozen_at from report_version where id = ?").param(first.id())
                .query().singleRow()).isEqualTo(stored);
        assertThat(first.content()).doesNotContain("Revised after the freeze.");
        assertThat(versions.intact(versions.find(first.id()).orElseThrow())).isTrue();

        // and the database refuses to alter or remove a frozen version
        assertThatThrownBy(() -> jdbc.sql("update report_version set content = '{}' where id = ?").param(first.id())
                .update()).isInstanceOf(DataAccessException.class).hasMessageContaining("is frozen");
        assertThatThrownBy(() -> jdbc.sql("delete from report_version where id = ?").param(first.id()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is frozen");
        assertThat(versions.all(cycleId)).extracting(ReportVersion::versionNo).containsExactly(1, 2);
    }

    @Test
    void aMinistryCannotDecideTwiceInOneRound() throws Exception {
        Task interiorTask = signOffTask("INTERIOR");
        // as if a colleague's decision had been stored a moment before this one
        jdbc.sql("insert into signoff_decision (cycle_id, round_no, ministry_id, decision, decided_by) "
                + "values (?, 1, ?, 'APPROVED', ?)").params(cycleId, interior.ministryId(), interior.id()).update();

        mvc.perform(decide(interiorTask, interior, "request-changes", "Second thoughts")
                        .param("sections", String.valueOf(section("INTRODUCTION"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("has already decided in sign-off round 1")));
        assertThat(cycles.count("select count(*) from signoff_decision where cycle_id = ?", cycleId)).isOne();
        assertThat(cycles.count("select count(*) from signoff_requested_section r join signoff_decision d "
                + "on d.id = r.decision_id where d.cycle_id = ?", cycleId)).isZero();
        assertThat(taskService.createTaskQuery().taskId(interiorTask.getId()).count()).isOne();
    }

    private Task signOffTask(String ministryCode) {
        return cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry("KEN", ministryCode));
    }

    private MockHttpServletRequestBuilder decide(Task task, CurrentUser user, String action, String reason) {
        return post("/tasks/" + task.getId()).with(TestUsers.as(user)).with(csrf()).param("action", action).param("answerschecked", "yes")
                .param("reason", reason);
    }

    private long section(String kind) {
        return jdbc.sql("select id from report_section where cycle_id = ? and kind = ? order by position limit 1")
                .params(cycleId, kind).query(Long.class).single();
    }

    private String version(long sectionId) {
        return String.valueOf(cycles.count("select lock_version from report_section where id = ?", sectionId));
    }

    /** Where the editor (narrative field) of a section is on a page. */
    private static int editor(String page, long sectionId) {
        int at = page.indexOf("id=\"body-" + sectionId + "\"");
        assertThat(at).as("editor of section %s", sectionId).isPositive();
        return at;
    }
}
