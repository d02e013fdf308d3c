package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Change the plan" (issue 14.1) and the plan proposed back from the round's deadline (issue 16.6): what is
 * stored, what the running process does with it, and what is refused with nothing stored.
 */
@ApplicationTest
class PlanChangeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
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

    @Test
    void theScopingFormProposesThePlanBackFromTheRoundsDeadline() throws Exception {
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        LocalDate deadline = jdbc.sql("""
                select r.submission_deadline from review_cycle c join review_round r on r.id = c.regional_round_id
                 where c.id = ?""").param(cycleId).query(LocalDate.class).single();
        LocalDate internal = deadline.minusDays(7);
        LocalDate endorsement = internal.minusDays(7);
        LocalDate signOff = endorsement.minusDays(14);
        LocalDate closes = signOff.minusDays(14);
        LocalDate opens = closes.minusDays(27);
        LocalDate drafting = opens.minusDays(7);

        mvc.perform(get("/tasks/" + cycles.task(cycleId, "ScopeReview").getId()).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"plan-proposal\""),
                        containsString("name=\"draftingDue\" value=\"" + drafting + "\""),
                        containsString("name=\"consultationOpens\" value=\"" + opens + "\""),
                        containsString("name=\"consultationCloses\" value=\"" + closes + "\""),
                        containsString("name=\"signOffDue\" value=\"" + signOff + "\""),
                        containsString("name=\"endorsementDue\" value=\"" + endorsement + "\""),
                        containsString("name=\"internalSubmission\" value=\"" + internal + "\""),
                        // the hint states the rule with the configured minimum (one day in the tests)
                        containsString("a consultation window shorter than one day"))));
    }

    @Test
    void aScopingPlanOutOfOrderIsRefusedAndTheSubmittedPlanIsStored() throws Exception {
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        String task = cycles.task(cycleId, "ScopeReview").getId();
        mvc.perform(cycles.scopeForm(task, coordinator, List.of(interior.ministryId()), Map.of(1, interior.ministryId()))
                        .param("signOffDue", CycleFixture.inDays(45).toString())
                        .param("endorsementDue", CycleFixture.inDays(44).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("Sign-off is due on the day the consultation closes or later."),
                        containsString("Endorsement is due on the sign-off due date or later."))));
        assertThat(cycles.count("select count(*) from cycle_plan where cycle_id = ?", cycleId)).isZero();

        mvc.perform(cycles.scopeForm(task, coordinator, List.of(interior.ministryId()), Map.of(1, interior.ministryId()))
                        .param("signOffDue", CycleFixture.inDays(60).toString()))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(jdbc.sql("""
                select drafting_due::text || ' ' || consultation_opens || ' ' || consultation_closes || ' '
                       || sign_off_due || ' ' || endorsement_due || ' ' || internal_submission
                  from cycle_plan where cycle_id = ?""").param(cycleId).query(String.class).single())
                // endorsement and internal submission left empty: 28 and 35 days after the window closes
                .isEqualTo(CycleFixture.inDays(30) + " " + CycleFixture.inDays(40) + " " + CycleFixture.inDays(50)
                        + " " + CycleFixture.inDays(60) + " " + CycleFixture.inDays(78) + " "
                        + CycleFixture.inDays(85));
        assertThat(runtime.getVariable(cycles.processInstanceId(cycleId), "signOffDue"))
                .isEqualTo(CycleFixture.inDays(60).atTime(23, 59).toInstant(ZoneOffset.UTC).toString());
    }

    @Test
    void theCoordinatorMovesTheDraftingDueDateAndTheRunningTimersFollow() throws Exception {
        long cycleId = scoped();
        String instance = cycles.processInstanceId(cycleId);

        mvc.perform(change(cycleId, coordinator, Map.of("draftingDue", CycleFixture.inDays(35).toString(),
                        "signOffDue", CycleFixture.inDays(70).toString(), "reason", "Ministries asked for a week more")))
                .andExpect(redirectedUrl("/cycles/" + cycleId + "/plan"));

        Date due = Date.from(CycleFixture.inDays(35).atTime(23, 59).toInstant(ZoneOffset.UTC));
        assertThat(runtime.getVariable(instance, "draftingDue")).isEqualTo(due);
        assertThat(runtime.getVariable(instance, "signOffDue"))
                .isEqualTo(CycleFixture.inDays(70).atTime(23, 59).toInstant(ZoneOffset.UTC).toString());
        assertThat(timers(instance, "DraftingReminderTimer")).singleElement().satisfies(job -> assertThat(
                job.getDuedate()).isEqualTo(Date.from(CycleFixture.inDays(28).atTime(8, 0).toInstant(ZoneOffset.UTC))));
        assertThat(timers(instance, "DraftingOverdueTimer")).singleElement()
                .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(due));
        assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("DraftContribution")
                .singleResult().getDueDate()).isEqualTo(due);
        assertThat(jdbc.sql("select drafting_due from review_cycle where id = ?").param(cycleId)
                .query(LocalDate.class).single()).isEqualTo(CycleFixture.inDays(35));
        assertThat(jdbc.sql("""
                select milestone || ' ' || previous_date || ' ' || new_date || ' ' || changed_by || ' ' || reason
                  from cycle_plan_change where cycle_id = ? order by id""").param(cycleId).query(String.class).list())
                .containsExactly("DRAFTING_DUE " + CycleFixture.inDays(30) + " " + CycleFixture.inDays(35) + " "
                                + coordinator.username() + " Ministries asked for a week more",
                        "SIGN_OFF_DUE " + CycleFixture.inDays(64) + " " + CycleFixture.inDays(70) + " "
                                + coordinator.username() + " Ministries asked for a week more");
        assertThat(cycles.count("select count(*) from audit_event where action = 'PLAN_DATE_CHANGED' "
                + "and subject_id = ?", String.valueOf(cycleId))).isEqualTo(2);

        // the history on the plan page, and the plan beside the timeline on the cycle page
        mvc.perform(get("/cycles/" + cycleId + "/plan").with(TestUsers.as(coordinator)))
                .andExpect(content().string(allOf(containsString("id=\"plan-history\""),
                        containsString("Ministries asked for a week more"), containsString(coordinator.username()))));
        mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(coordinator)))
                .andExpect(content().string(allOf(containsString("id=\"plan-timeline\""),
                        containsString("id=\"plan-internalSubmission\""), containsString("(changed 2 times)"))));
    }

    /**
     * Issue 14.2: consolidation is due when the window opens, endorsement and the submission to the regional review
     * on the plan's dates; a change of the plan moves an open task's due date, reminder and escalation.
     */
    @Test
    void theEndorsementAndSubmissionTasksAreDueOnThePlansDatesAndAChangeOfThePlanMovesTheirTimers() throws Exception {
        long cycleId = cycles.reachConsolidation(coordinator, interior);
        String instance = cycles.processInstanceId(cycleId);
        Map<String, Object> plan = jdbc.sql("""
                select consultation_opens, endorsement_due, internal_submission from cycle_plan where cycle_id = ?""")
                .param(cycleId).query().singleRow();
        LocalDate opens = ((java.sql.Date) plan.get("consultation_opens")).toLocalDate();
        LocalDate endorsement = ((java.sql.Date) plan.get("endorsement_due")).toLocalDate();
        LocalDate submission = ((java.sql.Date) plan.get("internal_submission")).toLocalDate();
        assertThat(cycles.task(cycleId, "ConsolidateReport").getDueDate()).isEqualTo(startOf(opens));
        // each later task as it is when the report gets there: the endorsement first; while it is open, its date
        // can still change (once the report is ready to submit, the endorsement's stage is over)
        runtime.createProcessInstanceModification(instance).startBeforeActivity("EndorseFinalReport").execute();
        assertThat(cycles.task(cycleId, "EndorseFinalReport").getDueDate()).isEqualTo(endOf(endorsement));
        mvc.perform(change(cycleId, coordinator, Map.of("endorsementDue", endorsement.minusDays(1).toString(),
                        "reason", "Cabinet meets earlier")))
                .andExpect(redirectedUrl("/cycles/" + cycleId + "/plan"));
        assertMoved(cycleId, instance, "EndorseFinalReport", "Endorsement", endOf(endorsement.minusDays(1)));
        assertThat(runtime.getVariable(instance, "endorsementDue")).isEqualTo(endOf(endorsement.minusDays(1)));

        runtime.createProcessInstanceModification(instance).startBeforeActivity("SubmitToRegionalReview").execute();
        assertThat(cycles.task(cycleId, "SubmitToRegionalReview").getDueDate()).isEqualTo(endOf(submission));
        mvc.perform(change(cycleId, coordinator, Map.of("internalSubmission", submission.minusDays(1).toString(),
                        "reason", "Submit a day earlier")))
                .andExpect(redirectedUrl("/cycles/" + cycleId + "/plan"));
        assertMoved(cycleId, instance, "SubmitToRegionalReview", "InternalSubmission", endOf(submission.minusDays(1)));
    }

    /** The task is due on the new date; its escalation fires then, its reminder two days before. */
    private void assertMoved(long cycleId, String instance, String task, String timers, Date due) {
        assertThat(cycles.task(cycleId, task).getDueDate()).as(task).isEqualTo(due);
        assertThat(timers(instance, timers + "OverdueTimer")).singleElement()
                .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(due));
        assertThat(timers(instance, timers + "ReminderTimer")).singleElement()
                .satisfies(job -> assertThat(job.getDuedate())
                        .isEqualTo(Date.from(due.toInstant().minus(java.time.Duration.ofDays(2)))));
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static Date endOf(LocalDate day) {
        return Date.from(day.atTime(23, 59).toInstant(ZoneOffset.UTC));
    }

    @Test
    void aChangeWithoutAReasonOrToADateThatHasPassedIsRefusedAndNothingIsStored() throws Exception {
        long cycleId = scoped();
        String instance = cycles.processInstanceId(cycleId);
        Object dueBefore = runtime.getVariable(instance, "draftingDue");

        mvc.perform(change(cycleId, coordinator, Map.of("draftingDue", CycleFixture.inDays(35).toString(),
                        "reason", " ")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"error-summary\""),
                        containsString("Say why the plan changes."))));
        mvc.perform(change(cycleId, coordinator, Map.of("draftingDue", CycleFixture.inDays(-1).toString(),
                        "reason", "Earlier")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The drafting due date must be today or later.")));
        mvc.perform(change(cycleId, coordinator, Map.of("consultationCloses", CycleFixture.inDays(39).toString(),
                        "reason", "Shorter")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The consultation closes on the day it opens or later.")));

        // the drafting due date has passed (time moved on): it can no longer change
        jdbc.sql("update cycle_plan set drafting_due = ? where cycle_id = ?").params(CycleFixture.inDays(-2), cycleId)
                .update();
        mvc.perform(change(cycleId, coordinator, Map.of("draftingDue", CycleFixture.inDays(35).toString(),
                        "reason", "Too late")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("has passed: it can no longer change")));

        assertThat(cycles.count("select count(*) from cycle_plan_change where cycle_id = ?", cycleId)).isZero();
        assertThat(jdbc.sql("select drafting_due from cycle_plan where cycle_id = ?").param(cycleId)
                .query(LocalDate.class).single()).isEqualTo(CycleFixture.inDays(-2));
        assertThat(runtime.getVariable(instance, "draftingDue")).isEqualTo(dueBefore);
        assertThat(cycles.count("select count(*) from audit_event where action = 'PLAN_DATE_CHANGED' "
                + "and subject_id = ?", String.valueOf(cycleId))).isZero();
    }

    @Test
    void anotherCountrysCoordinatorGetsNotFoundAndAMinistryIsRefused() throws Exception {
        long cycleId = scoped();
        mvc.perform(get("/cycles/" + cycleId + "/plan").with(TestUsers.as(users.coordinator("GHA"))))
                .andExpect(status().isNotFound());
        mvc.perform(change(cycleId, users.coordinator("GHA"), Map.of("draftingDue", CycleFixture.inDays(35)
                        .toString(), "reason", "Sneaky")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cycles/" + cycleId + "/plan").with(TestUsers.as(interior)))
                .andExpect(status().isForbidden());
        assertThat(cycles.count("select count(*) from cycle_plan_change where cycle_id = ?", cycleId)).isZero();
    }

    @Test
    void aDateAfterTheRoundsDeadlineIsStoredWithAWarning() throws Exception {
        long cycleId = scoped();
        LocalDate deadline = jdbc.sql("""
                select r.submission_deadline from review_cycle c join review_round r on r.id = c.regional_round_id
                 where c.id = ?""").param(cycleId).query(LocalDate.class).single();
        LocalDate late = deadline.plusDays(3);
        mvc.perform(change(cycleId, coordinator, Map.of("internalSubmission", late.toString(),
                        "endorsementDue", late.toString(), "signOffDue", late.toString(),
                        "reason", "The cabinet meets after the deadline")))
                .andExpect(redirectedUrl("/cycles/" + cycleId + "/plan"));
        mvc.perform(get("/cycles/" + cycleId + "/plan").with(TestUsers.as(coordinator)))
                .andExpect(content().string(allOf(containsString("id=\"plan-warnings\""),
                        containsString("is after the regional round’s submission deadline"))));
    }

    @Test
    void movingTheWindowBeforeItOpensMovesItsOpeningTimerAndAnExtensionBeforeOpeningIsPossible() throws Exception {
        long cycleId = cycles.reachConsolidation(coordinator, interior);
        cycles.writeAndSend(cycleId, "ConsolidateReport", coordinator, "(consolidated)");
        String consultation = cycles.consultation(cycleId).getId();
        assertThat(timers(consultation, "WindowOpensTimer")).hasSize(1);

        mvc.perform(change(cycleId, coordinator, Map.of("consultationOpens", CycleFixture.inDays(42).toString(),
                        "consultationCloses", CycleFixture.inDays(55).toString(), "reason", "Holiday week")))
                .andExpect(redirectedUrl("/cycles/" + cycleId + "/plan"));
        Date opens = Date.from(CycleFixture.inDays(42).atStartOfDay().toInstant(ZoneOffset.UTC));
        assertThat(timers(consultation, "WindowOpensTimer")).singleElement()
                .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(opens));
        assertThat(runtime.getVariable(consultation, "consultationOpensAt")).isEqualTo(opens);
        assertThat(runtime.getVariable(consultation, "consultationClosesAt"))
                .isEqualTo(Date.from(CycleFixture.inDays(55).atTime(23, 59).toInstant(ZoneOffset.UTC)));

        // issue 14.1: the window can be extended before it opens
        mvc.perform(post("/cycles/" + cycleId + "/consultation/extend").with(TestUsers.as(coordinator)).with(csrf())
                        .param("closesOn", CycleFixture.inDays(60).toString()).param("reason", "More time for input"))
                .andExpect(status().is3xxRedirection());
        assertThat(runtime.getVariable(consultation, "consultationClosesAt"))
                .isEqualTo(Date.from(CycleFixture.inDays(61).atStartOfDay().toInstant(ZoneOffset.UTC)));
        assertThat(cycles.count("select count(*) from consultation_extension e join consultation_window w "
                + "on w.id = e.window_id where w.cycle_id = ?", cycleId)).isOne();
        assertThat(jdbc.sql("select consultation_closes from cycle_plan where cycle_id = ?").param(cycleId)
                .query(LocalDate.class).single()).isEqualTo(CycleFixture.inDays(60));
        assertThat(timers(consultation, "WindowOpensTimer")).as("still waiting to open").hasSize(1);
    }

    @Test
    void whenTheWindowHasPassedByTheEndOfConsolidationTheCoordinatorReplansIt() throws Exception {
        long cycleId = cycles.reachConsolidation(coordinator, interior);
        String instance = cycles.processInstanceId(cycleId);
        // time moved on: the planned window is over before consolidation ends
        jdbc.sql("update cycle_plan set drafting_due = ?, consultation_opens = ?, consultation_closes = ? "
                + "where cycle_id = ?").params(CycleFixture.inDays(-10), CycleFixture.inDays(-5),
                CycleFixture.inDays(-1), cycleId).update();
        runtime.setVariable(instance, "consultationOpensAt",
                Date.from(CycleFixture.inDays(-5).atStartOfDay().toInstant(ZoneOffset.UTC)));
        runtime.setVariable(instance, "consultationClosesAt",
                Date.from(CycleFixture.inDays(-1).atTime(23, 59).toInstant(ZoneOffset.UTC)));
        cycles.writeAndSend(cycleId, "ConsolidateReport", coordinator, "(consolidated)");

        assertThat(cycles.consultation(cycleId)).as("nothing opens and closes at once").isNull();
        String task = cycles.task(cycleId, "ReplanConsultation").getId();
        mvc.perform(get("/tasks/" + task).with(TestUsers.as(coordinator)))
                .andExpect(content().string(allOf(containsString("id=\"replan-why\""),
                        containsString("name=\"consultationOpens\" value=\"" + CycleFixture.inDays(0) + "\""))));
        mvc.perform(replan(task, CycleFixture.inDays(-1), CycleFixture.inDays(10), "Drafting ran late"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The consultation opens today or later.")));
        mvc.perform(replan(task, CycleFixture.inDays(2), CycleFixture.inDays(20), ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Say why the plan changes.")));
        assertThat(cycles.consultation(cycleId)).isNull();

        mvc.perform(replan(task, CycleFixture.inDays(2), CycleFixture.inDays(20), "Drafting ran late"))
                .andExpect(redirectedUrl("/tasks"));
        String consultation = cycles.consultation(cycleId).getId();
        assertThat(timers(consultation, "WindowOpensTimer")).singleElement().satisfies(job -> assertThat(
                job.getDuedate()).isEqualTo(Date.from(CycleFixture.inDays(2).atStartOfDay().toInstant(ZoneOffset.UTC))));
        assertThat(jdbc.sql("select milestone from cycle_plan_change where cycle_id = ? order by id").param(cycleId)
                .query(String.class).list()).containsExactly("CONSULTATION_OPENS", "CONSULTATION_CLOSES");
    }

    /**
     * A cycle scoped before plans were kept (db/V200) has no plan row: the re-plan form shows a plan derived from
     * the process (no error page), and the coordinator's new dates are stored as its plan.
     */
    @Test
    void aCycleScopedBeforePlansWereKeptIsReplannedFromThePlanDerivedFromItsProcess() throws Exception {
        long cycleId = cycles.reachConsolidation(coordinator, interior);
        String instance = cycles.processInstanceId(cycleId);
        jdbc.sql("delete from cycle_plan_change where cycle_id = ?").param(cycleId).update();
        jdbc.sql("delete from cycle_plan where cycle_id = ?").param(cycleId).update();
        jdbc.sql("update review_cycle set drafting_due = ? where id = ?").params(CycleFixture.inDays(-10), cycleId)
                .update();
        runtime.setVariable(instance, "draftingDue",
                Date.from(CycleFixture.inDays(-10).atTime(23, 59).toInstant(ZoneOffset.UTC)));
        runtime.setVariable(instance, "consultationOpensAt",
                Date.from(CycleFixture.inDays(-5).atStartOfDay().toInstant(ZoneOffset.UTC)));
        runtime.setVariable(instance, "consultationClosesAt",
                Date.from(CycleFixture.inDays(-1).atTime(23, 59).toInstant(ZoneOffset.UTC)));
        cycles.writeAndSend(cycleId, "ConsolidateReport", coordinator, "(consolidated)");

        String task = cycles.task(cycleId, "ReplanConsultation").getId();
        mvc.perform(get("/tasks/" + task).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"replan-why\""),
                        containsString("name=\"draftingDue\" value=\"" + CycleFixture.inDays(-10) + "\""),
                        containsString("name=\"consultationOpens\" value=\"" + CycleFixture.inDays(0) + "\""))));
        mvc.perform(get("/cycles/" + cycleId + "/plan").with(TestUsers.as(coordinator)))
                .andExpect(status().isOk());

        mvc.perform(replan(task, CycleFixture.inDays(2), CycleFixture.inDays(20), "Drafting ran late"))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(cycles.consultation(cycleId)).isNotNull();
        assertThat(jdbc.sql("select consultation_opens from cycle_plan where cycle_id = ?").param(cycleId)
                .query(LocalDate.class).single()).isEqualTo(CycleFixture.inDays(2));
        assertThat(jdbc.sql("select previous_date from cycle_plan_change where cycle_id = ? and milestone = ?")
                .params(cycleId, "CONSULTATION_OPENS").query(LocalDate.class).single())
                .as("the change starts from the derived date").isEqualTo(CycleFixture.inDays(-5));
    }

    private MockHttpServletRequestBuilder replan(String task, LocalDate opens, LocalDate closes, String reason) {
        return post("/tasks/" + task).with(TestUsers.as(coordinator)).with(csrf()).param("action", "complete")
                .param("draftingDue", CycleFixture.inDays(-10).toString())
                .param("consultationOpens", opens.toString()).param("consultationCloses", closes.toString())
                .param("signOffDue", CycleFixture.inDays(64).toString())
                .param("endorsementDue", CycleFixture.inDays(78).toString())
                .param("internalSubmission", CycleFixture.inDays(85).toString())
                .param("reason", reason);
    }

    /** A cycle scoped through the form (drafting due in 30 days, window days 40 to 50), with its plan. */
    private long scoped() throws Exception {
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(interior.ministryId()), Map.of(1, interior.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        return cycleId;
    }

    /** The plan form as the page sends it: the stored plan with these fields changed. */
    private MockHttpServletRequestBuilder change(long cycleId, CurrentUser user, Map<String, String> changed) {
        Map<String, Object> plan = jdbc.sql("""
                select drafting_due::text as "draftingDue", consultation_opens::text as "consultationOpens",
                       consultation_closes::text as "consultationCloses", sign_off_due::text as "signOffDue",
                       endorsement_due::text as "endorsementDue", internal_submission::text as "internalSubmission"
                  from cycle_plan where cycle_id = ?""").param(cycleId).query().singleRow();
        MockHttpServletRequestBuilder form = post("/cycles/" + cycleId + "/plan").with(TestUsers.as(user))
                .with(csrf());
        plan.forEach((field, value) -> form.param(field, changed.getOrDefault(field, String.valueOf(value))));
        form.param("reason", changed.getOrDefault("reason", ""));
        return form;
    }

    private List<Job> timers(String processInstanceId, String activityId) {
        return management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers()
                .list();
    }
}
