package org.gcmreview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first steps of a national review through the app's own HTTP forms, as the demo coordinator of Kenya takes
 * them: begin a cycle (POST /cycles) and scope it (POST /tasks/{id} on "Scope the review"). Task ids and
 * ministry ids are read from the database, as a person would read them off the page.
 */
final class NationalReviewSteps {

    static final String COUNTRY = "KEN";
    private static final Pattern CYCLE = Pattern.compile("/cycles/(\\d+)$");

    private final Database database;

    NationalReviewSteps(Database database) {
        this.database = database;
    }

    /** POST /cycles; returns the new cycle's id. */
    long beginCycle(WebUser coordinator, AppNode node, String code) throws IOException, InterruptedException {
        HttpResponse<String> response = coordinator.post(node, "/cycles",
                WebUser.form("code", code, "title", "Review " + code));
        assertThat(response.statusCode()).as("POST /cycles on %s", node).isEqualTo(302);
        Matcher id = CYCLE.matcher(response.headers().firstValue("Location").orElse(""));
        assertThat(id.find()).as("redirect to the new cycle: %s", response.headers().map()).isTrue();
        return Long.parseLong(id.group(1));
    }

    /** The one open task of the cycle's process with this BPMN id, e.g. ScopeReview. */
    String openTask(long cycleId, String taskDefinitionKey) {
        return database.jdbc().sql("""
                select t.id_ from act_ru_task t join review_cycle c on c.process_instance_id = t.proc_inst_id_
                 where c.id = ? and t.task_def_key_ = ?""")
                .params(cycleId, taskDefinitionKey).query(String.class).single();
    }

    /** POST /tasks/{id} as a form of the task's view would send it. */
    HttpResponse<String> complete(WebUser user, AppNode node, String taskId, Map<String, List<String>> form)
            throws IOException, InterruptedException {
        return user.post(node, "/tasks/" + taskId, form);
    }

    /**
     * A valid "Scope the review" form: objectives 1 to n, each led by one of the country's ministries in turn
     * (n = the number of ministries, so each drafts one), drafting due in 30 days with a reminder 7 days before,
     * consultation from day 40 to day 50.
     */
    Map<String, List<String>> scopeForm() {
        List<Long> ministries = ministryIds();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, List<String>> form = WebUser.form("action", "complete",
                "periodStart", "2022-01-01", "periodEnd", "2025-12-31",
                "draftingDue", today.plusDays(30).toString(), "reminderDays", "7",
                "consultationOpens", today.plusDays(40).toString(),
                "consultationCloses", today.plusDays(50).toString());
        for (int i = 0; i < ministries.size(); i++) {
            int objective = i + 1;
            form.computeIfAbsent("ministries", k -> new java.util.ArrayList<>()).add(ministries.get(i).toString());
            form.computeIfAbsent("objectives", k -> new java.util.ArrayList<>()).add(String.valueOf(objective));
            form.put("lead-" + objective, List.of(ministries.get(i).toString()));
        }
        return form;
    }

    List<Long> ministryIds() {
        return database.jdbc().sql("select id from ministry where country_iso3 = ? order by code").param(COUNTRY)
                .query(Long.class).list();
    }

    /** The ids of the cycle's timer jobs at one BPMN timer event, e.g. DraftingReminderTimer (one per ministry). */
    List<String> timerJobs(long cycleId, String timerEventId) {
        return database.jdbc().sql("""
                select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
                  join review_cycle c on c.process_instance_id = j.process_instance_id_
                 where c.id = ? and d.act_id_ = ? order by j.id_""")
                .params(cycleId, timerEventId).query(String.class).list();
    }

    /** Makes timer jobs due a minute ago, as if their date had come: the job executors pick them up. */
    void makeDue(List<String> jobIds) {
        makeDue(jobIds, java.time.Instant.now().minusSeconds(60));
    }

    /** Moves the timer jobs' due date (Camunda stores it in the JVM's time zone, as JDBC timestamps do). */
    void makeDue(List<String> jobIds, java.time.Instant dueAt) {
        for (String jobId : jobIds) {
            assertThat(database.jdbc().sql("update act_ru_job set duedate_ = ? where id_ = ?")
                    .params(java.sql.Timestamp.from(dueAt), jobId).update())
                    .isEqualTo(1);
        }
    }

    long count(String sql, Object... params) {
        return database.jdbc().sql(sql).params(params).query(Long.class).single();
    }
}
