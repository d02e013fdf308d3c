package org.gcmreview.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The README's backup procedure works: pg_dump (custom format) of the live database while the app runs,
 * pg_restore into a fresh database, the app started on the restored one. Every cycle, task, timer and process
 * variable is there as it was, and the app carries on from where it stood: the waiting task can be completed and
 * the pending timer fires.
 *
 * Runs on the machine's PostgreSQL server binaries (Debian package postgresql; ./mvnw verify installs it): the
 * embedded PostgreSQL has no pg_dump, and a client older than the server cannot dump it.
 */
class BackupRestoreIT {

    private static final Duration JOBS_LIMIT = Duration.ofMinutes(2);

    /** What must survive a backup: the domain's cycles and the engine's runtime state, row by row. */
    record Snapshot(List<String> cycles, List<String> tasks, List<String> jobs, List<String> variables,
            List<String> definitions, Map<String, Long> counts) {

        static Snapshot of(Database database) {
            var jdbc = database.jdbc();
            return new Snapshot(
                    rows(database, "select id, business_key, status, process_instance_id from review_cycle"),
                    rows(database, """
                            select id_, task_def_key_, proc_inst_id_, name_, tenant_id_, due_date_
                              from act_ru_task"""),
                    rows(database, """
                            select id_, type_, duedate_, handler_type_, handler_cfg_, process_instance_id_, retries_
                              from act_ru_job where handler_type_ <> 'history-cleanup'"""),
                    rows(database, """
                            select id_, name_, type_, proc_inst_id_, execution_id_, text_, long_, double_,
                                   bytearray_id_ from act_ru_variable"""),
                    rows(database, "select id_, key_, version_, deployment_id_ from act_re_procdef"),
                    Map.of("report sections", count(jdbc, "report_section"),
                            "contributions", count(jdbc, "contribution"),
                            "audit entries", count(jdbc, "audit_event"),
                            "users", count(jdbc, "app_user"),
                            "executions", count(jdbc, "act_ru_execution")));
        }

        private static List<String> rows(Database database, String sql) {
            return database.jdbc().sql(sql + " order by 1").query((rs, n) -> {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    row.append(column > 1 ? " | " : "").append(rs.getString(column));
                }
                return row.toString();
            }).list();
        }

        private static long count(org.springframework.jdbc.core.simple.JdbcClient jdbc, String table) {
            return jdbc.sql("select count(*) from " + table).query(Long.class).single();
        }
    }

    @Test
    void aDumpRestoredIntoAFreshDatabaseBringsTheAppBackIntact() throws Exception {
        Path dump = AppNode.WORK.resolve("gcm-review-backup-test.dump");
        Files.createDirectories(AppNode.WORK);
        Files.deleteIfExists(dump);
        try (LocalPostgresCluster cluster = LocalPostgresCluster.start()) {
            cluster.createDatabase("gcm_review");
            Database live = cluster.database("gcm_review");
            NationalReviewSteps liveSteps = new NationalReviewSteps(live);
            long scoped;
            long waiting;
            Snapshot before;
            try (AppNode node = AppNode.start("backup-live", live)) {
                node.awaitReady();
                WebUser coordinator = WebUser.signIn(node, "coordinator.ken", "demo");
                scoped = liveSteps.beginCycle(coordinator, node, "BACKUP-1");
                waiting = liveSteps.beginCycle(coordinator, node, "BACKUP-2");
                HttpResponse<String> scoping = liveSteps.complete(coordinator, node,
                        liveSteps.openTask(scoped, "ScopeReview"), liveSteps.scopeForm());
                assertThat(scoping.statusCode()).as(scoping.body()).isEqualTo(302);

                before = Snapshot.of(live);
                cluster.dump("gcm_review", dump); // online: the app keeps running
            }
            assertThat(before.cycles()).hasSize(2);
            assertThat(before.tasks()).as("scoping of BACKUP-2, drafting of BACKUP-1")
                    .hasSize(1 + liveSteps.ministryIds().size());
            // a reminder and an escalation per waiting task: each ministry's drafting of BACKUP-1, the scoping of BACKUP-2
            assertThat(before.jobs()).as("the drafting timers of BACKUP-1 and the scoping timers of BACKUP-2")
                    .hasSize(2 * liveSteps.ministryIds().size() + 2);

            cluster.createDatabase("gcm_review_restored");
            cluster.restore(dump, "gcm_review_restored");
            Database restored = cluster.database("gcm_review_restored");
            assertThat(Snapshot.of(restored)).isEqualTo(before);

            NationalReviewSteps steps = new NationalReviewSteps(restored);
            try (AppNode node = AppNode.start("backup-restored", restored)) {
                node.awaitReady();
                assertThat(Snapshot.of(restored)).as("the app's start on the restored database changed nothing")
                        .isEqualTo(before);

                WebUser coordinator = WebUser.signIn(node, "coordinator.ken", "demo");
                HttpResponse<String> cycles = coordinator.get(node, "/cycles");
                assertThat(cycles.statusCode()).isEqualTo(200);
                assertThat(cycles.body()).contains("Review BACKUP-1").contains("Review BACKUP-2");
                assertThat(coordinator.get(node, "/tasks").body()).contains("Scope the review");
                WebUser interior = WebUser.signIn(node, "interior.ken", "demo");
                assertThat(interior.get(node, "/tasks").body()).contains("Draft contribution");

                // the waiting task is completed on the restored database
                HttpResponse<String> scoping = steps.complete(coordinator, node, steps.openTask(waiting, "ScopeReview"),
                        steps.scopeForm());
                assertThat(scoping.statusCode()).as(scoping.body()).isEqualTo(302);
                assertThat(steps.timerJobs(waiting, "DraftingReminderTimer")).hasSize(steps.ministryIds().size());

                // the pending timer of the restored cycle fires, once per ministry
                List<String> reminders = steps.timerJobs(scoped, "DraftingReminderTimer");
                assertThat(reminders).hasSize(steps.ministryIds().size());
                steps.makeDue(reminders);
                await("restored reminder timers fired").atMost(JOBS_LIMIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> steps.timerJobs(scoped, "DraftingReminderTimer").isEmpty()
                                && steps.count("""
                                        select count(*) from act_ru_job j join review_cycle c
                                          on c.process_instance_id = j.process_instance_id_
                                         where c.id = ? and j.duedate_ is null""", scoped) == 0);
                assertThat(restored.jdbc().sql("""
                        select split_part(details, ':', 1) from audit_event
                         where action = 'DRAFTING_REMINDER_SENT' and subject_type = 'review_cycle' and subject_id = ?""")
                        .param(String.valueOf(scoped)).query(String.class).list())
                        .hasSize(reminders.size()).doesNotHaveDuplicates();
            }
        }
    }
}
