package org.gcmreview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrades keep data: a cycle begun on the previous release (the application as of a fixed commit, whose last
 * migration is V91, built from that commit's sources) is carried on by this version on the same database after
 * Flyway has migrated it. The previous release runs as a jar of its own against a Debian PostgreSQL server (as in
 * BackupRestoreIT) with its demo data; one ministry submits before the upgrade, the others after, and the
 * coordinator consolidates the report, which takes the cycle on to its consultation.
 */
class UpgradeIT {

    /** main when issue 20 was taken up: the last migration there is V91__synthesis_objective_statuses. */
    static final String PREVIOUS_RELEASE = "4cbe3b6ba6426dca65f98354ae347d3e736f3dca";
    static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void aCycleBegunOnThePreviousReleaseIsCarriedOnAfterTheUpgrade() throws Exception {
        Path previousJar = JarBuild.packageIn(checkout(PREVIOUS_RELEASE, work.resolve("previous")), "previous-release");
        try (LocalPostgresCluster server = LocalPostgresCluster.start()) {
            server.createDatabase("gcm_review");
            Database database = server.database("gcm_review");
            NationalReviewSteps steps = new NationalReviewSteps(database);

            long cycle;
            try (AppNode previous = AppNode.fromJar("previous-release", previousJar, environment(database), port())
                    .awaitReady()) {
                assertThat(schemaVersion(database)).isEqualTo("91");
                WebUser coordinator = WebUser.signIn(previous, "coordinator.ken", "demo");
                cycle = steps.beginCycle(coordinator, previous, "UPGRADE");
                assertThat(steps.complete(coordinator, previous, steps.openTask(cycle, "ScopeReview"),
                        steps.scopeForm()).statusCode()).isEqualTo(302);
                submitContribution(steps, database, previous, cycle, "interior.ken", "INTERIOR");
                previous.stop();
            }

            try (AppNode upgraded = AppNode.start("upgraded", database).awaitReady()) {
                assertThat(Integer.parseInt(schemaVersion(database))).isGreaterThan(91);
                // the names the ministries had in this cycle were kept by the migration (db/V130)
                assertThat(database.jdbc().sql("""
                        select count(*) from ministry_assignment where cycle_id = ? and ministry_name is null""")
                        .param(cycle).query(Integer.class).single()).isZero();
                submitContribution(steps, database, upgraded, cycle, "labour.ken", "LABOUR");
                submitContribution(steps, database, upgraded, cycle, "foreign.ken", "FOREIGN");
                assertThat(status(database, cycle)).isEqualTo("CONSOLIDATION");

                WebUser coordinator = WebUser.signIn(upgraded, "coordinator.ken", "demo");
                String consolidation = steps.openTask(cycle, "ConsolidateReport");
                HttpResponse<String> page = coordinator.get(upgraded, "/tasks/" + consolidation);
                assertThat(page.statusCode()).isEqualTo(200);
                // the contribution sent before the upgrade is there for the coordinator
                assertThat(page.body()).contains("Drafted before the upgrade by INTERIOR");
                Map<String, List<String>> form = WebUser.form("action", "send");
                database.jdbc().sql("select id, lock_version, title from report_section where cycle_id = ?")
                        .param(cycle).query((rs, row) -> {
                            form.put("body-" + rs.getLong(1), List.of(rs.getString(3) + " (consolidated)"));
                            form.put("version-" + rs.getLong(1), List.of(rs.getString(2)));
                            form.put("status-" + rs.getLong(1), List.of("PLANNED"));
                            return row;
                        }).list();
                HttpResponse<String> sent = steps.complete(coordinator, upgraded, consolidation, form);
                assertThat(sent.statusCode()).as("consolidation: %s", sent.body()).isEqualTo(302);
                assertThat(status(database, cycle)).isEqualTo("CONSULTATION");
            }
        }
    }

    /** The ministry's drafting task, submitted through its form with every contribution filled in. */
    private static void submitContribution(NationalReviewSteps steps, Database database, AppNode node, long cycle,
            String username, String ministryCode) throws Exception {
        WebUser ministry = WebUser.signIn(node, username, "demo");
        String task = database.jdbc().sql("""
                select t.id_ from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_
                  join review_cycle c on c.process_instance_id = t.proc_inst_id_
                 where c.id = ? and t.task_def_key_ = 'DraftContribution' and l.group_id_ = ?""")
                .params(cycle, "ministry-KEN-" + ministryCode).query(String.class).single();
        Map<String, List<String>> form = WebUser.form("action", "submit");
        database.jdbc().sql("""
                select c.id, c.lock_version from contribution c join ministry m on m.id = c.ministry_id
                 where c.cycle_id = ? and m.country_iso3 = 'KEN' and m.code = ?""")
                .params(cycle, ministryCode).query((rs, row) -> {
                    form.put("status-" + rs.getLong(1), List.of("IN_PROGRESS"));
                    form.put("body-" + rs.getLong(1), List.of("Drafted " + (node.name().startsWith("previous")
                            ? "before" : "after") + " the upgrade by " + ministryCode));
                    form.put("version-" + rs.getLong(1), List.of(rs.getString(2)));
                    return row;
                }).list();
        HttpResponse<String> sent = steps.complete(ministry, node, task, form);
        assertThat(sent.statusCode()).as("%s submits: %s", username, sent.body()).isEqualTo(302);
    }

    private static Map<String, String> environment(Database database) {
        return Map.of("SPRING_DATASOURCE_URL", database.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", database.username(),
                "SPRING_DATASOURCE_PASSWORD", database.password(), "GCM_DEMO_ENABLED", "true");
    }

    private static String schemaVersion(Database database) {
        return database.jdbc().sql("""
                select version from flyway_schema_history where success and version is not null
                 order by installed_rank desc limit 1""").query(String.class).single();
    }

    private static String status(Database database, long cycle) {
        return database.jdbc().sql("select status from review_cycle where id = ?").param(cycle).query(String.class)
                .single();
    }

    /** The sources of a commit of this repository, as git archive gives them. */
    private static Path checkout(String commit, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        Path archive = into.resolveSibling("previous.tar");
        Process git = new ProcessBuilder("git", "-C", ROOT.toString(), "archive", "--format=tar",
                "--output=" + archive, commit).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes());
        assertThat(git.waitFor(2, TimeUnit.MINUTES) && git.exitValue() == 0)
                .as("git archive %s (the repository's history must hold it): %s", commit, out).isTrue();
        Process tar = new ProcessBuilder("tar", "-xf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String tarOut = new String(tar.getInputStream().readAllBytes());
        assertThat(tar.waitFor(2, TimeUnit.MINUTES) && tar.exitValue() == 0).as("tar: %s", tarOut).isTrue();
        return into;
    }

    private static int port() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
