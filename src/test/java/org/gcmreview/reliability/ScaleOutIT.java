package org.gcmreview.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL, as in the production topology: each a JVM of its own with its job
 * executor on. A session signed in on one node works on the other; a cycle begun on node A is scoped on node B;
 * a login lock placed through A holds on B; and every timer job, whichever node deployed or created it, runs
 * exactly once across both nodes.
 */
class ScaleOutIT {

    /** Guards against a hung job executor; not a performance requirement. */
    private static final Duration JOBS_LIMIT = Duration.ofMinutes(2);
    private static final int TIMERS = 40;

    @Test
    void twoNodesShareSessionsTasksLocksAndJobs() throws Exception {
        AppNode.withTestClasses(RecordTimerRun.class);
        try (EmbeddedDatabase database = EmbeddedDatabase.start();
                AppNode a = AppNode.start("scale-out-A", database)) {
            NationalReviewSteps review = new NationalReviewSteps(database);
            a.awaitReady();
            // B starts once A has created the schema and deployed the processes, as a second node joins
            try (AppNode b = AppNode.start("scale-out-B", database)) {
                WebUser coordinator = WebUser.signIn(a, "coordinator.ken", "demo");
                long cycleId = review.beginCycle(coordinator, a, "SCALE-OUT");
                b.awaitReady();

                // ------------------------------------------------ the session of node A is valid on node B
                HttpResponse<String> inboxOnB = coordinator.get(b, "/tasks");
                assertThat(inboxOnB.statusCode()).isEqualTo(200);
                assertThat(inboxOnB.body()).contains("Scope the review");

                // ------------------------------------------------ the task of A's cycle is completed on B
                String scoping = review.openTask(cycleId, "ScopeReview");
                HttpResponse<String> scoped = review.complete(coordinator, b, scoping, review.scopeForm());
                assertThat(scoped.statusCode()).as(scoped.body()).isEqualTo(302);
                assertThat(scoped.headers().firstValue("Location")).hasValueSatisfying(
                        location -> assertThat(location).endsWith("/tasks"));
                int ministries = review.ministryIds().size();
                assertThat(review.count("""
                        select count(*) from act_ru_task t join review_cycle c on c.process_instance_id = t.proc_inst_id_
                         where c.id = ? and t.task_def_key_ = 'DraftContribution'""", cycleId)).isEqualTo(ministries);
                WebUser interior = WebUser.signIn(a, "interior.ken", "demo");
                assertThat(interior.get(b, "/tasks").body()).contains("Draft contribution");

                // ------------------------------------------------ disabling a user signed in on A ends it on B too
                WebUser foreign = WebUser.signIn(a, "foreign.ken", "demo");
                assertThat(foreign.get(b, "/tasks").statusCode()).isEqualTo(200);
                database.jdbc().sql("update app_user set enabled = false where username = 'foreign.ken'").update();
                assertThat(foreign.get(b, "/tasks").headers().firstValue("Location"))
                        .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
                assertThat(foreign.get(a, "/tasks").headers().firstValue("Location"))
                        .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

                // ------------------------------------------------ a login lock placed on A holds on B
                for (int attempt = 1; attempt <= 5; attempt++) {
                    assertThat(WebUser.attemptSignIn(a, "labour.ken", "wrong-" + attempt).headers()
                            .firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
                }
                assertThat(WebUser.attemptSignIn(b, "labour.ken", "demo").headers().firstValue("Location"))
                        .hasValueSatisfying(location -> assertThat(location).endsWith("/login?locked"));

                // ------------------------------------------------ the cycle's real timers: each fires once (the
                // escalation repeats weekly until the ministry submits: its next firing waits, a week after the due date)
                List<String> reminders = review.timerJobs(cycleId, "DraftingReminderTimer");
                List<String> escalations = review.timerJobs(cycleId, "DraftingOverdueTimer");
                assertThat(reminders).hasSize(ministries);
                assertThat(escalations).hasSize(ministries);
                review.makeDue(reminders);
                review.makeDue(escalations);

                // ------------------------------------------------ a burst of timers deployed by neither node
                List<String> burst;
                try (TimerClient client = new TimerClient(database)) {
                    client.deploy();
                    burst = client.startDueTimers(TIMERS);
                }
                await("every timer job done").atMost(JOBS_LIMIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> review.count("select count(*) from reliability_timer_run") >= TIMERS
                                && review.count("""
                                select count(*) from act_ru_job j join review_cycle c
                                  on c.process_instance_id = j.process_instance_id_
                                 where c.id = ? and (j.duedate_ is null or j.duedate_ <= now())""", cycleId) == 0
                                && review.count("""
                                select count(*) from act_ru_job where process_def_key_ = ?""",
                                TimerClient.PROCESS) == 0);

                Map<String, Long> runsPerInstance = runsPerInstance(database);
                assertThat(runsPerInstance).hasSize(TIMERS).containsOnlyKeys(burst);
                assertThat(runsPerInstance.values()).as("runs of each timer job").containsOnly(1L);
                assertThat(review.count("select count(*) from act_ru_execution where proc_def_id_ like ?",
                        TimerClient.PROCESS + ":%")).as("burst instances still running").isZero();
                System.out.println("Timer jobs run per node: " + database.jdbc()
                        .sql("select node, count(*) from reliability_timer_run group by node order by node")
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list());

                assertThat(audited(database, cycleId, "DRAFTING_REMINDER_SENT")).as("reminders, one per ministry")
                        .hasSize(ministries).doesNotHaveDuplicates();
                assertThat(audited(database, cycleId, "DRAFTING_OVERDUE_ESCALATED")).as("escalations, one per ministry")
                        .hasSize(ministries).doesNotHaveDuplicates();

                // ------------------------------------------------ node A leaves; B runs new timers on its own
                a.stop();
                List<String> afterA;
                try (TimerClient client = new TimerClient(database)) {
                    afterA = client.startDueTimers(5);
                }
                await("timers run by node B alone").atMost(JOBS_LIMIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> review.count("select count(*) from reliability_timer_run") >= TIMERS + 5);
                assertThat(database.jdbc().sql("""
                        select node from reliability_timer_run where process_instance_id in (:ids)""")
                        .param("ids", afterA).query(String.class).list())
                        .hasSize(5).containsOnly(b.name());
                assertThat(coordinator.get(b, "/tasks").statusCode()).as("still signed in on B").isEqualTo(200);
            }
        }
    }

    private static Map<String, Long> runsPerInstance(Database database) {
        Map<String, Long> runs = new java.util.HashMap<>();
        database.jdbc().sql("select process_instance_id, count(*) from reliability_timer_run group by 1")
                .query(rs -> {
                    runs.put(rs.getString(1), rs.getLong(2));
                });
        return runs;
    }

    /** The ministries named in the cycle's audit entries of this action (details start with the ministry code). */
    private static List<String> audited(Database database, long cycleId, String action) {
        return database.jdbc().sql("""
                select split_part(details, ':', 1) from audit_event
                 where action = ? and subject_type = 'review_cycle' and subject_id = ?""")
                .params(action, String.valueOf(cycleId)).query(String.class).list();
    }
}
