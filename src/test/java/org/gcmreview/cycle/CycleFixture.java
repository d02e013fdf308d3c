package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Drives a national review cycle through the real web forms for the cycle, report and sign-off tests:
 * start it, scope it, find its tasks. Every cycle gets a fresh code, so tests sharing a context never meet.
 */
public final class CycleFixture {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final RuntimeService runtime;

    public CycleFixture(MockMvc mvc, JdbcClient jdbc, TaskService tasks, RuntimeService runtime) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    public static String uniqueCode() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static LocalDate inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days);
    }

    /** Starts a cycle through POST /cycles as the coordinator and returns its id. */
    public long start(CurrentUser coordinator, String code) throws Exception {
        MvcResult result = mvc.perform(post("/cycles").param("code", code).param("title", "Review " + code)
                        .with(TestUsers.as(coordinator)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/cycles/");
        return Long.parseLong(location.substring("/cycles/".length()));
    }

    public String businessKey(long cycleId) {
        return jdbc.sql("select business_key from review_cycle where id = ?").param(cycleId).query(String.class)
                .single();
    }

    public String processInstanceId(long cycleId) {
        return jdbc.sql("select process_instance_id from review_cycle where id = ?").param(cycleId)
                .query(String.class).single();
    }

    /** The one open task with this definition key in the cycle's processes (national or consultation). */
    public Task task(long cycleId, String definitionKey) {
        List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(businessKey(cycleId))
                .taskDefinitionKey(definitionKey).list();
        assertThat(found).as("open %s tasks", definitionKey).hasSize(1);
        return found.get(0);
    }

    /** The open task with this definition key for one ministry (multi-instance branches). */
    public Task task(long cycleId, String definitionKey, String candidateGroup) {
        List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(businessKey(cycleId))
                .taskDefinitionKey(definitionKey).taskCandidateGroup(candidateGroup).list();
        assertThat(found).as("open %s tasks of %s", definitionKey, candidateGroup).hasSize(1);
        return found.get(0);
    }

    public long openTasks(long cycleId, String definitionKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey(cycleId))
                .taskDefinitionKey(definitionKey).count();
    }

    public CycleStatus cycleStatus(long cycleId) {
        return CycleStatus.valueOf(jdbc.sql("select status from review_cycle where id = ?").param(cycleId)
                .query(String.class).single());
    }

    public long ministryId(String iso3, String code) {
        return jdbc.sql("select id from ministry where country_iso3 = ? and code = ?").params(iso3, code)
                .query(Long.class).single();
    }

    /**
     * A valid scoping form: the objectives in {@code leads} (objective number -> lead ministry id), drafting
     * due in 30 days with a 7-day reminder, consultation from day 40 to day 50. Tests add further fields.
     */
    public MockHttpServletRequestBuilder scopeForm(String taskId, CurrentUser coordinator, List<Long> ministryIds,
            java.util.Map<Integer, Long> leads) {
        MockHttpServletRequestBuilder form = post("/tasks/" + taskId).with(TestUsers.as(coordinator)).with(csrf())
                .param("action", "complete")
                .param("periodStart", "2022-01-01").param("periodEnd", "2025-12-31")
                .param("draftingDue", inDays(30).toString()).param("reminderDays", "7")
                .param("consultationOpens", inDays(40).toString())
                .param("consultationCloses", inDays(50).toString());
        for (long id : ministryIds) {
            form.param("ministries", String.valueOf(id));
        }
        leads.forEach((n, lead) -> form.param("objectives", String.valueOf(n)).param("lead-" + n, String.valueOf(lead)));
        return form;
    }

    /** Starts a cycle and scopes it through the form, objective n led by its ministry in {@code leads}: drafting runs. */
    public long startScoped(CurrentUser coordinator, java.util.Map<Integer, CurrentUser> leads) throws Exception {
        long cycleId = start(coordinator, uniqueCode());
        java.util.Map<Integer, Long> ids = new java.util.TreeMap<>();
        leads.forEach((n, ministry) -> ids.put(n, ministry.ministryId()));
        mvc.perform(scopeForm(task(cycleId, "ScopeReview").getId(), coordinator,
                        ids.values().stream().distinct().toList(), ids))
                .andExpect(status().is3xxRedirection());
        return cycleId;
    }

    /**
     * Starts a cycle and scopes the whole report through the form: all 23 objectives, objective n led by
     * {@code ministries[n % size]} with {@code ministries[(n + 1) % size]} contributing.
     */
    public long startFullReport(CurrentUser coordinator, List<CurrentUser> ministries) throws Exception {
        long cycleId = start(coordinator, uniqueCode());
        java.util.Map<Integer, Long> leads = new java.util.LinkedHashMap<>();
        for (int n = 1; n <= 23; n++) {
            leads.put(n, ministries.get(n % ministries.size()).ministryId());
        }
        MockHttpServletRequestBuilder scoping = scopeForm(task(cycleId, "ScopeReview").getId(), coordinator,
                ministries.stream().map(CurrentUser::ministryId).toList(), leads);
        for (int n = 1; n <= 23; n++) {
            scoping.param("contributors-" + n, String.valueOf(ministries.get((n + 1) % ministries.size()).ministryId()));
        }
        mvc.perform(scoping).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                .redirectedUrl("/tasks"));
        return cycleId;
    }

    /**
     * Submits every contribution of the ministry user's drafting task with a status and the given text, through
     * the drafting form.
     */
    public void submitContributions(long cycleId, CurrentUser ministryUser, String text) throws Exception {
        Task task = task(cycleId, "DraftContribution",
                org.gcmreview.identity.CandidateGroups.ministry(ministryUser.countryIso3(), ministryUser.ministryCode()));
        MockHttpServletRequestBuilder form = post("/tasks/" + task.getId()).with(TestUsers.as(ministryUser))
                .with(csrf()).param("action", "submit").param("answerschecked", "yes");
        jdbc.sql("select id, lock_version from contribution where cycle_id = ? and ministry_id = ?")
                .params(cycleId, ministryUser.ministryId())
                .query((rs, row) -> form.param("status-" + rs.getLong(1), "IN_PROGRESS")
                        .param("body-" + rs.getLong(1), text).param("version-" + rs.getLong(1), rs.getString(2)))
                .list();
        mvc.perform(form).andExpect(status().is3xxRedirection());
    }

    /** Writes every section of the report through a coordinator form and sends it on. */
    public void writeAndSend(long cycleId, String definitionKey, CurrentUser coordinator, String tag)
            throws Exception {
        Task task = task(cycleId, definitionKey);
        MockHttpServletRequestBuilder form = post("/tasks/" + task.getId()).with(TestUsers.as(coordinator))
                .with(csrf()).param("action", "send").param("answerschecked", "yes");
        jdbc.sql("select id, lock_version, title from report_section where cycle_id = ?").param(cycleId)
                .query((rs, row) -> form.param("body-" + rs.getLong(1), rs.getString(3) + " " + tag)
                        .param("version-" + rs.getLong(1), rs.getString(2)).param("status-" + rs.getLong(1), "PLANNED"))
                .list();
        mvc.perform(form).andExpect(status().is3xxRedirection());
    }

    /**
     * Runs the stakeholder consultation without its own forms (another feature's): moves the called instance
     * straight to "Record how each input was addressed" and completes that task through the TaskService.
     */
    public void skipConsultation(long cycleId, boolean reviseDraft) {
        ProcessInstance consultation = consultation(cycleId);
        runtime.createProcessInstanceModification(consultation.getId())
                .startBeforeActivity("RespondToInputs")
                .cancelAllForActivity("WindowOpensTimer")
                .execute();
        tasks.complete(task(cycleId, "RespondToInputs").getId(), java.util.Map.of("reviseDraft", reviseDraft));
    }

    /**
     * Starts and scopes a cycle with one objective per ministry user (objective 1, 2, ...), has every ministry
     * submit, consolidates and skips the consultation: the cycle then waits for the ministries' sign-off.
     */
    public long reachSignOff(CurrentUser coordinator, CurrentUser... ministries) throws Exception {
        long cycleId = reachConsolidation(coordinator, ministries);
        writeAndSend(cycleId, "ConsolidateReport", coordinator, "(consolidated)");
        skipConsultation(cycleId, false);
        return cycleId;
    }

    /** Starts and scopes a cycle and has every ministry submit; the cycle then waits for consolidation. */
    public long reachConsolidation(CurrentUser coordinator, CurrentUser... ministries) throws Exception {
        long cycleId = start(coordinator, uniqueCode());
        java.util.Map<Integer, Long> leads = new java.util.LinkedHashMap<>();
        for (int i = 0; i < ministries.length; i++) {
            leads.put(i + 1, ministries[i].ministryId());
        }
        mvc.perform(scopeForm(task(cycleId, "ScopeReview").getId(), coordinator,
                java.util.Arrays.stream(ministries).map(CurrentUser::ministryId).toList(), leads))
                .andExpect(status().is3xxRedirection());
        for (CurrentUser ministry : ministries) {
            submitContributions(cycleId, ministry, "Contribution of " + ministry.ministryCode());
        }
        return cycleId;
    }

    /** The consultation instance the national process called, if it is running. */
    public ProcessInstance consultation(long cycleId) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId(cycleId))
                .singleResult();
    }

    /** The ministry's name as stored (the demo data may have named it before the test did). */
    public String ministryName(long ministryId) {
        return jdbc.sql("select name from ministry where id = ?").param(ministryId).query(String.class).single();
    }

    public int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
