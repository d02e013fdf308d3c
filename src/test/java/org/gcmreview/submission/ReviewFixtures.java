package org.gcmreview.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data for the consultation and submission tests: review cycles with a small report, review rounds, and
 * national processes started where a test needs them. Every name is unique, so tests sharing a database never
 * see each other's data.
 */
public final class ReviewFixtures {

    private final JdbcClient jdbc;
    private final ReviewCycles cycles;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final ReportVersions versions;
    private final Submissions submissions;
    private final RoundProcesses roundProcesses;

    /** As a bean of {@code @ApplicationTest}: every method. */
    @Autowired
    public ReviewFixtures(JdbcClient jdbc, ReviewCycles cycles, RuntimeService runtimeService,
            ManagementService managementService, TaskService taskService, ReportVersions versions,
            Submissions submissions, RoundProcesses roundProcesses) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.versions = versions;
        this.submissions = submissions;
        this.roundProcesses = roundProcesses;
    }

    /**
     * Built by hand (tests that predate the fixture beans): all but {@link #frozenReviewAt} and
     * {@link #roundWithSubmission}.
     */
    public ReviewFixtures(JdbcClient jdbc, ReviewCycles cycles, RuntimeService runtimeService,
            ManagementService managementService, TaskService taskService) {
        this(jdbc, cycles, runtimeService, managementService, taskService, null, null, null);
    }

    /**
     * A cycle of the coordinator's country with objectives 1 to 3 in scope and a report of an introduction and
     * three objective sections.
     */
    public ReviewCycle cycle(CurrentUser coordinator) {
        String iso3 = coordinator.countryIso3();
        String code = "T" + UUID.randomUUID().toString().substring(0, 8);
        long id = jdbc.sql("""
                insert into review_cycle (country_iso3, code, business_key, title, period_start, period_end, started_by)
                values (?, ?, ?, ?, date '2022-01-01', date '2025-12-31', ?) returning id""")
                .params(iso3, code, iso3 + "-" + code, "GCM review " + code, coordinator.id())
                .query(Long.class).single();
        jdbc.sql("""
                insert into report_section (cycle_id, kind, position, title, body)
                values (?, 'INTRODUCTION', 0, 'Introduction and methodology', 'How the report was prepared.')""")
                .param(id).update();
        for (int objective = 1; objective <= 3; objective++) {
            jdbc.sql("insert into cycle_objective (cycle_id, objective_number) values (?, ?)").params(id, objective)
                    .update();
            jdbc.sql("""
                    insert into report_section (cycle_id, kind, objective_number, position, title, body,
                                                implementation_status)
                    values (?, 'OBJECTIVE', ?, ?, ?, ?, 'IN_PROGRESS')""")
                    .params(id, objective, objective, "Objective " + objective,
                            "Progress on objective " + objective + ".\n\nMeasures taken so far.")
                    .update();
        }
        return cycles.findById(id).orElseThrow();
    }

    /** A cycle as {@link #cycle} gives it, taking part in this regional round and a new IMRF edition. */
    public ReviewCycle cycleInRounds(CurrentUser coordinator, ReviewRound regional) {
        return attach(cycle(coordinator), regional, imrfEdition());
    }

    /** The same, in a new round of ECA. */
    public ReviewCycle cycleInRounds(CurrentUser coordinator) {
        return cycleInRounds(coordinator, regionalRound("ECA"));
    }

    public ReviewRound regionalRound(String commissionCode) {
        return round("REGIONAL", commissionCode, LocalDate.now().plusDays(60));
    }

    public ReviewRound imrfEdition() {
        return round("IMRF", null, LocalDate.now().plusDays(120));
    }

    public ReviewRound round(String kind, String commissionCode, LocalDate deadline) {
        String code = (commissionCode == null ? "IMRF" : commissionCode) + "-T" + UUID.randomUUID().toString()
                .substring(0, 8);
        long id = jdbc.sql("""
                insert into review_round (kind, commission_code, code, name, submission_deadline)
                values (?, ?, ?, ?, ?) returning id""")
                .params(kind, commissionCode, code, "Round " + code, deadline).query(Long.class).single();
        return new ReviewRounds(jdbc).findById(id).orElseThrow();
    }

    public ReviewCycle attach(ReviewCycle cycle, ReviewRound regional, ReviewRound imrf) {
        jdbc.sql("update review_cycle set regional_round_id = ?, imrf_round_id = ? where id = ?")
                .params(regional.id(), imrf.id(), cycle.id()).update();
        return cycles.findById(cycle.id()).orElseThrow();
    }

    /** Steps that come after the endorsement: a review started there has its latest frozen version endorsed. */
    private static final java.util.Set<String> AFTER_ENDORSEMENT = java.util.Set.of("SubmitToRegionalReview",
            "SendToRegionalReview", "AnswerClarification", "SendToImrf", "PublishEndorsedReport", "PublishReport",
            "ChooseRegionalRound", "ChooseImrfEdition", "PublicationAndHandoverFork");

    /**
     * What the coordinator's endorsement does (issue 14.4: only an endorsed version is sent or published): the
     * cycle's latest frozen version, if any, endorsed by whoever started the cycle.
     */
    public void endorseLatest(ReviewCycle cycle) {
        endorseLatest(jdbc, cycle.id());
    }

    /** The same, for tests that set a cycle up in SQL: published pages show only the version endorsed last. */
    public static void endorseLatest(JdbcClient jdbc, long cycleId) {
        jdbc.sql("""
                insert into endorsement (cycle_id, report_version_id, endorsed_by)
                select v.cycle_id, v.id, c.started_by from report_version v join review_cycle c on c.id = v.cycle_id
                 where v.cycle_id = ? order by v.version_no desc limit 1
                on conflict do nothing""").param(cycleId).update();
    }

    /**
     * A national review of the cycle, waiting at the given activity (the steps before it are other features').
     * It lands in the country's Camunda tenant by the application's own rule (the countryIso3 variable).
     */
    public ProcessInstance nationalReviewAt(ReviewCycle cycle, String activityId) {
        return nationalReviewAt(cycle, activityId, Map.of());
    }

    /** The same, with further start variables (e.g. the government group of a country that validates). */
    public ProcessInstance nationalReviewAt(ReviewCycle cycle, String activityId, Map<String, Object> variables) {
        if (AFTER_ENDORSEMENT.contains(activityId)) {
            endorseLatest(cycle);
        }
        Map<String, Object> start = new java.util.HashMap<>(variables);
        start.putAll(Map.of("countryIso3", cycle.countryIso3(), "cycleId", cycle.id(),
                "coordinatorGroup", CandidateGroups.coordinator(cycle.countryIso3())));
        return runtimeService.createProcessInstanceByKey("national-review")
                .businessKey(cycle.businessKey())
                .setVariables(start)
                .startBeforeActivity(activityId)
                .execute();
    }

    /** A national review waiting at the activity, and the version of the cycle's report it was frozen at. */
    public record Frozen(ProcessInstance national, ReportVersion version) {
    }

    /** Freezes the cycle's report as a new version, then starts its national review at the activity. */
    public Frozen frozenReviewAt(ReviewCycle cycle, String activityId) {
        ReportVersion version = versions.freeze(cycle.id());
        return new Frozen(nationalReviewAt(cycle, activityId), version);
    }

    /** A running regional round with one report submitted to it and not yet reviewed: its synthesis task is open. */
    public record RoundWithSubmission(ReviewRound round, ReviewCycle cycle, String instance, Task synthesis) {
    }

    /**
     * A new round of the commission, running, with a cycle of the coordinator's country (in that round and a new
     * IMRF edition) whose frozen report the coordinator submitted to it.
     */
    public RoundWithSubmission roundWithSubmission(CurrentUser coordinator, String commissionCode) {
        ReviewRound round = regionalRound(commissionCode);
        ReviewCycle cycle = attach(cycle(coordinator), round, imrfEdition());
        ReportVersion version = versions.freeze(cycle.id());
        String instance = roundProcesses.ensureRunning(round.id());
        submissions.insert(cycle.id(), round.id(), version.id(), RoundKind.REGIONAL, null, coordinator.id(), null);
        return new RoundWithSubmission(round, cycle, instance, task(instance, "PrepareRegionalSynthesis"));
    }

    /** The process instance's incidents: none, whatever happens, is what every hand-over path promises. */
    public long incidents(String processInstanceId) {
        return runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count();
    }

    /**
     * Closes every open round of the kind (and commission, or IMRF editions for null) for the length of a test;
     * returns them for {@link #reopen}.
     */
    public List<Long> closeOpenRounds(String kind, String commission) {
        return jdbc.sql("""
                update review_round set closed_at = now()
                 where kind = ? and commission_code is not distinct from ? and closed_at is null returning id""")
                .params(kind, commission).query(Long.class).list();
    }

    public void reopen(List<Long> roundIds) {
        roundIds.forEach(id -> jdbc.sql("update review_round set closed_at = null where id = ?").param(id).update());
    }

    /** Whether the process instance is still running (not ended, not cancelled). */
    public boolean isRunning(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /** How many executions of the instance wait at the activity (a receive task, an event, a gateway). */
    public long waitingAt(String processInstanceId, String activityId) {
        return runtimeService.createExecutionQuery().processInstanceId(processInstanceId).activityId(activityId)
                .count();
    }

    /** The instance's open tasks, of any activity. */
    public long openTasks(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).count();
    }

    /** The timer of the instance at this event, or null if none is waiting. */
    public Job timer(String processInstanceId, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).timers()
                .activityId(activityId).singleResult();
    }

    /** Records the national review as the cycle's process, as starting a cycle through the application does. */
    public void linkNationalReview(ReviewCycle cycle, ProcessInstance national) {
        jdbc.sql("update review_cycle set process_instance_id = ? where id = ?").params(national.getId(), cycle.id())
                .update();
    }

    public Task task(String processInstanceId, String activityId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId)
                .singleResult();
    }

    /** Runs the one job (timer or asynchronous continuation) of the instance waiting before this activity. */
    public void runJob(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        if (job == null) {
            throw new AssertionError("No job at " + activityId + " in " + processInstanceId);
        }
        managementService.executeJob(job.getId());
    }

    public String roundInstance(ReviewRound round) {
        return jdbc.sql("select process_instance_id from review_round where id = ?").param(round.id())
                .query(String.class).single();
    }
}
