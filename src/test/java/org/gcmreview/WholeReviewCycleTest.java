package org.gcmreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.identity.UserAccountRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The demo country's whole review cycle, from starting it to the published report, through the HTTP layer
 * only: each person signs in with their own demo account and uses the same forms a browser would (CSRF on).
 * The process engine's own steps (timers and asynchronous hand-overs) run as jobs, as the job executor would
 * run them. At the end the database holds the whole story.
 *
 * Own application context (and so its own database), so that no other test's rounds or cycles are in the way.
 */
@SpringBootTest(properties = "gcm.test.context=whole-review-cycle")
@AutoConfigureMockMvc
class WholeReviewCycleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    UserAccountRepository accounts;

    @Test
    void kenyaReportsFromScopingToPublication() throws Exception {
        CurrentUser coordinator = demo("coordinator.ken");
        CurrentUser interior = demo("interior.ken");
        CurrentUser labour = demo("labour.ken");
        CurrentUser foreign = demo("foreign.ken");
        CurrentUser stakeholder = demo("stakeholder.ken");
        CurrentUser eca = demo("secretariat.eca");
        CurrentUser imrf = demo("secretariat.imrf");
        CycleFixture cycles = new CycleFixture(mvc, jdbc, taskService, runtimeService);

        // ------------------------------------------------------------ the coordinator starts the cycle
        mvc.perform(get("/tasks")).andExpect(redirectedUrlPattern("**/login"));
        long cycleId = cycles.start(coordinator, "GCM-2026");
        String businessKey = cycles.businessKey(cycleId);
        assertThat(businessKey).isEqualTo("KEN-GCM-2026");
        String national = cycles.processInstanceId(cycleId);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(national).singleResult()
                .getTenantId()).isEqualTo("KEN");

        // ------------------------------------------------------------ scoping: all 23 objectives, three ministries
        List<CurrentUser> ministries = List.of(interior, labour, foreign);
        Map<Integer, Long> leads = new LinkedHashMap<>();
        for (int objective = 1; objective <= 23; objective++) {
            leads.put(objective, ministries.get(objective % 3).ministryId());
        }
        Task scoping = cycles.task(cycleId, "ScopeReview");
        mvc.perform(get("/tasks").with(TestUsers.as(coordinator)))
                .andExpect(content().string(containsString("/tasks/" + scoping.getId())));
        mvc.perform(cycles.scopeForm(scoping.getId(), coordinator,
                        ministries.stream().map(CurrentUser::ministryId).toList(), leads))
                .andExpect(redirectedUrl("/tasks"));

        // ------------------------------------------------------------ each ministry drafts its objectives
        for (CurrentUser ministry : ministries) {
            mvc.perform(get("/tasks").with(TestUsers.as(ministry)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Draft contribution")));
            cycles.submitContributions(cycleId, ministry, "What the " + ministry.ministryCode() + " ministry did.");
        }
        assertThat(cycles.count("select count(*) from contribution where cycle_id = ? and submitted_at is not null",
                cycleId)).isEqualTo(23);

        // ------------------------------------------------------------ consolidation
        cycles.writeAndSend(cycleId, "ConsolidateReport", coordinator, "(consolidated)");

        // ------------------------------------------------------------ stakeholder consultation
        String consultation = cycles.consultation(cycleId).getId();
        runJob(consultation, "WindowOpensTimer");
        // the timer fired ahead of its date; bring the opening day to today, as the calendar would have
        jdbc.sql("update consultation_window set opens_at = now() - interval '1 minute' where cycle_id = ?")
                .param(cycleId).update();
        mvc.perform(get("/consultations/" + businessKey).with(TestUsers.as(stakeholder)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"body\"")));
        String idempotencyKey = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) { // a double click stores one input
            mvc.perform(post("/consultations/" + businessKey + "/inputs").with(TestUsers.as(stakeholder)).with(csrf())
                            .param("idempotencyKey", idempotencyKey).param("target", "objective:6")
                            .param("language", "en")
                            .param("body", "Recruitment fees are still charged to domestic workers abroad."))
                    .andExpect(status().is3xxRedirection());
        }
        long inputId = jdbc.sql("select id from consultation_input where idempotency_key = ?::uuid")
                .param(idempotencyKey).query(Long.class).single();
        mvc.perform(post("/cycles/" + cycleId + "/consultation/close").with(TestUsers.as(coordinator)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // closed early: the coordinator's page says when it closed, not when it was planned to
        mvc.perform(get("/cycles/" + cycleId + "/consultation").with(TestUsers.as(coordinator)))
                .andExpect(content().string(containsString("<dt>Closed on</dt>")))
                .andExpect(content().string(not(containsString("<dt>Closes</dt>"))));
        Task respond = cycles.task(cycleId, "RespondToInputs");
        mvc.perform(post("/tasks/" + respond.getId()).with(TestUsers.as(coordinator)).with(csrf())
                        .param("action", "complete").param("outcome-" + inputId, "PARTLY")
                        .param("explanation-" + inputId, "Objective 6 now names the fee ban and its enforcement gap.")
                        .param("reviseDraft", "false"))
                .andExpect(redirectedUrl("/tasks"));

        // ------------------------------------------------------------ every ministry signs off
        for (CurrentUser ministry : ministries) {
            Task signOff = cycles.task(cycleId, "SignOffReport",
                    org.gcmreview.identity.CandidateGroups.ministry("KEN", ministry.ministryCode()));
            mvc.perform(post("/tasks/" + signOff.getId()).with(TestUsers.as(ministry)).with(csrf())
                            .param("action", "approve"))
                    .andExpect(redirectedUrl("/tasks"));
        }

        // ------------------------------------------------------------ endorsement of the frozen version
        Task endorse = cycles.task(cycleId, "EndorseFinalReport");
        mvc.perform(post("/tasks/" + endorse.getId()).with(TestUsers.as(coordinator)).with(csrf())
                        .param("action", "endorse").param("note", "Endorsed by the inter-ministerial committee."))
                .andExpect(redirectedUrl("/tasks"));
        long versionId = jdbc.sql("select id from report_version where cycle_id = ?").param(cycleId)
                .query(Long.class).single();

        // ------------------------------------------------------------ submission to the ECA regional review
        Task submit = cycles.task(cycleId, "SubmitToRegionalReview");
        mvc.perform(post("/tasks/" + submit.getId()).with(TestUsers.as(coordinator)).with(csrf())
                        .param("versionId", String.valueOf(versionId)).param("coverNote", "Kenya's 2026 review.")
                        .param("confirm", "yes").param("action", "submit").param("answerschecked", "yes"))
                .andExpect(redirectedUrl("/tasks"));
        runJob(national, "SendToRegionalReview");

        String regional = jdbc.sql("""
                select r.process_instance_id from review_round r join review_cycle c on c.regional_round_id = r.id
                 where c.id = ?""").param(cycleId).query(String.class).single();
        mvc.perform(get("/secretariat").with(TestUsers.as(eca)))
                .andExpect(content().string(containsString(businessKey)));
        Task review = taskIn(regional, "ReviewSubmission");
        mvc.perform(post("/tasks/" + review.getId()).with(TestUsers.as(eca)).with(csrf()).param("action", "acknowledge"))
                .andExpect(redirectedUrl("/tasks"));
        runJob(regional, "AcknowledgeSubmission");

        // ------------------------------------------------------------ the IMRF registers it; the report is published
        runJob(national, "SendToImrf");
        String imrfEdition = jdbc.sql("""
                select r.process_instance_id from review_round r join review_cycle c on c.imrf_round_id = r.id
                 where c.id = ?""").param(cycleId).query(String.class).single();
        Task register = taskIn(imrfEdition, "RegisterImrfSubmission");
        mvc.perform(post("/tasks/" + register.getId()).with(TestUsers.as(imrf)).with(csrf()).param("action", "register"))
                .andExpect(redirectedUrl("/tasks"));
        mvc.perform(get("/published/" + businessKey)).andExpect(status().isNotFound());
        // publication is the coordinator's own step (issue 14.3); it could have come before the hand-over
        Task publish = cycles.task(cycleId, "PublishEndorsedReport");
        mvc.perform(post("/tasks/" + publish.getId()).with(TestUsers.as(coordinator)).with(csrf())
                        .param("versionId", String.valueOf(versionId)).param("confirm", "yes"))
                .andExpect(redirectedUrl("/tasks"));
        runJob(national, "PublishReport");
        mvc.perform(get("/published/" + businessKey))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("(consolidated)")))
                .andExpect(content().string(containsString(jdbc.sql("select sha256 from report_version where id = ?")
                        .param(versionId).query(String.class).single())));

        // ------------------------------------------------------------ what the database holds at the end
        Map<String, Object> cycle = jdbc.sql("select status, published_at from review_cycle where id = ?")
                .param(cycleId).query().singleRow();
        assertThat(cycle.get("status")).isEqualTo("PUBLISHED");
        assertThat(cycle.get("published_at")).isNotNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count())
                .as("national process and consultation ended").isZero();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(businessKey).count()).isZero();

        assertThat(cycles.count("select count(*) from cycle_objective where cycle_id = ?", cycleId)).isEqualTo(23);
        assertThat(cycles.count("select count(*) from report_section where cycle_id = ?", cycleId)).isEqualTo(27);
        Map<String, Object> version = jdbc.sql("select version_no, content, sha256 from report_version where id = ?")
                .param(versionId).query().singleRow();
        assertThat(version.get("version_no")).isEqualTo(1);
        assertThat(version.get("sha256")).isEqualTo(sha256((String) version.get("content")));
        assertThat(jdbc.sql("select report_version_id from endorsement where cycle_id = ?").param(cycleId)
                .query(Long.class).single()).isEqualTo(versionId);
        assertThat(jdbc.sql("select decision from signoff_decision where cycle_id = ?").param(cycleId)
                .query(String.class).list()).containsExactly("APPROVED", "APPROVED", "APPROVED");
        assertThat(jdbc.sql("select response_outcome from consultation_input where id = ?").param(inputId)
                .query(String.class).single()).isEqualTo("PARTLY");
        assertThat(cycles.count("select count(*) from consultation_input where idempotency_key = ?::uuid",
                UUID.fromString(idempotencyKey))).isOne();
        assertThat(jdbc.sql("select kind || ':' || status || ':' || report_version_id from submission "
                        + "where cycle_id = ? order by id").param(cycleId).query(String.class).list())
                .containsExactly("REGIONAL:ACKNOWLEDGED:" + versionId, "IMRF:REGISTERED:" + versionId);
        assertThat(jdbc.sql("select distinct actor from audit_event where country_iso3 = 'KEN'")
                .query(String.class).list())
                .contains("coordinator.ken", "interior.ken", "labour.ken", "foreign.ken", "secretariat.eca",
                        "secretariat.imrf");

        // issue 19.4: the history the cycle leaves, stamped for removal, and how much it is (docs/benchmarks.md).
        // Its own processes (national review, consultation) end with it; the rounds' processes run on, so what
        // the cycle added to them (its review and registration) is counted by time and carries no removal time yet.
        List<String> roots = jdbc.sql("select distinct root_proc_inst_id_ from act_hi_procinst where business_key_ = ?")
                .param(businessKey).query(String.class).list();
        assertThat(roots).contains(national);
        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(national).singleResult();
        Map<String, Integer> rows = historyRows(roots, List.of(regional, imrfEdition), ended.getStartTime());
        System.out.println("history-per-cycle: " + rows);
        assertThat(historyRows(roots, List.of(), ended.getStartTime()).entrySet())
                .as("history rows of the cycle's own processes without a removal time")
                .allMatch(table -> unstamped(table.getKey(), roots) == 0);
        String template = System.getProperty("gcm.history.template");
        if (template != null) {
            writeHistoryTemplate(java.nio.file.Path.of(template), cycleId, businessKey, roots, regional, imrfEdition,
                    ended.getStartTime());
        }

        // ------------------------------------------------------------ ten years on, the history cleanup removes it
        ClockUtil.setCurrentTime(new Date(ended.getRemovalTime().getTime() + 60_000));
        try {
            managementService.executeJob(historyService.cleanUpHistoryAsync(true).getId());
        } finally {
            ClockUtil.reset();
        }
        assertThat(historyRows(roots, List.of(), ended.getStartTime()))
                .as("the cycle's own history after its time to live").allSatisfy((table, count) ->
                        assertThat(count).as(table).isZero());
    }

    private static final List<String> TIME_COLUMNS = List.of("start_time_", "create_time_", "time_", "timestamp_",
            "eval_time_");

    /** The engine's tables that hold history of a process instance (those with its root), with their time column. */
    private Map<String, String> historyTables() {
        Map<String, String> tables = new java.util.TreeMap<>();
        for (String table : jdbc.sql("""
                select table_name from information_schema.columns
                 where table_schema = current_schema() and column_name = 'root_proc_inst_id_'
                   and (table_name like 'act\\_hi\\_%' or table_name = 'act_ge_bytearray')""")
                .query(String.class).list()) {
            String time = jdbc.sql("""
                    select column_name from information_schema.columns
                     where table_schema = current_schema() and table_name = ? and column_name = any(?)
                     order by array_position(?, column_name::text) limit 1""")
                    .param(table).param(TIME_COLUMNS.toArray(String[]::new)).param(TIME_COLUMNS.toArray(String[]::new))
                    .query(String.class).single();
            tables.put(table, time);
        }
        return tables;
    }

    /** Per table: the rows of these root processes, and those the rounds' processes gained since the cycle began. */
    private Map<String, Integer> historyRows(List<String> roots, List<String> rounds, Date since) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        historyTables().forEach((table, time) -> rows.put(table, jdbc.sql("select count(*) from " + table
                        + " where root_proc_inst_id_ = any(:roots) or (root_proc_inst_id_ = any(:rounds) and " + time
                        + " >= :since)")
                .param("roots", roots.toArray(String[]::new)).param("rounds", rounds.toArray(String[]::new))
                .param("since", new java.sql.Timestamp(since.getTime())).query(Integer.class).single()));
        return rows;
    }

    private int unstamped(String table, List<String> roots) {
        return jdbc.sql("select count(*) from " + table + " where root_proc_inst_id_ = any(?) and removal_time_ is null")
                .param(roots.toArray(String[]::new)).query(Integer.class).single();
    }

    /**
     * The benchmark's template of one cycle's history (bench/sql/cycle-history.jsonl, issue 19.4): every row counted
     * above as JSON, after a line naming the cycle, its business key and the rounds' process instances, which the
     * benchmark replaces by its own cycles'. Written only when -Dgcm.history.template=path is given.
     */
    private void writeHistoryTemplate(java.nio.file.Path file, long cycleId, String businessKey, List<String> roots,
            String regional, String imrfEdition, Date since) throws java.io.IOException {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(jdbc.sql("select json_build_object('cycleId', ?, 'businessKey', ?, 'regionalRoot', ?, 'imrfRoot', ?)::text")
                .param(cycleId).param(businessKey).param(regional).param(imrfEdition).query(String.class).single());
        historyTables().forEach((table, time) -> lines.addAll(jdbc.sql("select json_build_object('table', '" + table
                        + "', 'row', row_to_json(t))::text from " + table + " t where root_proc_inst_id_ = any(:roots)"
                        + " or (root_proc_inst_id_ = any(:rounds) and " + time + " >= :since) order by " + time)
                .param("roots", roots.toArray(String[]::new)).param("rounds", new String[] {regional, imrfEdition})
                .param("since", new java.sql.Timestamp(since.getTime())).query(String.class).list()));
        java.nio.file.Files.write(file, lines);
    }

    private CurrentUser demo(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> new AssertionError("demo user " + username));
    }

    private Task taskIn(String processInstanceId, String definitionKey) {
        List<Task> found = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(definitionKey).list();
        assertThat(found).as(definitionKey).hasSize(1);
        return found.get(0);
    }

    /** Runs the engine's job at this activity, as the job executor would. */
    private void runJob(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        assertThat(job).as("job at %s", activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    private static String sha256(String content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
