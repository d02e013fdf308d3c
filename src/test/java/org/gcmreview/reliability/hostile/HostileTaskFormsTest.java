package org.gcmreview.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.ApplicationTest;
import org.gcmreview.consultation.ConsultationScenario;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.submission.RoundProcesses;
import org.gcmreview.tasks.TaskForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Hostile input against every task form (POST /tasks/{id}, one case per form key, each task reached the way the
 * application reaches it): no CSRF token, ids nobody was given, bodies that are not forms, not UTF-8 or far too
 * large, markup and SQL in every text field the page renders, path traversal in uploaded file names, and the
 * same completion sent twice. Refusals are a clear 4xx and change no table and no Camunda task or execution.
 */
@ApplicationTest
class HostileTaskFormsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    RoundProcesses roundProcesses;
    @Autowired
    ReportVersions versions;
    @Autowired
    List<TaskForm> forms;
    @Autowired
    HostileFixture f;

    Refusals refusals;

    /**
     * A task of the form, and who may work on it; for forms that complete at once, the page (and its reader)
     * that shows what the form stored.
     */
    record OpenTask(String id, CurrentUser user, String shownOn, CurrentUser reader) {
        OpenTask(String id, CurrentUser user) {
            this(id, user, null, null);
        }

        FormPost post() {
            return FormPost.of("/tasks/" + id, user);
        }
    }

    @FunctionalInterface
    interface Reach {
        OpenTask open(HostileTaskFormsTest test) throws Exception;
    }

    /** How each form's task is reached; a valid completion where the test sends one twice. */
    static final Map<String, Reach> CASES = new LinkedHashMap<>();

    static {
        CASES.put("scope-review", t -> {
            long cycle = t.f.cycles.start(t.f.coordinator(), CycleFixture.uniqueCode());
            return new OpenTask(t.f.cycles.task(cycle, "ScopeReview").getId(), t.f.coordinator());
        });
        CASES.put("draft-contribution", t -> {
            CurrentUser interior = t.interior();
            long cycle = t.f.cycles.start(t.f.coordinator(), CycleFixture.uniqueCode());
            t.mvc.perform(t.f.cycles.scopeForm(t.f.cycles.task(cycle, "ScopeReview").getId(), t.f.coordinator(),
                    List.of(interior.ministryId()), Map.of(1, interior.ministryId()))).andExpect(status().is3xxRedirection());
            return new OpenTask(t.f.cycles.task(cycle, "DraftContribution",
                    CandidateGroups.ministry("KEN", interior.ministryCode())).getId(), interior);
        });
        CASES.put("consolidate-report", t -> {
            long cycle = t.f.cycles.reachConsolidation(t.f.coordinator(), t.interior());
            return new OpenTask(t.f.cycles.task(cycle, "ConsolidateReport").getId(), t.f.coordinator());
        });
        CASES.put("sign-off", t -> {
            CurrentUser interior = t.interior();
            long cycle = t.f.cycles.reachSignOff(t.f.coordinator(), interior);
            return new OpenTask(t.f.cycles.task(cycle, "SignOffReport",
                    CandidateGroups.ministry("KEN", interior.ministryCode())).getId(), interior);
        });
        CASES.put("revise-draft", t -> t.national("ReviseDraftAfterConsultation"));
        CASES.put("revise-requested-sections", t -> t.national("ReviseRequestedSections"));
        CASES.put("endorse-report", t -> t.national("EndorseFinalReport"));
        CASES.put("submit-regional", t -> t.journey().submit);
        CASES.put("review-submission", t -> t.journey().submitted().review);
        CASES.put("answer-clarification", t -> t.journey().submitted().clarify().answer);
        CASES.put("register-imrf-submission", t -> t.journey().submitted().acknowledge().register);
        CASES.put("respond-to-inputs", t -> {
            ConsultationScenario scenario = t.f.consultation();
            t.mvc.perform(FormPost.of("/cycles/" + scenario.cycle.id() + "/consultation/close", scenario.coordinator)
                    .valid()).andExpect(status().is3xxRedirection());
            return new OpenTask(scenario.respondTask().getId(), scenario.coordinator);
        });
        CASES.put("regional-synthesis", t -> {
            String instance = t.roundProcesses.ensureRunning(t.f.reviews.regionalRound("ECA").id());
            return new OpenTask(t.f.reviews.task(instance, "PrepareRegionalSynthesis").getId(), t.f.eca());
        });
        // issue 14: the coordinator's re-planning, choices of a round or edition, publication, and the government's
        // validation (its group is the coordinators' here: no country has one in the fixtures)
        CASES.put("replan-consultation", t -> {
            OpenTask replan = t.national("ReplanConsultation");
            // a plan whose window has passed, as scoping would have stored it (the fixture's cycle skipped scoping)
            t.jdbc.sql("""
                    insert into cycle_plan (cycle_id, drafting_due, reminder_days, consultation_opens,
                                            consultation_closes, sign_off_due, endorsement_due, internal_submission)
                    select cycle_id, current_date - 40, 7, current_date - 30, current_date - 10, current_date + 10,
                           current_date + 20, current_date + 30
                      from (select cast(? as bigint) as cycle_id) c""")
                    .param(t.tasks.getVariable(replan.id(), "cycleId")).update();
            return replan;
        });
        CASES.put("choose-regional-round", t -> t.national("ChooseRegionalRound"));
        CASES.put("choose-imrf-edition", t -> t.national("ChooseImrfEdition"));
        CASES.put("publish-report", t -> t.national("PublishEndorsedReport"));
        CASES.put("validate-report", HostileTaskFormsTest::validation);
        CASES.put("close-imrf-edition", t -> {
            String instance = t.roundProcesses.ensureRunning(t.f.reviews.imrfEdition().id());
            return new OpenTask(t.f.reviews.task(instance, "CloseImrfEdition").getId(), t.imrf());
        });
    }

    /** A valid completion per form, for the replay: the same post sent twice must not complete twice. */
    static final Map<String, Map<String, String>> COMPLETIONS = Map.of(
            "sign-off", Map.of("action", "approve"),
            "review-submission", Map.of("action", "acknowledge"),
            "endorse-report", Map.of("action", "endorse", "note", "Endorsed by the cabinet."),
            "submit-regional", Map.of("confirm", "yes", "action", "submit", "coverNote", "Our report."),
            "respond-to-inputs", Map.of("action", "complete", "reviseDraft", "false"),
            "regional-synthesis", Map.of("confirm", "yes", "note", "Synthesis sent."),
            "close-imrf-edition", Map.of("confirm", "yes", "note", "Edition closed."),
            "register-imrf-submission", Map.of("note", "Registered for the forum."),
            // the scoping form as CycleFixture fills it in (the fields here are only a marker)
            "scope-review", Map.of());

    /** One task per form for the refusals, which must leave it as it was (reused across kinds). */
    private static final Map<String, OpenTask> SHARED = new HashMap<>();
    private CurrentUser interior;
    private CurrentUser imrf;

    @BeforeEach
    void fixture() {
        refusals = new Refusals(mvc, jdbc);
    }

    CurrentUser interior() {
        if (interior == null) {
            interior = f.users.ministry("KEN", "INTERIOR");
        }
        return interior;
    }

    CurrentUser imrf() {
        if (imrf == null) {
            imrf = f.users.imrfSecretariat();
        }
        return imrf;
    }

    @Test
    void everyTaskFormHasACase() {
        Set<String> keys = forms.stream().map(TaskForm::formKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(keys).as("form keys of the TaskForm beans").hasSizeGreaterThanOrEqualTo(14);
        assertThat(CASES.keySet()).as("task forms without a hostile-input case").containsAll(keys);
        assertThat(keys).as("cases for form keys no TaskForm has").containsAll(CASES.keySet());
    }

    @TestFactory
    Stream<DynamicTest> hostileTaskPostsAreRefusedAndChangeNothing() {
        return CASES.keySet().stream().flatMap(this::cases);
    }

    private OpenTask shared(String formKey) throws Exception {
        OpenTask task = SHARED.get(formKey);
        if (task == null || tasks.createTaskQuery().taskId(task.id()).count() == 0) {
            task = CASES.get(formKey).open(this);
            SHARED.put(formKey, task);
        }
        return task;
    }

    private Stream<DynamicTest> cases(String formKey) {
        List<DynamicTest> cases = new ArrayList<>();
        String what = formKey + ": ";
        cases.add(DynamicTest.dynamicTest(what + "the task is reached and its page renders", () -> {
            OpenTask task = shared(formKey);
            mvc.perform(get("/tasks/" + task.id()).with(TestUsers.as(task.user()))).andExpect(status().isOk());
        }));
        cases.add(DynamicTest.dynamicTest(what + "no CSRF token -> 403, saying the form expired",
                () -> assertThat(refusals.expect(what + "no CSRF", withAction(shared(formKey)).withoutCsrf(), 403)
                        .getContentAsString()).contains(Refusals.CSRF_PAGE)));
        cases.add(DynamicTest.dynamicTest(what + "unknown and nonsense task ids -> 404", () -> {
            FormPost post = withAction(shared(formKey));
            for (String id : List.of(UUID.randomUUID().toString(), "999999", HostileEndpoints.NONSENSE)) {
                refusals.expect(what + "task " + id, post.at("/tasks/" + id).valid(), 404);
            }
        }));
        cases.add(DynamicTest.dynamicTest(what + "JSON and text bodies -> 415", () -> {
            refusals.expect(what + "JSON", withAction(shared(formKey)).asJson(), 415);
            refusals.expect(what + "text", withAction(shared(formKey)).asText(), 415);
        }));
        cases.add(DynamicTest.dynamicTest(what + "bytes that are not UTF-8 -> 400", () -> {
            refusals.expect(what + "malformed UTF-8", withAction(shared(formKey)).malformedUtf8("note"), 400);
            refusals.expect(what + "raw invalid bytes", withAction(shared(formKey)).rawInvalidBytes("note"), 400);
        }));
        cases.add(DynamicTest.dynamicTest(what + "3 MB body -> 413", () -> refusals.expect(what + "oversized",
                withAction(shared(formKey)).oversized("note"), 413)));
        cases.add(DynamicTest.dynamicTest(what + "markup and SQL in every text field -> refused, or stored verbatim "
                + "and shown escaped", () -> markupAndSql(formKey)));
        cases.add(DynamicTest.dynamicTest(what + "path traversal in an uploaded file name -> refused or neutralised",
                () -> traversal(formKey)));
        if (COMPLETIONS.containsKey(formKey)) {
            cases.add(DynamicTest.dynamicTest(what + "the same completion twice -> the second is refused",
                    () -> replay(formKey)));
        }
        return cases.stream();
    }

    /** The task's own page: what the form renders and would send back. */
    private TaskPage page(OpenTask task) throws Exception {
        String html = mvc.perform(get("/tasks/" + task.id()).with(TestUsers.as(task.user())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return TaskPage.of(html);
    }

    private FormPost withAction(OpenTask task) throws Exception {
        TaskPage page = page(task);
        FormPost post = task.post();
        page.hidden().forEach((name, values) -> values.forEach(v -> post.field(name, v)));
        if (!page.actions().isEmpty()) {
            post.field("action", page.actions().get(0));
        }
        return post;
    }

    private void markupAndSql(String formKey) throws Exception {
        OpenTask task = CASES.get(formKey).open(this);
        TaskPage page = page(task);
        PayloadCheck check = new PayloadCheck(mvc, jdbc, refusals);
        FormPost post = task.post();
        page.hidden().forEach((name, values) -> values.forEach(v -> post.field(name, v)));
        if (page.keepOpenAction() != null) {
            post.field("action", page.keepOpenAction());
        }
        page.textFields().forEach(name -> post.field(name, check.payload));
        String instance = tasks.createTaskQuery().taskId(task.id()).singleResult().getProcessInstanceId();
        MockHttpServletResponse response = check.send(formKey, post.valid());
        boolean open = tasks.createTaskQuery().taskId(task.id()).count() == 1;
        if (!open) {
            // the process moves on asynchronously (e.g. the answer goes back to the round): let it, as the job
            // executor would
            management.createJobQuery().processInstanceId(instance).executable().list()
                    .forEach(job -> management.executeJob(job.getId()));
        }
        if (response.getStatus() < 400 && check.storedVerbatim()) {
            assertThat(open || task.shownOn() != null)
                    .as("%s: completed with the payload, and no page known to show it", formKey).isTrue();
            check.shownEscaped(formKey, open ? get("/tasks/" + task.id()).with(TestUsers.as(task.user()))
                    : get(task.shownOn()).with(TestUsers.as(task.reader())));
        } else if (response.getStatus() < 400) {
            assertThat(tasks.createTaskQuery().taskId(task.id()).count())
                    .as("%s: a post without a completing action completed the task", formKey).isOne();
        }
    }

    private void traversal(String formKey) throws Exception {
        OpenTask task = CASES.get(formKey).open(this);
        TaskPage page = page(task);
        FormPost post = task.post();
        page.hidden().forEach((name, values) -> values.forEach(v -> post.field(name, v)));
        if (page.keepOpenAction() != null) {
            post.field("action", page.keepOpenAction());
        }
        String field = page.fileFields().isEmpty() ? "evidence" : page.fileFields().get(0);
        for (String name : List.of("../../etc/passwd.png", "..\\..\\windows\\win.ini.png", "/etc/passwd.png")) {
            MockMultipartFile file = new MockMultipartFile(field, name, "image/png", HostileFixture.png());
            int before = attachmentCount();
            DatabaseSnapshot snapshot = DatabaseSnapshot.take(jdbc);
            MockHttpServletResponse response = mvc.perform(post.withFile(file)).andReturn().getResponse();
            assertThat(response.getStatus()).as("%s: upload named %s (body %s)", formKey, name,
                    Refusals.abbreviated(response)).isLessThan(500).isNotEqualTo(403);
            if (response.getStatus() >= 400) {
                refusals.assertClear(formKey + " upload " + name, response);
                assertThat(snapshot.differences(DatabaseSnapshot.take(jdbc))).as("%s: refused upload %s", formKey, name)
                        .isEmpty();
            } else if (!page.fileFields().isEmpty()) {
                // a form that takes evidence saved the post: the file was taken, under its last name segment
                assertThat(attachmentCount()).as("%s: file %s taken with the saved form", formKey, name)
                        .isEqualTo(before + 1);
                String stored = jdbc.sql("select file_name from attachment order by id desc limit 1")
                        .query(String.class).single();
                assertThat(stored).as("%s: stored name of %s", formKey, name).doesNotContain("/", "\\", "..")
                        .endsWith(".png");
            }
        }
    }

    private void replay(String formKey) throws Exception {
        OpenTask task = CASES.get(formKey).open(this);
        FormPost post = task.post();
        page(task).hidden().forEach((name, values) -> values.forEach(v -> post.field(name, v)));
        COMPLETIONS.get(formKey).forEach(post::field);
        MockHttpServletRequestBuilder completion = "scope-review".equals(formKey)
                ? f.cycles.scopeForm(task.id(), task.user(), List.of(interior().ministryId()),
                        Map.of(1, interior().ministryId()))
                : post.valid();
        mvc.perform(completion).andExpect(status().is3xxRedirection());
        assertThat(tasks.createTaskQuery().taskId(task.id()).count()).as("%s: completed", formKey).isZero();
        refusals.expect(formKey + " sent again", completion, 404, 409);
    }

    private int attachmentCount() {
        return jdbc.sql("select count(*) from attachment").query(Integer.class).single();
    }

    // ---------------------------------------------------------------------------------------- reaching tasks

    private OpenTask national(String activity) {
        ReviewCycle cycle = f.reviews.cycle(f.coordinator());
        ReportVersion version = versions.freeze(cycle.id());
        ProcessInstance instance = f.reviews.nationalReviewAt(cycle, activity);
        // what FreezeReportVersion leaves for the endorsement
        runtime.setVariable(instance.getId(), "reportVersionId", version.id());
        return new OpenTask(f.reviews.task(instance.getId(), activity).getId(), f.coordinator());
    }

    private OpenTask validation() {
        ReviewCycle cycle = f.reviews.cycle(f.coordinator());
        ReportVersion version = versions.freeze(cycle.id());
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        ProcessInstance instance = f.reviews.nationalReviewAt(cycle, "ValidateReport", Map.of(
                "governmentGroup", CandidateGroups.coordinator(cycle.countryIso3()), "reportVersionId", version.id()));
        return new OpenTask(f.reviews.task(instance.getId(), "ValidateReport").getId(), f.coordinator());
    }

    private Journey journey() throws Exception {
        return new Journey();
    }

    /** A Kenyan report on its way to the ECA round and the IMRF edition, moved on through the real forms. */
    final class Journey {
        final ReviewRound round = f.reviews.regionalRound("ECA");
        final ReviewCycle cycle = f.reviews.attach(f.reviews.cycle(f.coordinator()), round, f.reviews.imrfEdition());
        final ReportVersion version = versions.freeze(cycle.id());
        final ProcessInstance national = f.reviews.nationalReviewAt(cycle, "SubmitToRegionalReview");
        final OpenTask submit = new OpenTask(f.reviews.task(national.getId(), "SubmitToRegionalReview").getId(),
                f.coordinator());
        OpenTask review;
        OpenTask answer;
        OpenTask register;

        Journey() throws Exception {
        }

        Journey submitted() throws Exception {
            mvc.perform(submit.post().field("versionId", String.valueOf(version.id())).field("coverNote", "Our report.")
                    .field("confirm", "yes").field("action", "submit").valid()).andExpect(status().is3xxRedirection());
            f.reviews.runJob(national.getId(), "SendToRegionalReview");
            review = new OpenTask(f.reviews.task(f.reviews.roundInstance(round), "ReviewSubmission").getId(), f.eca());
            return this;
        }

        Journey clarify() throws Exception {
            mvc.perform(review.post().field("action", "clarify").field("message", "Figures for objective 2, please.")
                    .valid()).andExpect(status().is3xxRedirection());
            f.reviews.runJob(f.reviews.roundInstance(round), "RequestClarification");
            // an answer that changes sections goes back to sign-off and is sent only once endorsed (issue 14.4):
            // what it stored is the first revision of the sections it changed (this journey's report had none), the
            // first objective's among them
            long firstObjective = jdbc.sql("select min(id) from report_section where cycle_id = ? and kind = 'OBJECTIVE'")
                    .param(cycle.id()).query(Long.class).single();
            answer = new OpenTask(f.reviews.task(national.getId(), "AnswerClarification").getId(), f.coordinator(),
                    "/cycles/" + cycle.id() + "/sections/" + firstObjective + "/diff?from=1&to=1", f.coordinator());
            return this;
        }

        Journey acknowledge() throws Exception {
            mvc.perform(review.post().field("action", "acknowledge").valid()).andExpect(status().is3xxRedirection());
            f.reviews.runJob(f.reviews.roundInstance(round), "AcknowledgeSubmission");
            f.reviews.runJob(national.getId(), "SendToImrf");
            String edition = jdbc.sql("select process_instance_id from review_round where id = ?")
                    .param(cycle.imrfRoundId()).query(String.class).single();
            register = new OpenTask(f.reviews.task(edition, "RegisterImrfSubmission").getId(), imrf(),
                    "/secretariat/cycles/" + cycle.id(), imrf());
            return this;
        }
    }
}
