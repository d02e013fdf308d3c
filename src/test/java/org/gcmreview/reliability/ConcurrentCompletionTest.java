package org.gcmreview.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Two people of the same group send the same task at the same moment: exactly one of them completes it, the
 * other is told plainly that someone else was quicker (409, in their language), nothing of the loser's form is
 * stored, and the process moves on once.
 *
 * <p>The overlap is made certain, not lucky: before the two requests are released (together, by a barrier),
 * the test locks the task's row in {@code act_ru_task} from a connection of its own, the way a third, slow
 * transaction would. It lets go only once the database shows both requests waiting for a lock, i.e. both are
 * inside their transactions with the task loaded or about to be. Then they race for real on PostgreSQL.
 */
@ApplicationTest
class ConcurrentCompletionTest {

    static final String KEN = "KEN";
    static final String COMPLETED_BY_OTHER = "Someone else completed this task a moment ago";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    ExecutorService threads;

    @BeforeEach
    void setUp() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void twoCoordinatorsScopingTheSameReviewAtOnce() throws Exception {
        CurrentUser first = users.coordinator(KEN);
        CurrentUser second = users.coordinator(KEN);
        CurrentUser interior = users.ministry(KEN, "INTERIOR");
        CurrentUser labour = users.ministry(KEN, "LABOUR");
        long cycleId = cycles.start(first, CycleFixture.uniqueCode());
        Task scope = cycles.task(cycleId, "ScopeReview");

        // the two of them scope it differently: one with both ministries, the other with Interior alone
        List<MvcResult> results = race(scope.getId(),
                cycles.scopeForm(scope.getId(), first, List.of(interior.ministryId(), labour.ministryId()),
                        Map.of(1, interior.ministryId(), 2, labour.ministryId())),
                cycles.scopeForm(scope.getId(), second, List.of(interior.ministryId()),
                        Map.of(1, interior.ministryId())));

        int winner = assertOneWinsAndTheOtherIsToldClearly(results);
        // what the winner sent, and only that, is the scope: one scoping, its ministries, its drafting tasks
        int ministries = winner == 0 ? 2 : 1;
        assertThat(cycles.count("select count(*) from ministry_assignment where cycle_id = ?", cycleId))
                .isEqualTo(ministries);
        assertThat(cycles.count("select count(*) from contribution where cycle_id = ?", cycleId))
                .isEqualTo(ministries);
        assertThat(cycles.count("select count(*) from audit_event where action = 'CYCLE_SCOPED' and subject_id = ?",
                String.valueOf(cycleId))).isOne();
        assertThat(cycles.openTasks(cycleId, "DraftContribution")).isEqualTo(ministries);
        assertCompletedOnceBy(scope.getId(), winner == 0 ? first : second);

        assertTheLateRequestIsToldTheSame(scope.getId(), winner == 0 ? second : first,
                cycles.scopeForm(scope.getId(), winner == 0 ? second : first, List.of(interior.ministryId()),
                        Map.of(1, interior.ministryId())));
    }

    @Test
    void twoUsersOfOneMinistryApprovingTheSameSignOffAtOnce() throws Exception {
        CurrentUser coordinator = users.coordinator(KEN);
        CurrentUser interior = users.ministry(KEN, "INTERIOR");
        CurrentUser interiorColleague = users.ministry(KEN, "INTERIOR");
        CurrentUser labour = users.ministry(KEN, "LABOUR");
        long cycleId = cycles.reachSignOff(coordinator, interior, labour);
        Task signOff = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry(KEN, "INTERIOR"));

        List<MvcResult> results = race(signOff.getId(),
                signOff(signOff, interior, "approve", "Approved by the director."),
                signOff(signOff, interiorColleague, "approve", "Approved by the deputy."));

        int winner = assertOneWinsAndTheOtherIsToldClearly(results);
        assertThat(decisions(cycleId)).containsExactly("1/" + interior.ministryId() + "/APPROVED/"
                + (winner == 0 ? "Approved by the director." : "Approved by the deputy."));
        assertThat(auditCount(cycleId, "SIGNOFF_APPROVED")).isOne();
        // Interior's branch is done, Labour's still waits: the round moved on by exactly one decision
        assertThat(cycles.openTasks(cycleId, "SignOffReport")).isOne();
        assertThat(cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry(KEN, "LABOUR"))).isNotNull();
        assertCompletedOnceBy(signOff.getId(), winner == 0 ? interior : interiorColleague);

        assertTheLateRequestIsToldTheSame(signOff.getId(), winner == 0 ? interiorColleague : interior,
                signOff(signOff, winner == 0 ? interiorColleague : interior, "approve", "Late."));
        assertThat(decisions(cycleId)).hasSize(1);
    }

    @Test
    void oneApprovesWhileTheOtherRequestsChangesOnTheSameSignOff() throws Exception {
        CurrentUser coordinator = users.coordinator(KEN);
        CurrentUser interior = users.ministry(KEN, "INTERIOR");
        CurrentUser interiorColleague = users.ministry(KEN, "INTERIOR");
        long cycleId = cycles.reachSignOff(coordinator, interior);
        Task signOff = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry(KEN, "INTERIOR"));
        long introduction = jdbc.sql("select id from report_section where cycle_id = ? and kind = 'INTRODUCTION'")
                .param(cycleId).query(Long.class).single();

        List<MvcResult> results = race(signOff.getId(),
                signOff(signOff, interior, "approve", ""),
                signOff(signOff, interiorColleague, "request-changes", "The introduction misses the new law.")
                        .param("sections", String.valueOf(introduction)));

        int winner = assertOneWinsAndTheOtherIsToldClearly(results);
        // the only ministry decided once; the process took the path of that one decision, and only that one
        if (winner == 0) {
            assertThat(decisions(cycleId)).containsExactly("1/" + interior.ministryId() + "/APPROVED/");
            assertThat(auditCount(cycleId, "SIGNOFF_APPROVED")).isOne();
            assertThat(auditCount(cycleId, "SIGNOFF_CHANGES_REQUESTED")).isZero();
            assertThat(cycles.count("select count(*) from signoff_requested_section r join signoff_decision d "
                    + "on d.id = r.decision_id where d.cycle_id = ?", cycleId)).isZero();
            assertThat(cycles.openTasks(cycleId, "EndorseFinalReport")).isOne();
            assertThat(cycles.openTasks(cycleId, "ReviseRequestedSections")).isZero();
            assertThat(cycles.count("select count(*) from report_version where cycle_id = ?", cycleId)).isOne();
        } else {
            assertThat(decisions(cycleId)).containsExactly("1/" + interior.ministryId()
                    + "/CHANGES_REQUESTED/The introduction misses the new law.");
            assertThat(auditCount(cycleId, "SIGNOFF_CHANGES_REQUESTED")).isOne();
            assertThat(auditCount(cycleId, "SIGNOFF_APPROVED")).isZero();
            assertThat(cycles.openTasks(cycleId, "ReviseRequestedSections")).isOne();
            assertThat(cycles.openTasks(cycleId, "EndorseFinalReport")).isZero();
            assertThat(cycles.count("select count(*) from report_version where cycle_id = ?", cycleId)).isZero();
        }
        assertThat(cycles.openTasks(cycleId, "SignOffReport")).isZero();
        assertCompletedOnceBy(signOff.getId(), winner == 0 ? interior : interiorColleague);
    }

    @Test
    void twoMinistriesSigningOffTheirOwnTasksAtOnceBothCount() throws Exception {
        CurrentUser coordinator = users.coordinator(KEN);
        CurrentUser interior = users.ministry(KEN, "INTERIOR");
        CurrentUser labour = users.ministry(KEN, "LABOUR");
        long cycleId = cycles.reachSignOff(coordinator, interior, labour);
        Task interiorTask = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry(KEN, "INTERIOR"));
        Task labourTask = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry(KEN, "LABOUR"));

        // not a conflict: different tasks, but the same round and the same parallel sign-off in the engine
        List<MvcResult> results = raceInInstance(cycles.processInstanceId(cycleId),
                signOff(interiorTask, interior, "approve", ""), signOff(labourTask, labour, "approve", ""));

        assertThat(results).extracting(r -> r.getResponse().getStatus()).containsExactly(302, 302);
        assertThat(decisions(cycleId)).containsExactlyInAnyOrder("1/" + interior.ministryId() + "/APPROVED/",
                "1/" + labour.ministryId() + "/APPROVED/");
        assertThat(auditCount(cycleId, "SIGNOFF_APPROVED")).isEqualTo(2);
        // the round is complete once: one frozen version, one endorsement task
        assertThat(cycles.openTasks(cycleId, "SignOffReport")).isZero();
        assertThat(cycles.openTasks(cycleId, "EndorseFinalReport")).isOne();
        assertThat(cycles.count("select count(*) from report_version where cycle_id = ?", cycleId)).isOne();
    }

    @Test
    void oneClaimsWhileTheOtherCompletes() throws Exception {
        CurrentUser first = users.coordinator(KEN);
        CurrentUser second = users.coordinator(KEN);
        CurrentUser interior = users.ministry(KEN, "INTERIOR");
        long cycleId = cycles.start(first, CycleFixture.uniqueCode());
        Task scope = cycles.task(cycleId, "ScopeReview");

        List<MvcResult> results = race(scope.getId(),
                post("/tasks/" + scope.getId() + "/claim").with(TestUsers.as(first)).with(csrf()),
                cycles.scopeForm(scope.getId(), second, List.of(interior.ministryId()),
                        Map.of(1, interior.ministryId())));

        MvcResult claim = results.get(0);
        MvcResult complete = results.get(1);
        if (claim.getResponse().getStatus() == 302) {
            // the claim came first: the colleague's form is refused, the task stays open and claimed
            assertThat(complete.getResponse().getStatus()).isEqualTo(409);
            assertThat(complete.getResponse().getContentAsString())
                    .contains("This task is claimed by " + first.username());
            assertThat(taskService.createTaskQuery().taskId(scope.getId()).singleResult().getAssignee())
                    .isEqualTo(first.username());
            assertThat(cycles.count("select count(*) from ministry_assignment where cycle_id = ?", cycleId)).isZero();
        } else {
            // the completion came first: there is nothing left to claim
            assertThat(claim.getResponse().getStatus()).isEqualTo(409);
            assertThat(claim.getResponse().getContentAsString()).contains(COMPLETED_BY_OTHER);
            assertThat(complete.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
            assertCompletedOnceBy(scope.getId(), second);
        }
    }

    @Test
    void theLoserIsToldInTheirOwnLanguage() throws Exception {
        CurrentUser first = users.coordinator(KEN);
        CurrentUser second = users.coordinator(KEN);
        CurrentUser interior = users.ministry(KEN, "INTERIOR");
        long cycleId = cycles.start(first, CycleFixture.uniqueCode());
        Task scope = cycles.task(cycleId, "ScopeReview");
        mvc.perform(cycles.scopeForm(scope.getId(), first, List.of(interior.ministryId()),
                Map.of(1, interior.ministryId()))).andReturn();

        Map<Locale, String> expected = Map.of(
                Locale.ENGLISH, COMPLETED_BY_OTHER,
                Locale.FRENCH, "Quelqu’un d’autre vient de terminer cette tâche",
                Locale.forLanguageTag("es"), "Otra persona acaba de completar esta tarea",
                Locale.forLanguageTag("ar"), "أكمل شخص آخر هذه المهمة قبل لحظات");
        for (Map.Entry<Locale, String> language : expected.entrySet()) {
            MvcResult late = mvc.perform(cycles.scopeForm(scope.getId(), second, List.of(interior.ministryId()),
                    Map.of(1, interior.ministryId())).header("Accept-Language", language.getKey().getLanguage()))
                    .andReturn();
            assertThat(late.getResponse().getStatus()).as(language.getKey().toString()).isEqualTo(409);
            assertThat(late.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(language.getValue());
        }
    }

    @Test
    void whoeverCompletedTheTaskThemselvesIsNotToldSomeoneElseDidIt() throws Exception {
        CurrentUser coordinator = users.coordinator(KEN);
        CurrentUser interior = users.ministry(KEN, "INTERIOR");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        Task scope = cycles.task(cycleId, "ScopeReview");
        mvc.perform(cycles.scopeForm(scope.getId(), coordinator, List.of(interior.ministryId()),
                Map.of(1, interior.ministryId()))).andReturn();

        // e.g. the same form sent again from a second tab, or the page reloaded with the back button
        MvcResult again = mvc.perform(cycles.scopeForm(scope.getId(), coordinator, List.of(interior.ministryId()),
                Map.of(1, interior.ministryId()))).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString()).contains("You have already completed this task")
                .doesNotContain(COMPLETED_BY_OTHER);
        assertThat(cycles.count("select count(*) from audit_event where action = 'CYCLE_SCOPED' and subject_id = ?",
                String.valueOf(cycleId))).isOne();
    }

    @Test
    void aCompletedTaskOfAnotherCountryStaysUnknown() throws Exception {
        CurrentUser kenya = users.coordinator(KEN);
        CurrentUser ghana = users.coordinator("GHA");
        CurrentUser interior = users.ministry(KEN, "INTERIOR");
        long cycleId = cycles.start(kenya, CycleFixture.uniqueCode());
        Task scope = cycles.task(cycleId, "ScopeReview");
        mvc.perform(cycles.scopeForm(scope.getId(), kenya, List.of(interior.ministryId()),
                Map.of(1, interior.ministryId()))).andReturn();

        // being told "completed" would confirm that the id is a Kenyan task
        MvcResult fromGhana = mvc.perform(post("/tasks/" + scope.getId()).with(TestUsers.as(ghana)).with(csrf())
                .param("action", "complete")).andReturn();
        assertThat(fromGhana.getResponse().getStatus()).isEqualTo(404);
        assertThat(fromGhana.getResponse().getContentAsString()).doesNotContain("completed this task");
    }

    // ------------------------------------------------------------------------------------------------- the race

    /**
     * Sends both requests at the same moment while a third transaction holds the task's row, lets it go once
     * both requests wait inside the database, and returns their results in the order given.
     */
    List<MvcResult> race(String taskId, MockHttpServletRequestBuilder a, MockHttpServletRequestBuilder b)
            throws Exception {
        return race("select id_ from act_ru_task where id_ = ? for update", taskId, a, b);
    }

    /** The same, but the third transaction holds the process instance (for two different tasks of it). */
    List<MvcResult> raceInInstance(String processInstanceId, MockHttpServletRequestBuilder a,
            MockHttpServletRequestBuilder b) throws Exception {
        return race("select id_ from act_ru_execution where id_ = ? for update", processInstanceId, a, b);
    }

    private List<MvcResult> race(String lockSql, String id, MockHttpServletRequestBuilder a,
            MockHttpServletRequestBuilder b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<MvcResult>> requests = new ArrayList<>();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(lockSql)) {
                lock.setString(1, id);
                try (ResultSet row = lock.executeQuery()) {
                    assertThat(row.next()).as("%s is there to lock", id).isTrue();
                }
            }
            for (MockHttpServletRequestBuilder request : List.of(a, b)) {
                requests.add(threads.submit(() -> {
                    start.await();
                    return mvc.perform(request).andReturn();
                }));
            }
            // both requests are in their transactions and wait: for the blocker's lock, or for the other
            // request's (one that got through without waiting is done; what it answered is checked after)
            await().atMost(Duration.ofSeconds(60)).until(() -> requestsWaitingForALock(blocker)
                    + requests.stream().filter(Future::isDone).count() >= 2);
            blocker.rollback();
        }
        List<MvcResult> results = new ArrayList<>();
        for (Future<MvcResult> request : requests) {
            results.add(request.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    static int requestsWaitingForALock(Connection blocker) throws Exception {
        try (PreparedStatement waiting = blocker.prepareStatement("""
                select count(*) from pg_stat_activity
                 where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'""");
                ResultSet count = waiting.executeQuery()) {
            count.next();
            return count.getInt(1);
        }
    }

    /** One request completed the task (redirect to the inbox with its confirmation); returns its index. */
    static int assertOneWinsAndTheOtherIsToldClearly(List<MvcResult> results) throws Exception {
        List<Integer> statuses = results.stream().map(r -> r.getResponse().getStatus()).toList();
        assertThat(statuses).as("statuses").containsExactlyInAnyOrder(302, 409);
        int winner = statuses.indexOf(302);
        MvcResult won = results.get(winner);
        MvcResult lost = results.get(1 - winner);
        assertThat(won.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        assertThat(won.getFlashMap().get("flash")).as("confirmation").isNotNull();
        assertThat(lost.getResolvedException()).as("what the loser was told")
                .isInstanceOf(org.gcmreview.tasks.TaskConflictException.class);
        String page = lost.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(COMPLETED_BY_OTHER, "Nothing you sent was saved")
                .doesNotContain("Exception", "at org.", "ENGINE-", "act_ru_", "SQL");
        return winner;
    }

    /** The task ended by completion, once, in the winner's name. */
    void assertCompletedOnceBy(String taskId, CurrentUser winner) {
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
        var history = historyService.createHistoricTaskInstanceQuery().taskId(taskId).list();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).getDeleteReason()).isEqualTo("completed");
        assertThat(history.get(0).getAssignee()).isEqualTo(winner.username());
    }

    /** Sent after the task is gone, the same form gets the same answer as the loser of the race. */
    void assertTheLateRequestIsToldTheSame(String taskId, CurrentUser late, MockHttpServletRequestBuilder request)
            throws Exception {
        MvcResult posted = mvc.perform(request).andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(409);
        assertThat(posted.getResponse().getContentAsString()).contains(COMPLETED_BY_OTHER);
        MvcResult opened = mvc.perform(get("/tasks/" + taskId).with(TestUsers.as(late))).andReturn();
        assertThat(opened.getResponse().getStatus()).isEqualTo(409);
        // opening it only reads: it is finished, nothing was lost
        assertThat(opened.getResponse().getContentAsString()).contains("This task is finished: someone else completed it.");
    }

    MockHttpServletRequestBuilder signOff(Task task, CurrentUser user, String action, String reason) {
        return post("/tasks/" + task.getId()).with(TestUsers.as(user)).with(csrf()).param("action", action).param("answerschecked", "yes")
                .param("reason", reason);
    }

    List<String> decisions(long cycleId) {
        return jdbc.sql("select round_no || '/' || ministry_id || '/' || decision || '/' || coalesce(reason, '') "
                + "from signoff_decision where cycle_id = ? order by id").param(cycleId).query(String.class).list();
    }

    int auditCount(long cycleId, String action) {
        return cycles.count("select count(*) from audit_event where action = ? and subject_type = 'signoff_decision' "
                + "and subject_id in (select id::text from signoff_decision where cycle_id = ?)", action, cycleId);
    }
}
