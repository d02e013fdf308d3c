package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.submission.ReviewFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The stakeholder consultation through the real stakeholder-consultation process: the window opens on its
 * timer, verified stakeholders of the country send inputs (once per form, escaped on every page), the
 * coordinator closes early or extends, and finally records how each input was addressed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsultationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewCycles cycles;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    TestUsers users;
    ReviewFixtures fixtures;
    CurrentUser coordinator;
    CurrentUser stakeholder;
    ReviewCycle cycle;
    Instant closesAt;
    ProcessInstance consultation;

    @BeforeEach
    void setUp() {
        users = new TestUsers(jdbc);
        fixtures = new ReviewFixtures(jdbc, cycles, runtimeService, managementService, taskService);
        coordinator = users.coordinator("KEN");
        stakeholder = users.stakeholder("KEN", "Forum " + UUID.randomUUID());
        cycle = fixtures.cycle(coordinator);
        closesAt = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        consultation = runtimeService.createProcessInstanceByKey("stakeholder-consultation")
                .businessKey(cycle.businessKey())
                .setVariables(Map.of("cycleId", cycle.id(), "countryIso3", "KEN",
                        "coordinatorGroup", CandidateGroups.coordinator("KEN"),
                        "consultationOpensAt", Date.from(Instant.now().minus(1, ChronoUnit.HOURS)),
                        "consultationClosesAt", Date.from(closesAt)))
                .execute();
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void theWindowOpensOnItsTimerAndIsAnnouncedPublicly() throws Exception {
        mvc.perform(get("/consultations/" + cycle.businessKey())).andExpect(status().isNotFound());

        openWindow();

        ConsultationWindow window = window();
        assertThat(window.status()).isEqualTo(WindowStatus.OPEN);
        assertThat(window.closesAt()).isEqualTo(closesAt);
        assertThat(cycles.findById(cycle.id()).orElseThrow().status()).isEqualTo(CycleStatus.CONSULTATION);
        assertThat(audit("CONSULTATION_OPENED")).isEqualTo(1);
        String objectiveOne = jdbc.sql("select short_title from objective where number = 1").query(String.class)
                .single();
        mvc.perform(get("/consultations/" + cycle.businessKey()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Open for inputs")))
                .andExpect(content().string(containsString(objectiveOne)))
                .andExpect(content().string(containsString("sign in")))
                .andExpect(content().string(not(containsString("name=\"body\""))));
        mvc.perform(get("/consultations/" + cycle.businessKey()).with(as(stakeholder)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"idempotencyKey\"")))
                .andExpect(content().string(containsString("name=\"body\"")));
    }

    @Test
    void anInputSentTwiceIsStoredOnceAndTheReceiptIsShownAfterTheRedirect() throws Exception {
        openWindow();
        String key = UUID.randomUUID().toString();

        MvcResult first = mvc.perform(input(stakeholder, key, "objective:2", "Please add data on recruitment fees."))
                .andExpect(redirectedUrl("/consultations/" + cycle.businessKey()))
                .andReturn();
        String reference = (String) first.getFlashMap().get("receipt");
        assertThat(reference).startsWith("KEN-CI-");
        mvc.perform(input(stakeholder, key, "objective:2", "Please add data on recruitment fees."))
                .andExpect(redirectedUrl("/consultations/" + cycle.businessKey()))
                .andExpect(flash().attribute("receipt", reference));

        assertThat(jdbc.sql("select count(*) from consultation_input where idempotency_key = ?::uuid").param(key)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select objective_number, language, organisation_id, author_user_id from consultation_input
                 where reference = ?""").param(reference)
                .query((rs, n) -> rs.getInt(1) + "/" + rs.getString(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4))
                .single()).isEqualTo("2/en/" + stakeholder.organisationId() + "/" + stakeholder.id());
        assertThat(audit("CONSULTATION_INPUT_RECEIVED")).isEqualTo(1);
        mvc.perform(get("/consultations/" + cycle.businessKey()).with(as(stakeholder)).flashAttrs(first.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your reference number")))
                .andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("Please add data on recruitment fees.")));
    }

    @Test
    void invalidInputsAreRefusedWithTheReasonAndNothingIsStored() throws Exception {
        openWindow();

        mvc.perform(input(stakeholder, UUID.randomUUID().toString(), "objective:2", "too short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("10 to 5000 characters")))
                .andExpect(content().string(containsString("too short")));
        mvc.perform(input(stakeholder, UUID.randomUUID().toString(), "objective:9", "Objective 9 is not in scope."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("choose the objective or section")));
        mvc.perform(input(stakeholder, UUID.randomUUID().toString(), "section:POLICY", "x".repeat(5001)))
                .andExpect(status().isBadRequest());
        mvc.perform(input(stakeholder, "not-a-uuid", "section:POLICY", "A valid text about policy."))
                .andExpect(status().isBadRequest());
        assertThat(inputs()).isZero();

        mvc.perform(input(stakeholder, UUID.randomUUID().toString(), "section:POLICY", "A valid text about policy."))
                .andExpect(status().is3xxRedirection());
        assertThat(inputs()).isOne();
    }

    @Test
    void onlyVerifiedStakeholdersOfTheCountrySendInputs() throws Exception {
        openWindow();
        CurrentUser otherCountry = users.stakeholder("GHA", "Ghana forum " + UUID.randomUUID());
        CurrentUser unverified = users.stakeholder("KEN", "New forum " + UUID.randomUUID());
        jdbc.sql("update organisation set verified = false where id = ?").param(unverified.organisationId()).update();
        String text = "An input about objective 1 and its data.";

        mvc.perform(input(otherCountry, UUID.randomUUID().toString(), "objective:1", text))
                .andExpect(status().isForbidden());
        mvc.perform(input(coordinator, UUID.randomUUID().toString(), "objective:1", text))
                .andExpect(status().isForbidden());
        mvc.perform(input(unverified, UUID.randomUUID().toString(), "objective:1", text))
                .andExpect(status().isForbidden());
        mvc.perform(get("/consultations/" + cycle.businessKey()).with(as(unverified)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not been verified")))
                .andExpect(content().string(not(containsString("name=\"body\""))));
        mvc.perform(post("/consultations/" + cycle.businessKey() + "/inputs").with(csrf())
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("target", "objective:1")
                        .param("language", "en").param("body", text))
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(post("/consultations/" + cycle.businessKey() + "/inputs").with(as(stakeholder))
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("target", "objective:1")
                        .param("language", "en").param("body", text))
                .andExpect(status().isForbidden());
        assertThat(inputs()).isZero();
    }

    @Test
    void markupInAnInputIsShownAsTextEverywhere() throws Exception {
        openWindow();
        String payload = "<script>alert('x')</script><img src=x onerror=alert(1)> please fix";
        mvc.perform(input(stakeholder, UUID.randomUUID().toString(), "objective:1", payload))
                .andExpect(status().is3xxRedirection());

        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; please fix";
        mvc.perform(get("/consultations/" + cycle.businessKey()).with(as(stakeholder)))
                .andExpect(content().string(containsString(escaped)))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<img src=x"))));
        mvc.perform(get("/cycles/" + cycle.id() + "/consultation").with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(escaped)))
                .andExpect(content().string(not(containsString("<script>alert"))));
        mvc.perform(post("/cycles/" + cycle.id() + "/consultation/close").with(as(coordinator)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Task respond = fixtures.task(consultation.getId(), "RespondToInputs");
        mvc.perform(get("/tasks/" + respond.getId()).with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(escaped)))
                .andExpect(content().string(not(containsString("<script>alert"))));
    }

    @Test
    void theCoordinatorClosesEarlyAndLaterInputsAreRefused() throws Exception {
        openWindow();
        CurrentUser otherCoordinator = users.coordinator("GHA");
        mvc.perform(post("/cycles/" + cycle.id() + "/consultation/close").with(as(otherCoordinator)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cycles/" + cycle.id() + "/consultation/close").with(as(stakeholder)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(window().status()).isEqualTo(WindowStatus.OPEN);

        mvc.perform(post("/cycles/" + cycle.id() + "/consultation/close").with(as(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/cycles/" + cycle.id() + "/consultation"));

        ConsultationWindow window = window();
        assertThat(window.status()).isEqualTo(WindowStatus.CLOSED);
        assertThat(window.closedAt()).isNotNull();
        assertThat(fixtures.task(consultation.getId(), "RespondToInputs")).isNotNull();
        assertThat(audit("CONSULTATION_CLOSED_EARLY")).isEqualTo(1);
        mvc.perform(input(stakeholder, UUID.randomUUID().toString(), "objective:1", "An input after the close."))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This consultation is closed")));
        assertThat(inputs()).isZero();
        mvc.perform(get("/consultations/" + cycle.businessKey()))
                .andExpect(content().string(containsString("Closed")));
        mvc.perform(post("/cycles/" + cycle.id() + "/consultation/close").with(as(coordinator)).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("Nothing was changed")));
    }

    @Test
    void anExtensionNeedsALaterDateAndAReasonAndMovesTheClosingTimer() throws Exception {
        openWindow();
        String path = "/cycles/" + cycle.id() + "/consultation/extend";
        LocalDate closingDay = closesAt.atZone(ZoneOffset.UTC).toLocalDate();

        mvc.perform(post(path).with(as(coordinator)).with(csrf()).param("closesOn", closingDay.minusDays(1).toString())
                        .param("reason", "More time for diaspora groups."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("later than the current one")));
        mvc.perform(post(path).with(as(coordinator)).with(csrf()).param("closesOn", closingDay.plusDays(7).toString())
                        .param("reason", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("say why")));
        assertThat(window().closesAt()).isEqualTo(closesAt);

        mvc.perform(post(path).with(as(coordinator)).with(csrf()).param("closesOn", closingDay.plusDays(7).toString())
                        .param("reason", "More time for diaspora groups."))
                .andExpect(redirectedUrl("/cycles/" + cycle.id() + "/consultation"));

        Instant extended = closingDay.plusDays(8).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(window().closesAt()).isEqualTo(extended);
        assertThat(window().status()).isEqualTo(WindowStatus.OPEN);
        assertThat(runtimeService.getVariable(consultation.getId(), "consultationClosesAt"))
                .isEqualTo(Date.from(extended));
        Job closingTimer = managementService.createJobQuery().processInstanceId(consultation.getId())
                .activityId("WindowClosesTimer").singleResult();
        assertThat(closingTimer.getDuedate()).isEqualTo(Date.from(extended));
        assertThat(jdbc.sql("select reason from consultation_extension where window_id = ?").param(window().id())
                .query(String.class).single()).isEqualTo("More time for diaspora groups.");
        assertThat(audit("CONSULTATION_EXTENDED")).isEqualTo(1);
        mvc.perform(get("/cycles/" + cycle.id() + "/consultation").with(as(coordinator)))
                .andExpect(content().string(containsString("More time for diaspora groups.")));
    }

    @Test
    void theWindowClosesOnItsTimer() {
        openWindow();
        ClockUtil.setCurrentTime(Date.from(closesAt.plus(1, ChronoUnit.MINUTES)));

        fixtures.runJob(consultation.getId(), "WindowClosesTimer");

        assertThat(window().status()).isEqualTo(WindowStatus.CLOSED);
        assertThat(fixtures.task(consultation.getId(), "RespondToInputs")).isNotNull();
    }

    @Test
    void theCoordinatorRecordsHowEachInputWasAddressed() throws Exception {
        openWindow();
        mvc.perform(input(stakeholder, UUID.randomUUID().toString(), "objective:1", "First input on objective 1."));
        mvc.perform(input(stakeholder, UUID.randomUUID().toString(), "section:NEXT_STEPS", "Second input, next steps."));
        mvc.perform(post("/cycles/" + cycle.id() + "/consultation/close").with(as(coordinator)).with(csrf()));
        Task respond = fixtures.task(consultation.getId(), "RespondToInputs");
        long[] ids = jdbc.sql("select id from consultation_input where window_id = ? order by id").param(window().id())
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
        CurrentUser ministry = users.ministry("KEN", "INTERIOR");
        mvc.perform(get("/tasks/" + respond.getId()).with(as(ministry))).andExpect(status().isForbidden());

        mvc.perform(post("/tasks/" + respond.getId()).with(as(coordinator)).with(csrf()).param("action", "complete")
                        .param("outcome-" + ids[0], "ACCEPTED").param("explanation-" + ids[0], "Added to section 1."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("choose how it was taken into account")));
        mvc.perform(post("/tasks/" + respond.getId()).with(as(coordinator)).with(csrf()).param("action", "save")
                        .param("outcome-" + ids[0], "ACCEPTED").param("explanation-" + ids[0], "Added to section 1."))
                .andExpect(redirectedUrl("/tasks/" + respond.getId()));
        assertThat(outcome(ids[0])).isEqualTo("ACCEPTED");

        mvc.perform(post("/tasks/" + respond.getId()).with(as(coordinator)).with(csrf()).param("action", "complete")
                        .param("outcome-" + ids[1], "NOT_ACCEPTED").param("explanation-" + ids[1], "Out of scope.")
                        .param("reviseDraft", "true"))
                .andExpect(redirectedUrl("/tasks"));

        assertThat(outcome(ids[1])).isEqualTo("NOT_ACCEPTED");
        assertThat(jdbc.sql("select response_text from consultation_input where id = ?").param(ids[1])
                .query(String.class).single()).isEqualTo("Out of scope.");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(consultation.getId()).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(consultation.getId())
                .variableName("reviseDraft").singleResult().getValue()).isEqualTo(true);
    }

    private void openWindow() {
        fixtures.runJob(consultation.getId(), "WindowOpensTimer");
    }

    private MockHttpServletRequestBuilder input(CurrentUser user, String key, String target, String body) {
        return post("/consultations/" + cycle.businessKey() + "/inputs").with(as(user)).with(csrf())
                .param("idempotencyKey", key).param("target", target).param("language", "en").param("body", body);
    }

    private ConsultationWindow window() {
        return new Consultations(jdbc).windowOf(cycle.id()).orElseThrow();
    }

    private int inputs() {
        return jdbc.sql("""
                select count(*) from consultation_input i join consultation_window w on w.id = i.window_id
                 where w.cycle_id = ?""").param(cycle.id()).query(Integer.class).single();
    }

    private String outcome(long inputId) {
        return jdbc.sql("select response_outcome from consultation_input where id = ?").param(inputId)
                .query(String.class).single();
    }

    private int audit(String action) {
        return jdbc.sql("select count(*) from audit_event where action = ? and country_iso3 = 'KEN' and ("
                        + "subject_id = ? or subject_id in (select id::text from consultation_window where cycle_id = ?)"
                        + " or subject_id in (select reference from consultation_input i join consultation_window w"
                        + " on w.id = i.window_id where w.cycle_id = ?))")
                .params(action, String.valueOf(cycle.id()), cycle.id(), cycle.id()).query(Integer.class).single();
    }
}
