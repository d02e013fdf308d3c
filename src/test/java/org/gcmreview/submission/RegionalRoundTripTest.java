package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A national report through the regional review and the IMRF to publication, through the real processes and
 * the task forms: submission, a clarification answered with a revised second version (the first kept and its
 * submission superseded), acknowledgement, IMRF registration, publication and closing the round. Access rules
 * are checked on the way, where the data exists.
 */
@ApplicationTest
class RegionalRoundTripTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewCycles cycles;
    @Autowired
    ReportVersions versions;
    @Autowired
    Submissions submissions;
    @Autowired
    RoundProcesses roundProcesses;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    CurrentUser coordinator;
    CurrentUser eca;
    CurrentUser escap;
    CurrentUser imrf;
    ReviewRound round;
    ReviewRound edition;
    ReviewCycle cycle;

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
        eca = users.regionalSecretariat("ECA");
        escap = users.regionalSecretariat("ESCAP");
        imrf = users.imrfSecretariat();
        round = fixtures.regionalRound("ECA");
        edition = fixtures.imrfEdition();
        cycle = fixtures.attach(fixtures.cycle(coordinator), round, edition);
    }

    @Test
    void aReportGoesThroughClarificationAcknowledgementImrfAndPublication() throws Exception {
        ReportVersion first = versions.freeze(cycle.id());
        // from the first endorsement on, publication and the hand-over go their own ways (issue 14.3)
        ProcessInstance national = fixtures.nationalReviewAt(cycle, "PublicationAndHandoverFork");

        // the coordinator sees exactly what is submitted, and must confirm it
        Task submit = fixtures.task(national.getId(), "SubmitToRegionalReview");
        mvc.perform(get("/tasks/" + submit.getId()).with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(first.sha256())))
                .andExpect(content().string(containsString(round.name())));
        mvc.perform(post("/tasks/" + submit.getId()).with(as(coordinator)).with(csrf())
                        .param("versionId", String.valueOf(first.id())).param("coverNote", "Our first report.")
                        .param("action", "submit").param("answerschecked", "yes"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Please confirm")));
        mvc.perform(post("/tasks/" + submit.getId()).with(as(coordinator)).with(csrf())
                        .param("versionId", String.valueOf(first.id())).param("coverNote", "Our first report.")
                        .param("confirm", "yes").param("action", "submit").param("answerschecked", "yes"))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJob(national.getId(), "SendToRegionalReview");

        Submission firstSubmission = submissions.latest(cycle.id(), RoundKind.REGIONAL).orElseThrow();
        assertThat(firstSubmission.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(firstSubmission.reportVersionId()).isEqualTo(first.id());
        assertThat(firstSubmission.coverNote()).isEqualTo("Our first report.");
        assertThat(cycles.findById(cycle.id()).orElseThrow().status()).isEqualTo(CycleStatus.SUBMITTED);
        String regional = fixtures.roundInstance(round);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(regional).singleResult()
                .getBusinessKey()).isEqualTo(round.code());

        // the review task belongs to the commission's secretariat only
        Task review = fixtures.task(regional, "ReviewSubmission");
        assertThat(taskService.getVariable(review.getId(), "submissionId")).isEqualTo(firstSubmission.id());
        mvc.perform(get("/tasks/" + review.getId()).with(as(escap))).andExpect(status().isForbidden());
        mvc.perform(get("/secretariat/cycles/" + cycle.id()).with(as(escap))).andExpect(status().isForbidden());
        mvc.perform(get("/secretariat").with(as(escap)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(cycle.businessKey()))));
        mvc.perform(get("/secretariat").param("round", round.code()).with(as(escap))).andExpect(status().isForbidden());
        mvc.perform(get("/secretariat").param("round", round.code()).with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(cycle.businessKey())))
                .andExpect(content().string(containsString(round.code())))
                // acknowledging or asking for a clarification starts from the workspace: a link to the review task
                .andExpect(content().string(containsString("href=\"/tasks/" + review.getId() + "\"")));
        mvc.perform(get("/secretariat/cycles/" + cycle.id()).with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(first.sha256())));
        mvc.perform(get("/tasks/" + review.getId()).with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(first.sha256())))
                .andExpect(content().string(containsString("Our first report.")));

        // a clarification needs a question
        mvc.perform(post("/tasks/" + review.getId()).with(as(eca)).with(csrf()).param("action", "clarify"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/tasks/" + review.getId()).with(as(escap)).with(csrf()).param("action", "acknowledge"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + review.getId()).with(as(eca)).with(csrf()).param("action", "clarify")
                        .param("message", "Please give figures for objective 2."))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJob(regional, "RequestClarification");

        assertThat(submissions.find(firstSubmission.id()).orElseThrow().status())
                .isEqualTo(SubmissionStatus.CLARIFICATION_REQUESTED);
        assertThat(cycles.findById(cycle.id()).orElseThrow().status()).isEqualTo(CycleStatus.CLARIFICATION_REQUESTED);
        // issue 18.4: the country's coordinator is told (CLARIFICATION), nobody of another country
        assertThat(notices(coordinator, "CLARIFICATION")).containsExactly("notices.text.CLARIFICATION");
        CurrentUser ghana = users.coordinator("GHA");

        // the question reached the national process: the coordinator's inbox has the task, and it shows the message
        Task answer = fixtures.task(national.getId(), "AnswerClarification");
        assertThat(answer.getTenantId()).isEqualTo("KEN");
        mvc.perform(get("/tasks").with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/tasks/" + answer.getId() + "\"")))
                .andExpect(content().string(containsString("Answer the clarification request")));
        mvc.perform(get("/tasks").with(as(ghana)))
                .andExpect(content().string(not(containsString("/tasks/" + answer.getId()))));
        mvc.perform(get("/tasks/" + answer.getId()).with(as(users.coordinator("GHA")))).andExpect(status().isForbidden());
        mvc.perform(get("/secretariat").param("round", round.code()).param("status", "CLARIFICATION_REQUESTED")
                        .with(as(eca)))
                .andExpect(content().string(containsString("id=\"row-KEN\"")));

        // the coordinator answers and revises objective 2: the changed text is a second version, frozen after the
        // sign-off of the ministries of objective 2 (none drafted it here) and sent only once endorsed (issue 14.4)
        mvc.perform(get("/tasks/" + answer.getId()).with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please give figures for objective 2.")))
                // each section's label names its objective once
                .andExpect(content().string(containsString(">Objective 2: Minimize adverse drivers</label>")))
                .andExpect(content().string(not(containsString("Objective 2: Objective 2"))));
        long objective2 = jdbc.sql("""
                select id from report_section where cycle_id = ? and objective_number = 2""")
                .param(cycle.id()).query(Long.class).single();
        mvc.perform(post("/tasks/" + answer.getId()).with(as(coordinator)).with(csrf())
                        .param("answer", "Figures are now in objective 2.")
                        .param("section-" + objective2, "1 200 migrants were supported in 2024.")
                        .param("lock-" + objective2, "0")
                        .param("action", "answer"))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(submissions.latest(cycle.id(), RoundKind.REGIONAL).orElseThrow().id())
                .as("nothing is sent before the new text is endorsed").isEqualTo(firstSubmission.id());
        Task endorse = fixtures.task(national.getId(), "EndorseFinalReport");
        mvc.perform(post("/tasks/" + endorse.getId()).with(as(coordinator)).with(csrf()).param("action", "endorse"))
                .andExpect(redirectedUrl("/tasks"));
        long secondVersion = versions.latest(cycle.id()).orElseThrow().id();
        assertThat(jdbc.sql("select count(*) from endorsement where report_version_id = ?").param(secondVersion)
                .query(Integer.class).single()).isEqualTo(1);
        mvc.perform(post("/tasks/" + fixtures.task(national.getId(), "SubmitToRegionalReview").getId())
                        .with(as(coordinator)).with(csrf()).param("versionId", String.valueOf(secondVersion))
                        .param("coverNote", "Figures are now in objective 2.").param("confirm", "yes")
                        .param("action", "submit").param("answerschecked", "yes"))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJob(national.getId(), "SendToRegionalReview");

        List<ReportVersion> all = versions.all(cycle.id());
        assertThat(all).extracting(ReportVersion::versionNo).containsExactly(1, 2);
        assertThat(all.get(0).sha256()).isEqualTo(first.sha256());
        assertThat(all.get(0).content()).isEqualTo(first.content()).doesNotContain("1 200 migrants");
        assertThat(all.get(1).content()).contains("1 200 migrants were supported in 2024.");
        assertThat(jdbc.sql("select count(*) from section_revision where section_id = ?").param(objective2)
                .query(Integer.class).single()).isEqualTo(1);

        Submission second = submissions.latest(cycle.id(), RoundKind.REGIONAL).orElseThrow();
        assertThat(second.id()).isNotEqualTo(firstSubmission.id());
        assertThat(second.reportVersionId()).isEqualTo(all.get(1).id());
        assertThat(second.supersedesId()).isEqualTo(firstSubmission.id());
        assertThat(second.coverNote()).isEqualTo("Figures are now in objective 2.");
        assertThat(submissions.find(firstSubmission.id()).orElseThrow().status())
                .isEqualTo(SubmissionStatus.SUPERSEDED);

        // the secretariat sees its question next to the answer, and acknowledges
        Task secondReview = fixtures.task(regional, "ReviewSubmission");
        mvc.perform(get("/tasks/" + secondReview.getId()).with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please give figures for objective 2.")))
                .andExpect(content().string(containsString("Figures are now in objective 2.")))
                .andExpect(content().string(containsString(all.get(1).sha256())));
        mvc.perform(post("/tasks/" + secondReview.getId()).with(as(eca)).with(csrf()).param("action", "acknowledge"))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJob(regional, "AcknowledgeSubmission");
        assertThat(submissions.find(second.id()).orElseThrow().status()).isEqualTo(SubmissionStatus.ACKNOWLEDGED);
        assertThat(cycles.findById(cycle.id()).orElseThrow().status()).isEqualTo(CycleStatus.ACKNOWLEDGED);
        assertThat(notices(coordinator, "DECISION")).containsExactly("notices.text.DECISION.acknowledged");
        assertThat(notices(ghana, "DECISION")).isEmpty();

        // on to the IMRF edition
        fixtures.runJob(national.getId(), "SendToImrf");
        Submission atImrf = submissions.latest(cycle.id(), RoundKind.IMRF).orElseThrow();
        assertThat(atImrf.reportVersionId()).isEqualTo(all.get(1).id());
        assertThat(atImrf.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        String imrfInstance = fixtures.roundInstance(edition);
        Task register = fixtures.task(imrfInstance, "RegisterImrfSubmission");
        mvc.perform(get("/tasks/" + register.getId()).with(as(eca))).andExpect(status().isForbidden());
        mvc.perform(get("/secretariat").param("round", edition.code()).with(as(imrf)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(cycle.businessKey())));
        mvc.perform(post("/tasks/" + register.getId()).with(as(imrf)).with(csrf()).param("action", "register"))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(submissions.find(atImrf.id()).orElseThrow().status()).isEqualTo(SubmissionStatus.REGISTERED);

        // not public before the publication step has run
        mvc.perform(get("/published/" + cycle.businessKey())).andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + fixtures.task(national.getId(), "PublishEndorsedReport").getId())
                        .with(as(coordinator)).with(csrf()).param("versionId", String.valueOf(all.get(1).id()))
                        .param("confirm", "yes"))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJob(national.getId(), "PublishReport");
        ReviewCycle published = cycles.findById(cycle.id()).orElseThrow();
        assertThat(published.status()).isEqualTo(CycleStatus.PUBLISHED);
        assertThat(published.publishedAt()).isNotNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(national.getId()).count()).isZero();

        mvc.perform(get("/published"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(cycle.title())));
        mvc.perform(get("/published/" + cycle.businessKey()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 200 migrants were supported in 2024.")))
                .andExpect(content().string(containsString(first.sha256())))
                .andExpect(content().string(containsString(all.get(1).sha256())));
        mvc.perform(get("/published/" + cycle.businessKey() + ".json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/json")))
                .andExpect(content().string(all.get(1).content()));
        assertThat(com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(java.nio.file.Files.readString(java.nio.file.Path.of("docs/report-schema.json")))
                .validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(all.get(1).content()))).isEmpty();
        byte[] pdf = mvc.perform(get("/published/" + cycle.businessKey() + ".pdf"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-SHA256", all.get(1).sha256()))
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains(cycle.title()).contains("1 200 migrants were supported in 2024.");
        }
        // the regional synthesis reads the acknowledged (second) version
        mvc.perform(get("/secretariat/synthesis").param("round", round.code()).with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"grid-KEN\"")))
                .andExpect(content().string(containsString(">v2<")));

        // every step left its audit trail
        assertThat(jdbc.sql("select action from audit_event where country_iso3 = 'KEN' and subject_type = 'submission'"
                        + " and subject_id in (?, ?, ?)")
                .params(String.valueOf(firstSubmission.id()), String.valueOf(second.id()), String.valueOf(atImrf.id()))
                .query(String.class).list())
                .contains("REPORT_SUBMITTED_REGIONAL", "REGIONAL_CLARIFICATION_REQUESTED",
                        "REGIONAL_SUBMISSION_ACKNOWLEDGED", "REPORT_SUBMITTED_IMRF", "IMRF_SUBMISSION_REGISTERED");

        // the secretariat closes the round; it takes no further report
        Task synthesis = fixtures.task(regional, "PrepareRegionalSynthesis");
        mvc.perform(get("/tasks/" + synthesis.getId()).with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(cycle.countryName())));
        mvc.perform(post("/tasks/" + synthesis.getId()).with(as(eca)).with(csrf()).param("action", "close"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/tasks/" + synthesis.getId()).with(as(eca)).with(csrf()).param("action", "close")
                        .param("confirm", "yes").param("note", "Synthesis sent to the forum."))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(new ReviewRounds(jdbc).findById(round.id()).orElseThrow().closed()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(regional).count()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> roundProcesses.ensureRunning(round.id()))
                .isInstanceOf(RoundClosedException.class);
    }

    /** The message keys of a person's notices of one kind about this test's cycle. */
    private java.util.List<String> notices(CurrentUser user, String kind) {
        return jdbc.sql("select message_key from notice where user_id = ? and kind = ? and cycle_key = ? order by id")
                .params(user.id(), kind, cycle.businessKey()).query(String.class).list();
    }
}
