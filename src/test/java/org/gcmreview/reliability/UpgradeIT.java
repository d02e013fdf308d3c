package org.gcmreview.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * coordinator consolidates the report; the cycle is then finished on this version, through consultation, sign-off,
 * endorsement and the regional and IMRF rounds, to its publication.
 */
class UpgradeIT {

    /** main when issue 20 was taken up: the last migration there is V91__synthesis_objective_statuses. */
    static final String PREVIOUS_RELEASE = "4cbe3b6ba6426dca65f98354ae347d3e736f3dca";
    static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void aCycleBegunOnThePreviousReleaseIsFinishedAndPublishedAfterTheUpgrade() throws Exception {
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
                Map<String, List<String>> form = WebUser.form("action", "send", "answerschecked", "yes");
                // each objective's section carries the ministries' contributions into the report
                database.jdbc().sql("""
                        select s.id, s.lock_version, s.title,
                               (select string_agg(c.body, ' ' order by c.id) from contribution c
                                 where c.cycle_id = s.cycle_id and c.objective_number = s.objective_number)
                          from report_section s where s.cycle_id = ?""")
                        .param(cycle).query((rs, row) -> {
                            String contributed = rs.getString(4);
                            form.put("body-" + rs.getLong(1), List.of(rs.getString(3) + " (consolidated)"
                                    + (contributed == null ? "" : ": " + contributed)));
                            form.put("version-" + rs.getLong(1), List.of(rs.getString(2)));
                            form.put("status-" + rs.getLong(1), List.of("PLANNED"));
                            return row;
                        }).list();
                HttpResponse<String> sent = steps.complete(coordinator, upgraded, consolidation, form);
                assertThat(sent.statusCode()).as("consolidation: %s", sent.body()).isEqualTo(302);
                assertThat(status(database, cycle)).isEqualTo("CONSULTATION");

                finishTheCycle(steps, database, upgraded, coordinator, cycle);
            }
        }
    }

    /**
     * The rest of the national process on the upgraded node, through the same forms and buttons people use: the
     * coordinator opens the consultation at once, a stakeholder sends an input, the coordinator closes it early and
     * answers the input (the draft needs no revision);
     * each ministry signs off; the coordinator endorses the frozen version and submits it to the ECA regional
     * round (seeded by the previous release's demo data); the ECA secretariat acknowledges it, the IMRF
     * secretariat registers it, and the report is published. The engine's asynchronous steps run on the node's
     * job executor, so each next task is waited for.
     */
    private static void finishTheCycle(NationalReviewSteps steps, Database database, AppNode node,
            WebUser coordinator, long cycle) throws Exception {
        HttpResponse<String> opened = coordinator.post(node, "/cycles/" + cycle + "/consultation/open",
                WebUser.form("confirm", "true"));
        assertThat(opened.statusCode()).as("open the consultation now: %s", opened.body()).isEqualTo(302);
        await().atMost(WAIT).until(() -> "OPEN".equals(windowStatus(database, cycle)));
        // a stakeholder organisation registered on the previous release sends an input
        String businessKey = database.jdbc().sql("select business_key from review_cycle where id = ?")
                .param(cycle).query(String.class).single();
        String idempotencyKey = java.util.UUID.randomUUID().toString();
        HttpResponse<String> input = WebUser.signIn(node, "stakeholder.ken", "demo").post(node,
                "/consultations/" + businessKey + "/inputs", WebUser.form("idempotencyKey", idempotencyKey,
                        "target", "objective:1", "language", "en",
                        "body", "Recruitment fees are still charged to domestic workers abroad."));
        assertThat(input.statusCode()).as("stakeholder input: %s", input.body()).isEqualTo(302);
        long inputId = database.jdbc().sql("select id from consultation_input where idempotency_key = ?::uuid")
                .param(idempotencyKey).query(Long.class).single();
        HttpResponse<String> closed = coordinator.post(node, "/cycles/" + cycle + "/consultation/close",
                WebUser.form());
        assertThat(closed.statusCode()).as("close the consultation early: %s", closed.body()).isEqualTo(302);
        await().atMost(WAIT).until(() -> "CLOSED".equals(windowStatus(database, cycle)));

        String respond = awaitTask(database, """
                select t.id_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
                  join review_cycle c on c.process_instance_id = e.root_proc_inst_id_
                 where c.id = ? and t.task_def_key_ = 'RespondToInputs'""", cycle);
        completed(steps.complete(coordinator, node, respond, WebUser.form("action", "complete",
                "outcome-" + inputId, "PARTLY", "explanation-" + inputId, "Objective 1 now names the fee ban.",
                "reviseDraft", "false")), "RespondToInputs");
        assertThat(database.jdbc().sql("select response_outcome from consultation_input where id = ?")
                .param(inputId).query(String.class).single()).isEqualTo("PARTLY");

        for (String ministry : List.of("INTERIOR", "LABOUR", "FOREIGN")) {
            String signOff = awaitTask(database, """
                    select t.id_ from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_
                      join review_cycle c on c.process_instance_id = t.proc_inst_id_
                     where c.id = ? and t.task_def_key_ = 'SignOffReport' and l.group_id_ = ?""",
                    cycle, "ministry-KEN-" + ministry);
            WebUser focalPoint = WebUser.signIn(node, ministry.toLowerCase() + ".ken", "demo");
            completed(steps.complete(focalPoint, node, signOff, WebUser.form("action", "approve")),
                    "SignOffReport by " + ministry);
        }

        String endorse = awaitTask(database, NATIONAL_TASK, cycle, "EndorseFinalReport");
        completed(steps.complete(coordinator, node, endorse, WebUser.form("action", "endorse",
                "note", "Endorsed after the upgrade.")), "EndorseFinalReport");
        long version = database.jdbc().sql("select id from report_version where cycle_id = ?").param(cycle)
                .query(Long.class).single();
        String submit = awaitTask(database, NATIONAL_TASK, cycle, "SubmitToRegionalReview");
        completed(steps.complete(coordinator, node, submit, WebUser.form("versionId", String.valueOf(version),
                "coverNote", "Submitted across an upgrade.", "confirm", "yes", "action", "submit")),
                "SubmitToRegionalReview");

        WebUser eca = WebUser.signIn(node, "secretariat.eca", "demo");
        String review = awaitTask(database, ROUND_TASK, cycle, "regional_round_id", "ReviewSubmission");
        completed(steps.complete(eca, node, review, WebUser.form("action", "acknowledge")), "ReviewSubmission");

        WebUser imrf = WebUser.signIn(node, "secretariat.imrf", "demo");
        String register = awaitTask(database, ROUND_TASK, cycle, "imrf_round_id", "RegisterImrfSubmission");
        completed(steps.complete(imrf, node, register, WebUser.form("action", "register")),
                "RegisterImrfSubmission");

        await().atMost(WAIT).until(() -> "PUBLISHED".equals(status(database, cycle)));
        assertThat(database.jdbc().sql("select published_at from review_cycle where id = ?").param(cycle)
                .query(java.sql.Timestamp.class).single()).isNotNull();
        assertThat(database.jdbc().sql("""
                select kind || ':' || status || ':' || report_version_id from submission where cycle_id = ?
                 order by id""").param(cycle).query(String.class).list())
                .containsExactly("REGIONAL:ACKNOWLEDGED:" + version, "IMRF:REGISTERED:" + version);
        HttpResponse<String> published = WebUser.anonymous().get(node, "/published/" + businessKey);
        assertThat(published.statusCode()).isEqualTo(200);
        // what a ministry wrote on the previous release reached the published report
        assertThat(published.body()).contains("Drafted before the upgrade by INTERIOR",
                "Drafted after the upgrade by LABOUR");
        assertThat(steps.count("""
                select count(*) from act_ru_execution e join review_cycle c
                    on c.process_instance_id = e.root_proc_inst_id_ where c.id = ?""", cycle))
                .as("the national process and its consultation have ended").isZero();
    }

    static final Duration WAIT = Duration.ofMinutes(2);

    /** An open task of the cycle's national process, by its BPMN id. */
    private static final String NATIONAL_TASK = """
            select t.id_ from act_ru_task t join review_cycle c on c.process_instance_id = t.proc_inst_id_
             where c.id = ? and t.task_def_key_ = ?""";

    /** An open task of the review round (regional or IMRF) the cycle was submitted to, by its BPMN id. */
    private static final String ROUND_TASK = """
            select t.id_ from act_ru_task t join review_round r on r.process_instance_id = t.proc_inst_id_
              join review_cycle c on c.%s = r.id
             where c.id = ? and t.task_def_key_ = ?""";

    private static String awaitTask(Database database, String sql, long cycle, String column, String key) {
        return awaitTask(database, sql.formatted(column), cycle, key);
    }

    /** The one task the query finds, once the engine (job executor included) has created it. */
    private static String awaitTask(Database database, String sql, Object... params) {
        return await().atMost(WAIT).until(() -> database.jdbc().sql(sql).params(params).query(String.class).list(),
                ids -> ids.size() == 1).get(0);
    }

    private static void completed(HttpResponse<String> response, String step) {
        assertThat(response.statusCode()).as("%s: %s", step, response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).as(step).hasValueSatisfying(
                location -> assertThat(location).endsWith("/tasks"));
    }

    private static String windowStatus(Database database, long cycle) {
        return database.jdbc().sql("select status from consultation_window where cycle_id = ?").param(cycle)
                .query(String.class).optional().orElse(null);
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
        Map<String, List<String>> form = WebUser.form("action", "submit", "answerschecked", "yes");
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
