package org.gcmreview.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Accepted work is never lost. The app runs in a JVM of its own; stakeholders' inputs (each with its
 * idempotency key) and coordinators' task completions arrive concurrently over HTTP; the JVM is killed (SIGKILL)
 * in the middle of it, restarted on the same database, and then:
 * <ul>
 * <li>every request that got a success response is in the database exactly once, and every other request is
 * there at most once and either wholly or not at all (a task's form writes and its completion commit together);
 * <li>a client retrying the requests that got no answer, with the same idempotency key, gets each stored exactly
 * once;
 * <li>sessions survive (they live in the database);
 * <li>timers that became due while the app was down fire once after the restart.
 * </ul>
 */
class DurabilityIT {

    private static final int CYCLES = 6;
    /**
     * Hundreds of inputs from one organisation and one address on purpose: the consultation's submission rate
     * limit (org.gcmreview.consultation, 10 an hour) would rightly refuse them.
     */
    private static final String UNLIMITED_INPUTS = "--gcm.consultation.rate-limit.max-submissions=1000000";
    private static final int WORKERS = 6;
    private static final int MAX_INPUTS = 400;
    /** Accepted before the kill, so that there is accepted work to lose. */
    private static final int INPUTS_BEFORE_KILL = 25;
    private static final int TASKS_BEFORE_KILL = 2;
    /** Guards against a hang, not a performance requirement. */
    private static final Duration LIMIT = Duration.ofMinutes(2);

    enum Outcome {
        /** 2xx/3xx to where success leads: the app said the work is done. */
        SUCCESS,
        /** Any other answer. */
        REFUSED,
        /** The connection broke (the kill): the client cannot know whether the work was done. */
        NO_ANSWER
    }

    record Attempt(Work work, Outcome outcome, String answer) {
    }

    /** One request: an input with its idempotency key, or the completion of a cycle's scoping task. */
    sealed interface Work {
        HttpResponse<String> send(AppNode node) throws IOException, InterruptedException;

        String expectedLocation();
    }

    record Input(WebUser stakeholder, String businessKey, String idempotencyKey, int number) implements Work {
        @Override
        public HttpResponse<String> send(AppNode node) throws IOException, InterruptedException {
            return stakeholder.post(node, "/consultations/" + businessKey + "/inputs", WebUser.form(
                    "idempotencyKey", idempotencyKey, "target", "section:POLICY", "language", "en",
                    "body", "Durability input number " + number + ": return migrants need recognised skills."));
        }

        @Override
        public String expectedLocation() {
            return "/consultations/" + businessKey;
        }
    }

    record Scoping(WebUser coordinator, NationalReviewSteps steps, long cycleId, String taskId,
            Map<String, List<String>> form) implements Work {
        @Override
        public HttpResponse<String> send(AppNode node) throws IOException, InterruptedException {
            return steps.complete(coordinator, node, taskId, form);
        }

        @Override
        public String expectedLocation() {
            return "/tasks";
        }
    }

    @Test
    void everyAcceptedRequestSurvivesAKillExactlyOnce() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start()) {
            NationalReviewSteps steps = new NationalReviewSteps(database);
            List<Attempt> beforeKill = new ArrayList<>();
            Queue<Work> queue = new ConcurrentLinkedQueue<>();
            WebUser coordinator;
            WebUser stakeholder;
            String businessKey;
            List<Long> cycles = new ArrayList<>();
            Instant killedAt;

            try (AppNode first = AppNode.start("durability-1", database, UNLIMITED_INPUTS)) {
                first.awaitReady();
                coordinator = WebUser.signIn(first, "coordinator.ken", "demo");
                stakeholder = WebUser.signIn(first, "stakeholder.ken", "demo").withCsrfToken(first);
                long consultationCycle = steps.beginCycle(coordinator, first, "DUR-CONSULT");
                // an open consultation window, as the OpenConsultationWindow step leaves it
                database.jdbc().sql("""
                        insert into consultation_window (cycle_id, opens_at, closes_at, status)
                        values (?, now() - interval '1 hour', now() + interval '1 day', 'OPEN')""")
                        .param(consultationCycle).update();
                businessKey = database.jdbc().sql("select business_key from review_cycle where id = ?")
                        .param(consultationCycle).query(String.class).single();
                for (int i = 1; i <= CYCLES; i++) {
                    cycles.add(steps.beginCycle(coordinator, first, "DUR-" + i));
                }
                coordinator.withCsrfToken(first);
                Map<String, List<String>> scopeForm = steps.scopeForm();

                // inputs with a scoping completion every eighth request
                int nextCycle = 0;
                for (int i = 0; i < MAX_INPUTS; i++) {
                    if (i % 8 == 3 && nextCycle < cycles.size()) {
                        long cycleId = cycles.get(nextCycle++);
                        queue.add(new Scoping(coordinator, steps, cycleId, steps.openTask(cycleId, "ScopeReview"),
                                scopeForm));
                    }
                    queue.add(new Input(stakeholder, businessKey, UUID.randomUUID().toString(), i));
                }

                AtomicInteger inputsAccepted = new AtomicInteger();
                AtomicInteger tasksAccepted = new AtomicInteger();
                Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
                ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
                for (int w = 0; w < WORKERS; w++) {
                    workers.submit(() -> {
                        Work work;
                        while ((work = queue.poll()) != null) {
                            Attempt attempt = attempt(work, first);
                            attempts.add(attempt);
                            if (attempt.outcome() == Outcome.SUCCESS) {
                                (work instanceof Input ? inputsAccepted : tasksAccepted).incrementAndGet();
                            }
                            if (attempt.outcome() == Outcome.NO_ANSWER) {
                                return; // the node is gone
                            }
                        }
                    });
                }
                await("accepted work before the kill").atMost(LIMIT).pollInterval(Duration.ofMillis(20))
                        .until(() -> inputsAccepted.get() >= INPUTS_BEFORE_KILL
                                && tasksAccepted.get() >= TASKS_BEFORE_KILL || queue.isEmpty());
                assertThat(queue).as("work left to be in flight at the kill").isNotEmpty();

                first.kill();
                killedAt = Instant.now();
                workers.shutdown();
                assertThat(workers.awaitTermination(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                beforeKill.addAll(attempts);
            }
            System.out.println("Before the kill: " + beforeKill.stream().collect(Collectors.groupingBy(
                    a -> a.work().getClass().getSimpleName() + " " + a.outcome(), Collectors.counting())));
            assertThat(beforeKill).filteredOn(a -> a.outcome() == Outcome.REFUSED).as("refused while running")
                    .isEmpty();

            // ------------------------------------------------------------ while the app is down
            long scopedCycle = beforeKill.stream()
                    .filter(a -> a.outcome() == Outcome.SUCCESS && a.work() instanceof Scoping)
                    .map(a -> ((Scoping) a.work()).cycleId()).findFirst().orElseThrow();
            List<String> reminderTimers = steps.timerJobs(scopedCycle, "DraftingReminderTimer");
            assertThat(reminderTimers).hasSize(steps.ministryIds().size());
            steps.makeDue(reminderTimers, killedAt);

            try (AppNode second = AppNode.start("durability-2", database, UNLIMITED_INPUTS)) {
                second.awaitReady();

                // ------------------------------------------------------------ accepted work: exactly once
                for (Attempt attempt : beforeKill) {
                    if (attempt.work() instanceof Input input) {
                        long stored = storedInputs(database, input.idempotencyKey());
                        if (attempt.outcome() == Outcome.SUCCESS) {
                            assertThat(stored).as("accepted input %s", input.number()).isEqualTo(1);
                        } else {
                            assertThat(stored).as("unanswered input %s", input.number()).isBetween(0L, 1L);
                        }
                    } else if (attempt.work() instanceof Scoping scoping) {
                        boolean scoped = scopedOnce(steps, scoping.cycleId());
                        if (attempt.outcome() == Outcome.SUCCESS) {
                            assertThat(scoped).as("accepted scoping of cycle %s", scoping.cycleId()).isTrue();
                        }
                    }
                }
                for (long cycleId : cycles) {
                    scopedOnce(steps, cycleId); // wholly or not at all, for every cycle
                }

                // ------------------------------------------------------------ sessions survived the restart
                assertThat(coordinator.get(second, "/tasks").statusCode()).isEqualTo(200);

                // ------------------------------------------------------------ the client retries what got no answer
                for (Attempt attempt : beforeKill) {
                    if (attempt.outcome() != Outcome.NO_ANSWER) {
                        continue;
                    }
                    Attempt retry = attempt(attempt.work(), second);
                    if (attempt.work() instanceof Input) {
                        assertThat(retry.outcome()).as("retried input: %s", retry.answer()).isEqualTo(Outcome.SUCCESS);
                    } else {
                        // done now, or done before the kill: the task is gone, and the coordinator is told they
                        // already completed it (409, TaskAccess explains a finished task from the history)
                        assertThat(retry.outcome() == Outcome.SUCCESS || retry.answer().startsWith("409"))
                                .as("retried scoping: %s", retry.answer()).isTrue();
                        assertThat(scopedOnce(steps, ((Scoping) attempt.work()).cycleId())).isTrue();
                    }
                }
                List<String> sentKeys = beforeKill.stream().filter(a -> a.work() instanceof Input)
                        .map(a -> ((Input) a.work()).idempotencyKey()).toList();
                for (String key : sentKeys) {
                    assertThat(storedInputs(database, key)).as("input %s after the retry", key).isEqualTo(1);
                }
                assertThat(steps.count("""
                        select count(*) from consultation_input i join consultation_window w on w.id = i.window_id
                          join review_cycle c on c.id = w.cycle_id where c.business_key = ?""", businessKey))
                        .as("inputs stored: those sent, no others").isEqualTo(sentKeys.size());
                assertThat(steps.count("""
                        select count(*) from audit_event where action = 'CONSULTATION_INPUT_RECEIVED'
                           and subject_id in (select reference from consultation_input)"""))
                        .as("one receipt in the audit log per input").isEqualTo(sentKeys.size());

                // ------------------------------------------------------------ the timers due during the downtime
                await("reminders due during the downtime sent").atMost(LIMIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> steps.count("select count(*) from act_ru_job where id_ in ("
                                + reminderTimers.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","))
                                + ")") == 0
                                && steps.count("""
                                        select count(*) from act_ru_job j join review_cycle c
                                          on c.process_instance_id = j.process_instance_id_
                                         where c.id = ? and j.duedate_ is null""", scopedCycle) == 0);
                assertThat(database.jdbc().sql("""
                        select split_part(details, ':', 1) from audit_event
                         where action = 'DRAFTING_REMINDER_SENT' and subject_type = 'review_cycle' and subject_id = ?""")
                        .param(String.valueOf(scopedCycle)).query(String.class).list())
                        .as("one reminder per ministry").hasSize(reminderTimers.size()).doesNotHaveDuplicates();
                assertThat(steps.timerJobs(scopedCycle, "DraftingOverdueTimer")).as("the overdue timers wait on")
                        .hasSize(reminderTimers.size());
            }
        }
    }

    private static Attempt attempt(Work work, AppNode node) {
        try {
            HttpResponse<String> response = work.send(node);
            String location = response.headers().firstValue("Location").orElse("");
            boolean success = response.statusCode() < 300
                    || response.statusCode() < 400 && location.endsWith(work.expectedLocation());
            return new Attempt(work, success ? Outcome.SUCCESS : Outcome.REFUSED,
                    response.statusCode() + " " + location);
        } catch (IOException e) {
            return new Attempt(work, Outcome.NO_ANSWER, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(work, Outcome.NO_ANSWER, e.toString());
        }
    }

    private static long storedInputs(Database database, String idempotencyKey) {
        return database.jdbc().sql("select count(*) from consultation_input where idempotency_key = ?::uuid")
                .param(idempotencyKey).query(Long.class).single();
    }

    /**
     * Whether the cycle was scoped, checking that it happened wholly and once: the audit entry, the report
     * skeleton, the drafting tasks and the end of the scoping task all exist, once; or none of them does.
     */
    private static boolean scopedOnce(NationalReviewSteps steps, long cycleId) {
        long ministries = steps.ministryIds().size();
        Map<String, Long> facts = new LinkedHashMap<>();
        facts.put("CYCLE_SCOPED audit entries", steps.count("""
                select count(*) from audit_event where action = 'CYCLE_SCOPED' and subject_id = ?""",
                String.valueOf(cycleId)));
        facts.put("report sections", steps.count("select count(*) from report_section where cycle_id = ?", cycleId));
        facts.put("drafting tasks", steps.count("""
                select count(*) from act_ru_task t join review_cycle c on c.process_instance_id = t.proc_inst_id_
                 where c.id = ? and t.task_def_key_ = 'DraftContribution'""", cycleId));
        facts.put("open scoping tasks", steps.count("""
                select count(*) from act_ru_task t join review_cycle c on c.process_instance_id = t.proc_inst_id_
                 where c.id = ? and t.task_def_key_ = 'ScopeReview'""", cycleId));
        Map<String, Long> scoped = Map.of("CYCLE_SCOPED audit entries", 1L, "report sections", ministries + 4,
                "drafting tasks", ministries, "open scoping tasks", 0L);
        Map<String, Long> notScoped = Map.of("CYCLE_SCOPED audit entries", 0L, "report sections", 0L,
                "drafting tasks", 0L, "open scoping tasks", 1L);
        assertThat(facts).as("cycle %s is scoped wholly and once, or not at all", cycleId)
                .satisfiesAnyOf(f -> assertThat(f).containsExactlyInAnyOrderEntriesOf(scoped),
                        f -> assertThat(f).containsExactlyInAnyOrderEntriesOf(notScoped));
        return facts.get("CYCLE_SCOPED audit entries") == 1;
    }
}
