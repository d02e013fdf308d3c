package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.ApplicationTest;
import org.gcmreview.consultation.ConsultationScenario;
import org.gcmreview.consultation.ConsultationScenarios;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.RoundProcesses;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.Submissions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Pages are valid HTML: the pages of each role, with data on them, as their users see them (the public pages,
 * the coordinator's cycle and its task forms up to a full-size report of 23 objectives, the ministries' forms,
 * the secretariats' workspace, the administration, two-factor sign-in, error pages and forms sent back with
 * errors), each checked by the Nu HTML Checker ({@link NuHtmlChecker}). One test per page, named by it; a failure
 * lists every error with its line. The pages are rendered first, in one go (each step of a cycle ends the task
 * before it), then checked.
 */
@ApplicationTest
class ValidHtmlTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;
    @Autowired
    ReviewFixtures fixtures;
    @Autowired
    ReportVersions versions;
    @Autowired
    Submissions submissions;
    @Autowired
    ConsultationScenarios scenarios;
    @Autowired
    RoundProcesses roundProcesses;
    @Autowired
    PasswordEncoder encoder;

    private final List<Page> pages = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyPageIsValidHtml() throws Exception {
        publicPages();
        coordinatorPages();
        taskForms();
        secretariatPages();
        administrationPages();
        accountPages();
        errorPages();
        NuHtmlChecker checker = new NuHtmlChecker();
        return pages.stream().map(page -> dynamicTest(page.name(), () -> {
            assertThat(page.status()).as("status of %s", page.name()).isEqualTo(page.expectedStatus());
            assertThat(page.html()).as("%s", page.name()).contains(page.shows());
            assertThat(checker.errors(page.html())).as("HTML errors in %s", page.name()).isEmpty();
        }));
    }

    private void publicPages() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        ReviewCycle published = fixtures.cycle(coordinator);
        versions.freeze(published.id());
        fixtures.endorseLatest(published);
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?")
                .param(published.id()).update();

        ConsultationScenario open = scenarios.open();
        CurrentUser stakeholder = open.stakeholder();
        mvc.perform(open.input(stakeholder, "objective:1", "An input on objective 1."));
        ConsultationScenario closed = scenarios.open();
        mvc.perform(closed.input(closed.stakeholder(), "objective:2", "An input on objective 2."));
        mvc.perform(post("/cycles/" + closed.cycle.id() + "/consultation/close").with(as(closed.coordinator))
                .with(csrf())).andExpect(status().is3xxRedirection());

        render("login", get("/login"));
        render("home, signed out", get("/"));
        render("home, coordinator", get("/").with(as(coordinator)));
        render("reference: objectives", get("/reference/objectives"));
        render("reference: principles", get("/reference/principles"));
        render("published reports", get("/published"));
        render("a published report", get("/published/" + published.businessKey()));
        render("consultations", get("/consultations"));
        render("an open consultation, signed out", get("/consultations/" + open.cycle.businessKey()));
        render("an open consultation, stakeholder",
                get("/consultations/" + open.cycle.businessKey()).with(as(stakeholder)));
        render("what we heard, open consultation",
                get("/consultations/" + open.cycle.businessKey() + "/what-we-heard"));
        render("what we heard, closed consultation",
                get("/consultations/" + closed.cycle.businessKey() + "/what-we-heard"));
        render("my consultations (stakeholder)", get("/my-consultations").with(as(stakeholder)));
        render("organisation registration", get("/organisations/register"));
        render("forgotten password", get("/password/forgotten"));

        // the published cycle's own pages: its translations, and a republication (none waits: the page says so)
        render("translations", get("/cycles/" + published.id() + "/translations").with(as(coordinator)), 200,
                "id=\"translation-form\"");
        renderWithErrors("translations with errors", post("/cycles/" + published.id() + "/translations")
                .param("language", "").with(as(coordinator)).with(csrf()));
        render("republication", get("/cycles/" + published.id() + "/publication").with(as(coordinator)), 200,
                "id=\"version\"");
        renderWithErrors("republication with errors", post("/cycles/" + published.id() + "/publication")
                .with(as(coordinator)).with(csrf()));

        render("consultation steering", get("/cycles/" + open.cycle.id() + "/consultation").with(as(open.coordinator)));
        render("consultation inputs", get("/cycles/" + open.cycle.id() + "/consultation/inputs")
                .with(as(open.coordinator)));
        render("respond to inputs (task)", get("/tasks/" + closed.respondTask().getId()).with(as(closed.coordinator)));
    }

    private void coordinatorPages() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser ministry = users.ministry("KEN", "INTERIOR");
        ReviewRound round = fixtures.regionalRound("ECA");
        ReviewCycle cycle = fixtures.attach(fixtures.cycle(coordinator), round, fixtures.imrfEdition());
        jdbc.sql("""
                insert into cycle_plan (cycle_id, drafting_due, reminder_days, consultation_opens,
                                        consultation_closes, sign_off_due, endorsement_due, internal_submission)
                values (?, current_date + 10, 7, current_date + 12, current_date + 30, current_date + 44,
                        current_date + 58, current_date + 65) on conflict do nothing""").param(cycle.id()).update();
        jdbc.sql("""
                insert into notice (user_id, kind, message_key, arguments, link)
                values (?, 'DUE_SOON', 'cycle.mail.signOffReminder.subject',
                        array['Ministry', ?, 'date:2027-02-26'], '/tasks')""")
                .params(coordinator.id(), cycle.businessKey()).update();
        long section = jdbc.sql("select id from report_section where cycle_id = ? order by position limit 1")
                .param(cycle.id()).query(Long.class).single();

        users.pending("KEN");
        // a thread with a reply, and one resolved
        String comments = "/cycles/" + cycle.id() + "/sections/" + section + "/comments";
        mvc.perform(post(comments).param("body", "Please add the 2025 figures.").with(as(coordinator)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(comments).param("body", "The second paragraph repeats the first.").with(as(coordinator))
                .with(csrf())).andExpect(status().is3xxRedirection());
        List<Long> opened = jdbc.sql("select id from report_comment where section_id = ? and parent_id is null order by id")
                .param(section).query(Long.class).list();
        mvc.perform(post("/cycles/" + cycle.id() + "/comments/" + opened.get(0) + "/replies")
                .param("body", "Added them.").with(as(coordinator)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/cycles/" + cycle.id() + "/comments/" + opened.get(1) + "/resolve").with(as(coordinator))
                .with(csrf())).andExpect(status().is3xxRedirection());

        render("task list (coordinator)", get("/tasks").with(as(coordinator)));
        render("task list (ministry)", get("/tasks").with(as(ministry)));
        render("cycles", get("/cycles").with(as(coordinator)));
        render("a cycle (coordinator)", get("/cycles/" + cycle.id()).with(as(coordinator)));
        render("a cycle (ministry)", get("/cycles/" + cycle.id()).with(as(ministry)));
        render("plan", get("/cycles/" + cycle.id() + "/plan").with(as(coordinator)));
        render("ministry tasks", get("/cycles/" + cycle.id() + "/ministry-tasks").with(as(coordinator)));
        render("proceed without", get("/cycles/" + cycle.id() + "/proceed-without").with(as(coordinator)));
        render("contributing ministries", get("/cycles/" + cycle.id() + "/contributing-ministries")
                .with(as(coordinator)));
        render("follow-ups", get("/cycles/" + cycle.id() + "/follow-ups").with(as(coordinator)));
        render("withdraw", get("/cycles/" + cycle.id() + "/withdraw").with(as(coordinator)));
        render("section history", get("/cycles/" + cycle.id() + "/sections/" + section + "/history")
                .with(as(coordinator)));
        render("comments", get(comments).with(as(coordinator)), 200, "Added them.");
        renderWithErrors("comments, a reply with errors", post("/cycles/" + cycle.id() + "/comments/" + opened.get(0)
                + "/replies").param("body", "").with(as(coordinator)).with(csrf()));
        render("notices", get("/notices").with(as(coordinator)));
        render("notice settings", get("/notices/settings").with(as(coordinator)));
        render("out of office", get("/account/out-of-office").with(as(coordinator)));
        render("ministries", get("/country/ministries").with(as(coordinator)));
        render("focal points", get("/country/focal-points").with(as(coordinator)));
        render("country two-factor", get("/country/two-factor").with(as(coordinator)));
        render("country pending accounts", get("/country/pending-accounts").with(as(coordinator)), 200,
                "class=\"card\"");
        render("organisations", get("/organisations").with(as(coordinator)));
        // a form sent back: the error summary and the fields' errors
        renderWithErrors("new cycle with errors", post("/cycles").param("code", "").param("title", "")
                .with(as(coordinator)).with(csrf()));
    }

    private void taskForms() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        CurrentUser labour = users.ministry("KEN", "LABOUR");

        long scoping = cycles.start(coordinator, CycleFixture.uniqueCode());
        String scopeTask = cycles.task(scoping, "ScopeReview").getId();
        render("scoping (task)", get("/tasks/" + scopeTask).with(as(coordinator)));
        renderWithErrors("scoping with errors (task)", post("/tasks/" + scopeTask).param("action", "complete")
                .with(as(coordinator)).with(csrf()));

        // the whole report: 23 objectives, each with a lead and a contributing ministry
        long full = cycles.startFullReport(coordinator, List.of(interior, labour));
        String drafting = cycles.task(full, "DraftContribution", CandidateGroups.ministry("KEN", "INTERIOR")).getId();
        render("drafting, 23 objectives (task)", get("/tasks/" + drafting).with(as(interior)));
        render("drafting, check answers (task)", get("/tasks/" + drafting).param("check", "1").with(as(interior)));
        render("Word upload", get("/tasks/" + drafting + "/word").with(as(interior)), 200, "id=\"word-download\"");
        renderWithErrors("Word upload with errors", multipart("/tasks/" + drafting + "/word")
                .file(new MockMultipartFile("file", "notes.docx", DOCX, "not a Word file".getBytes(StandardCharsets.UTF_8)))
                .with(as(interior)).with(csrf()));
        byte[] contribution = mvc.perform(get("/cycles/" + full + "/ministries/" + interior.ministryId()
                + "/contribution.docx").with(as(interior))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        String preview = mvc.perform(multipart("/tasks/" + drafting + "/word")
                        .file(new MockMultipartFile("file", "contribution.docx", DOCX, edited(contribution)))
                        .with(as(interior)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        render("Word preview", get(preview).with(as(interior)), 200, "<ins>");
        cycles.submitContributions(full, interior, "Contribution of the interior ministry.");
        cycles.submitContributions(full, labour, "Contribution of the labour ministry.");
        String consolidation = cycles.task(full, "ConsolidateReport").getId();
        long objectiveSection = jdbc.sql("""
                select id from report_section where cycle_id = ? and kind = 'OBJECTIVE' order by position limit 1""")
                .param(full).query(Long.class).single();
        render("report editor, 23 objectives (consolidation task)", get("/tasks/" + consolidation)
                .with(as(coordinator)));
        render("report editor, one section (consolidation task)", get("/tasks/" + consolidation)
                .param("section", String.valueOf(objectiveSection)).with(as(coordinator)));
        render("report editor, check answers (consolidation task)", get("/tasks/" + consolidation)
                .param("check", "1").with(as(coordinator)));

        long signOff = cycles.reachSignOff(coordinator, interior, labour);
        render("sign-off (task)", get("/tasks/" + cycles.task(signOff, "SignOffReport",
                CandidateGroups.ministry("KEN", "INTERIOR")).getId()).with(as(interior)));

        // the national review's later steps, each reached as the process reaches it (FreezeReportVersion's version)
        for (String activity : List.of("ReviseDraftAfterConsultation", "ReviseRequestedSections", "EndorseFinalReport",
                "PublishEndorsedReport", "SubmitToRegionalReview", "ChooseRegionalRound", "ChooseImrfEdition")) {
            render(activity + " (task)", get("/tasks/" + nationalTask(coordinator, activity, Map.of()))
                    .with(as(coordinator)));
        }
        // the government's validation: its group is the coordinators' here (no country has one in the fixtures)
        render("ValidateReport (task)", get("/tasks/" + nationalTask(coordinator, "ValidateReport",
                Map.of("governmentGroup", CandidateGroups.coordinator("KEN")))).with(as(coordinator)));
        // the consultation's window passed before it opened: the coordinator re-plans it
        ReviewCycle late = fixtures.cycle(coordinator);
        ProcessInstance replanning = fixtures.nationalReviewAt(late, "ReplanConsultation");
        jdbc.sql("""
                insert into cycle_plan (cycle_id, drafting_due, reminder_days, consultation_opens,
                                        consultation_closes, sign_off_due, endorsement_due, internal_submission)
                values (?, current_date - 40, 7, current_date - 30, current_date - 10, current_date + 10,
                        current_date + 20, current_date + 30)""").param(late.id()).update();
        String replan = fixtures.task(replanning.getId(), "ReplanConsultation").getId();
        render("re-plan the consultation (task)", get("/tasks/" + replan).with(as(coordinator)), 200,
                "id=\"replan-why\"");
        renderWithErrors("re-plan the consultation with errors (task)", post("/tasks/" + replan)
                .param("action", "complete").param("consultationOpens", "").param("consultationCloses", "")
                .with(as(coordinator)).with(csrf()));

        // a report sent to its regional round: the secretariat's review, and the coordinator's answer to its question
        CurrentUser eca = users.regionalSecretariat("ECA");
        SentReport sent = sentToRegionalReview(coordinator);
        render("review a submission (task)", get("/tasks/" + sent.review()).with(as(eca)));
        mvc.perform(post("/tasks/" + sent.review()).with(as(eca)).with(csrf()).param("action", "clarify")
                .param("message", "Figures for objective 2, please.")).andExpect(status().is3xxRedirection());
        fixtures.runJob(fixtures.roundInstance(sent.round()), "RequestClarification");
        render("answer a clarification (task)", get("/tasks/" + fixtures.task(sent.national().getId(),
                "AnswerClarification").getId()).with(as(coordinator)));
        // another, acknowledged: the IMRF secretariat registers it for the forum
        SentReport acknowledged = sentToRegionalReview(coordinator);
        mvc.perform(post("/tasks/" + acknowledged.review()).with(as(eca)).with(csrf()).param("action", "acknowledge"))
                .andExpect(status().is3xxRedirection());
        fixtures.runJob(fixtures.roundInstance(acknowledged.round()), "AcknowledgeSubmission");
        fixtures.runJob(acknowledged.national().getId(), "SendToImrf");
        String forum = jdbc.sql("select process_instance_id from review_round where id = ?")
                .param(acknowledged.cycle().imrfRoundId()).query(String.class).single();
        render("register an IMRF submission (task)", get("/tasks/" + fixtures.task(forum, "RegisterImrfSubmission")
                .getId()).with(as(users.imrfSecretariat())), 200, "id=\"version-sha256\"");

        String imrfEdition = roundProcesses.ensureRunning(fixtures.imrfEdition().id());
        render("close an IMRF edition (task)", get("/tasks/" + fixtures.task(imrfEdition, "CloseImrfEdition").getId())
                .with(as(users.imrfSecretariat())));
    }

    /** A report the coordinator sent to a new regional round, waiting for the secretariat's review there. */
    private record SentReport(ReviewRound round, ReviewCycle cycle, ProcessInstance national, String review) {
    }

    private SentReport sentToRegionalReview(CurrentUser coordinator) throws Exception {
        ReviewRound round = fixtures.regionalRound("ECA");
        ReviewCycle cycle = fixtures.attach(fixtures.cycle(coordinator), round, fixtures.imrfEdition());
        ReportVersion version = versions.freeze(cycle.id());
        ProcessInstance national = fixtures.nationalReviewAt(cycle, "SubmitToRegionalReview");
        mvc.perform(post("/tasks/" + fixtures.task(national.getId(), "SubmitToRegionalReview").getId())
                .with(as(coordinator)).with(csrf()).param("versionId", String.valueOf(version.id()))
                .param("coverNote", "Our report.").param("confirm", "yes").param("action", "submit"))
                .andExpect(status().is3xxRedirection());
        fixtures.runJob(national.getId(), "SendToRegionalReview");
        return new SentReport(round, cycle, national,
                fixtures.task(fixtures.roundInstance(round), "ReviewSubmission").getId());
    }

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /**
     * The contribution as downloaded, with the first objective's narrative (under its second field heading, after
     * the status) retyped, as a ministry would.
     */
    private static byte[] edited(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<XWPFParagraph> paragraphs = document.getParagraphs();
            List<Integer> headings = new ArrayList<>();
            for (int i = 0; headings.size() < 2; i++) {
                if ("Heading2".equals(paragraphs.get(i).getStyle())) {
                    headings.add(i);
                }
            }
            XWPFParagraph narrative = paragraphs.get(headings.get(1) + 1);
            while (narrative.getRuns().size() > 1) {
                narrative.removeRun(1);
            }
            XWPFRun run = narrative.getRuns().isEmpty() ? narrative.createRun() : narrative.getRuns().get(0);
            run.setText("A new office opened in 2026.", 0);
            document.write(out);
            return out.toByteArray();
        }
    }

    /** A cycle of the coordinator's country, frozen and endorsed, its national review waiting at the activity. */
    private String nationalTask(CurrentUser coordinator, String activity, Map<String, Object> variables) {
        ReviewCycle cycle = fixtures.attach(fixtures.cycle(coordinator), fixtures.regionalRound("ECA"),
                fixtures.imrfEdition());
        ReportVersion version = versions.freeze(cycle.id());
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        Map<String, Object> start = new HashMap<>(variables);
        start.put("reportVersionId", version.id());
        ProcessInstance national = fixtures.nationalReviewAt(cycle, activity, start);
        return fixtures.task(national.getId(), activity).getId();
    }

    private void secretariatPages() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser eca = users.regionalSecretariat("ECA");
        CurrentUser imrf = users.imrfSecretariat();
        ReviewRound round = fixtures.regionalRound("ECA");
        ReviewRound edition = fixtures.imrfEdition();
        ReviewCycle cycle = fixtures.attach(fixtures.cycle(coordinator), round, edition);
        ReportVersion version = versions.freeze(cycle.id());
        submissions.insert(cycle.id(), round.id(), version.id(), RoundKind.REGIONAL, "Our report.", coordinator.id(),
                null);
        submissions.insert(cycle.id(), edition.id(), version.id(), RoundKind.IMRF, "Our report.", coordinator.id(),
                null);
        ReviewFixtures.RoundWithSubmission running = fixtures.roundWithSubmission(coordinator, "ECA");

        render("secretariat workspace", get("/secretariat").with(as(eca)));
        render("secretariat workspace, a round", get("/secretariat").param("round", round.code()).with(as(eca)));
        render("secretariat: a cycle", get("/secretariat/cycles/" + cycle.id()).with(as(eca)));
        render("synthesis", get("/secretariat/synthesis").param("round", round.code()).with(as(eca)));
        render("secretariat tokens", get("/secretariat/tokens").with(as(eca)));
        render("IMRF workspace, an edition", get("/secretariat").param("round", edition.code()).with(as(imrf)));
        render("regional synthesis (task)", get("/tasks/" + running.synthesis().getId()).with(as(eca)));
    }

    private void administrationPages() throws Exception {
        CurrentUser admin = users.admin();
        users.pending("KEN");
        ReviewRound round = fixtures.regionalRound("ECA");
        jdbc.sql("""
                insert into mail_outbox (recipients, subject, body, status, attempts, last_error)
                values (array['nobody@example.org'], 'Reminder', 'Text', 'FAILED', 40, 'Connection refused')""")
                .update();
        render("accounts", get("/admin/accounts").with(as(admin)));
        render("incidents", get("/admin/incidents").with(as(admin)));
        render("failed mails", get("/admin/notices").with(as(admin)));
        render("pending accounts", get("/admin/pending-accounts").with(as(admin)));
        render("rounds", get("/admin/rounds").with(as(admin)));
        render("new round", get("/admin/rounds/new").with(as(admin)));
        render("edit round", get("/admin/rounds/" + round.id() + "/edit").with(as(admin)));
        render("two-factor by country", get("/admin/two-factor").with(as(admin)));
        render("withdrawn cycles", get("/admin/withdrawn-cycles").with(as(admin)));
        render("government validation (admin)", get("/admin/government-validation").with(as(admin)));
    }

    /** Two-factor sign-in (setting it up, and the code step of signing in) and an account waiting for approval. */
    private void accountPages() throws Exception {
        CurrentUser newcomer = users.coordinator("KEN");
        render("two-factor, off", get("/account/two-factor").with(as(newcomer)));
        render("two-factor, set-up", post("/account/two-factor/enrolment").with(as(newcomer)).with(csrf()), 200,
                "id=\"secret\"");
        render("two-factor, set-up with a wrong code", post("/account/two-factor/confirmation").param("code", "12")
                .with(as(newcomer)).with(csrf()), 400, "id=\"code-error\"");

        String password = "Heron-Lantern-5820-valid";
        CurrentUser enrolled = users.withPasswordHash(users.coordinator("KEN"), encoder.encode(password));
        jdbc.sql("insert into totp_credential (user_id, secret, confirmed_at) values (?, 'JBSWY3DPEHPK3PXP', now())")
                .param(enrolled.id()).update();
        render("two-factor, on", get("/account/two-factor").with(as(enrolled)), 200, "id=\"renew-code\"");
        render("two-factor, on, a wrong code", post("/account/two-factor/recovery-codes").param("code", "12")
                .with(as(enrolled)).with(csrf()), 400, "id=\"two-factor-error\"");
        MockHttpSession halfway = (MockHttpSession) mvc.perform(post("/login").param("username", enrolled.username())
                        .param("password", password).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
        render("sign-in, the code", get("/login/code").session(halfway), 200, "autocomplete=\"one-time-code\"");
        render("sign-in, a wrong code", post("/login/code").param("code", "12").session(halfway).with(csrf()), 400,
                "id=\"code-error\"");

        CurrentUser pending = users.pending("KEN");
        render("an account waiting for approval", get("/account/pending").with(as(pending)), 200,
                "waits for approval");
        render("pending accounts, an approval with errors", post("/admin/pending-accounts/" + pending.id())
                .with(as(users.admin())).with(csrf()), 400, "class=\"error\"");
    }

    private void errorPages() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        // MockMvc does not forward to /error itself: it is called as the servlet container would
        render("404, signed out", error(404, "/no/such/page"), 404);
        render("404, coordinator", error(404, "/no/such/page").with(as(coordinator)), 404);
        render("403, coordinator", error(403, "/admin/accounts").with(as(coordinator)), 403);
        render("500", error(500, "/tasks"), 500);
    }

    private static MockHttpServletRequestBuilder error(int status, String uri) {
        return get("/error").requestAttr("jakarta.servlet.error.status_code", status)
                .requestAttr("jakarta.servlet.error.request_uri", uri).accept(MediaType.TEXT_HTML);
    }

    private void render(String name, MockHttpServletRequestBuilder request) throws Exception {
        render(name, request, 200);
    }

    private void render(String name, MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        render(name, request, expectedStatus, "</html>");
    }

    /** A form sent back to be corrected: the error summary at the top and each field's error. */
    private void renderWithErrors(String name, MockHttpServletRequestBuilder request) throws Exception {
        render(name, request, 400, "id=\"error-summary\"");
    }

    private void render(String name, MockHttpServletRequestBuilder request, int expectedStatus, String shows)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        pages.add(new Page(name, response.getStatus(), expectedStatus, shows,
                response.getContentAsString(StandardCharsets.UTF_8)));
    }

    /** A page as rendered, and what it should be: its status and a piece of it that shows it is that page. */
    private record Page(String name, int status, int expectedStatus, String shows, String html) {
    }
}
