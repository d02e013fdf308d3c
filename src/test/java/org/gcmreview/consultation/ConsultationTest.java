package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The stakeholder consultation through the real stakeholder-consultation process: the window opens on its
 * timer, verified stakeholders of the country send inputs (once per form), the coordinator chooses what is
 * open, closes early or extends, and finally records how each input was addressed.
 */
@ApplicationTest
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
    HistoryService historyService;
    @Autowired
    ConsultationScenarios scenarios;

    ConsultationScenario scenario;
    CurrentUser coordinator;
    CurrentUser stakeholder;
    ReviewCycle cycle;

    @BeforeEach
    void setUp() {
        scenario = scenarios.start();
        coordinator = scenario.coordinator;
        stakeholder = scenario.stakeholder();
        cycle = scenario.cycle;
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void theWindowOpensOnItsTimerAndIsAnnouncedPublicly() throws Exception {
        mvc.perform(get("/consultations/" + cycle.businessKey())).andExpect(status().isNotFound());
        // not found for anyone, before who may send is asked: a stakeholder of another country is not told more
        mvc.perform(scenario.input(stakeholder, "objective:1", "An input before the announcement."))
                .andExpect(status().isNotFound());
        CurrentUser otherCountry = scenario.users.stakeholder("GHA", "Ghana forum " + UUID.randomUUID());
        mvc.perform(scenario.input(otherCountry, "objective:1", "An input before the announcement."))
                .andExpect(status().isNotFound());

        scenario.openWindow();

        ConsultationWindow window = scenario.window();
        assertThat(window.status()).isEqualTo(WindowStatus.OPEN);
        assertThat(window.closesAt()).isEqualTo(scenario.closesAt);
        assertThat(cycles.findById(cycle.id()).orElseThrow().status()).isEqualTo(CycleStatus.CONSULTATION);
        assertThat(scenario.audit("CONSULTATION_OPENED")).isEqualTo(1);
        String objectiveOne = jdbc.sql("select short_title from objective where number = 1").query(String.class)
                .single();
        mvc.perform(get("/consultations/" + cycle.businessKey()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Open for inputs")))
                .andExpect(content().string(containsString(objectiveOne)))
                .andExpect(content().string(containsString("Sign in")))
                .andExpect(content().string(containsString("Register your organisation")))
                .andExpect(content().string(not(containsString("name=\"body\""))));
        mvc.perform(get("/consultations/" + cycle.businessKey()).with(as(stakeholder)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"idempotencyKey\"")))
                .andExpect(content().string(containsString("name=\"body\"")))
                .andExpect(content().string(containsString("Objective 1: " + objectiveOne)))
                .andExpect(content().string(containsString("10 to 5000 characters.")))
                .andExpect(content().string(containsString("The file is seen by the national coordinator")));
        // the page's kept texts are kept per language: French after English
        mvc.perform(get("/consultations/" + cycle.businessKey()).with(as(stakeholder))
                        .header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("Objectif 1 : " + objectiveOne)))
                .andExpect(content().string(containsString("De 10 à 5000 caractères.")))
                .andExpect(content().string(containsString("Le fichier est vu par le coordonnateur national")))
                .andExpect(content().string(not(containsString("10 to 5000 characters."))));
        mvc.perform(get("/consultations"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/consultations/" + cycle.businessKey())));
        // the page speaks the visitor's language (bundle i18n/consultation)
        mvc.perform(get("/consultations/" + cycle.businessKey()).header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("Ouverte aux contributions")))
                .andExpect(content().string(containsString("Enregistrer votre organisation")));
        mvc.perform(get("/consultations/" + cycle.businessKey()).header("Accept-Language", "ar"))
                .andExpect(content().string(containsString("dir=\"rtl\"")))
                .andExpect(content().string(containsString("مفتوحة لتلقي المساهمات")));
    }

    @Test
    void anInputSentTwiceIsStoredOnceAndTheReceiptIsShownAfterTheRedirect() throws Exception {
        scenario.openWindow();
        String key = UUID.randomUUID().toString();

        MvcResult first = mvc.perform(scenario.input(stakeholder, key, "objective:2",
                        "Please add data on recruitment fees."))
                .andExpect(redirectedUrl("/consultations/" + cycle.businessKey()))
                .andReturn();
        // the receipt travels to the page in a cookie of that page, kept from scripts
        Cookie receipt = first.getResponse().getCookie(ConsultationPageController.RECEIPT_COOKIE);
        assertThat(receipt.getPath()).isEqualTo("/consultations/" + cycle.businessKey());
        assertThat(receipt.isHttpOnly()).isTrue();
        assertThat(first.getFlashMap().isEmpty()).as("no flash attribute in the session").isTrue();
        String reference = receipt.getValue();
        // the reference is made of the row's id, six digits at least
        long id = jdbc.sql("select id from consultation_input where idempotency_key = ?::uuid").param(key)
                .query(Long.class).single();
        assertThat(reference).isEqualTo("KEN-CI-%06d".formatted(id));
        mvc.perform(scenario.input(stakeholder, key, "objective:2", "Please add data on recruitment fees."))
                .andExpect(redirectedUrl("/consultations/" + cycle.businessKey()))
                .andExpect(cookie().value(ConsultationPageController.RECEIPT_COOKIE, reference));

        assertThat(jdbc.sql("select count(*) from consultation_input where idempotency_key = ?::uuid").param(key)
                .query(Integer.class).single()).isEqualTo(1);
        // the statement that stores an input counts it against the rate limit; the repeat stored nothing and
        // counts nothing
        assertThat(jdbc.sql("select count(*) from submission_rate_event where subject = ?")
                .param("organisation:" + stakeholder.organisationId()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select objective_number, language, organisation_id, author_user_id, confirmed_at is not null
                  from consultation_input where reference = ?""").param(reference)
                .query((rs, n) -> rs.getInt(1) + "/" + rs.getString(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4)
                        + "/" + rs.getBoolean(5))
                .single()).isEqualTo("2/en/" + stakeholder.organisationId() + "/" + stakeholder.id() + "/true");
        assertThat(scenario.audit("CONSULTATION_INPUT_RECEIVED")).isEqualTo(1);
        mvc.perform(get("/consultations/" + cycle.businessKey()).with(as(stakeholder)).cookie(receipt))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your reference number")))
                .andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("Please add data on recruitment fees.")))
                // no mail is sent in this test application, and the receipt promises none
                .andExpect(content().string(containsString("Keep it to follow up on your input.")))
                .andExpect(content().string(not(containsString("We have also sent this receipt by e-mail."))))
                // shown once: the page clears the cookie
                .andExpect(cookie().maxAge(ConsultationPageController.RECEIPT_COOKIE, 0));
        mvc.perform(get("/consultations/" + cycle.businessKey()).with(as(stakeholder)))
                .andExpect(content().string(not(containsString("Your reference number"))))
                .andExpect(content().string(containsString(reference)));
        // the cookie cannot be made to show another organisation's input: only the user's own receipts show
        CurrentUser other = scenario.stakeholder();
        mvc.perform(get("/consultations/" + cycle.businessKey()).with(as(other)).cookie(receipt))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Your reference number"))))
                .andExpect(content().string(not(containsString(reference))));
        mvc.perform(get("/consultations/" + cycle.businessKey()).cookie(receipt))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(reference))));
    }

    @Test
    void anInputMarksActivityOnItsCycleOnceAMinute() throws Exception {
        scenario.openWindow();
        jdbc.sql("update review_cycle set last_activity_at = now() - interval '2 minutes' where id = ?")
                .param(cycle.id()).update();

        mvc.perform(scenario.input(stakeholder, "objective:1", "An input that marks the cycle as active."))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select last_activity_at > now() - interval '1 minute' from review_cycle where id = ?")
                .param(cycle.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theSameFormFromAnotherUserIsRefusedAndStoresNothing() throws Exception {
        scenario.openWindow();
        String key = UUID.randomUUID().toString();
        mvc.perform(scenario.input(stakeholder, key, "objective:1", "The first text for objective one."))
                .andExpect(status().is3xxRedirection());

        mvc.perform(scenario.input(scenario.stakeholder(), key, "objective:1", "Someone else reusing the key."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("no longer valid")));
        assertThat(scenario.storedInputs()).isOne();
    }

    @Test
    void onlyVerifiedStakeholdersOfTheCountrySendInputs() throws Exception {
        scenario.openWindow();
        CurrentUser otherCountry = scenario.users.stakeholder("GHA", "Ghana forum " + UUID.randomUUID());
        CurrentUser unverified = scenario.stakeholder();
        jdbc.sql("update organisation set verified = false where id = ?").param(unverified.organisationId()).update();
        CurrentUser rejected = scenario.stakeholder();
        jdbc.sql("""
                update organisation set verified = false, rejected_at = now(), rejection_reason = 'Not a real NGO'
                 where id = ?""").param(rejected.organisationId()).update();
        String text = "An input about objective 1 and its data.";

        mvc.perform(scenario.input(otherCountry, "objective:1", text)).andExpect(status().isForbidden());
        mvc.perform(scenario.input(coordinator, "objective:1", text)).andExpect(status().isForbidden());
        mvc.perform(scenario.input(unverified, "objective:1", text)).andExpect(status().isForbidden());
        mvc.perform(scenario.input(rejected, "objective:1", text)).andExpect(status().isForbidden());
        mvc.perform(get("/consultations/" + cycle.businessKey()).with(as(unverified)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not been verified")))
                .andExpect(content().string(not(containsString("name=\"body\""))));
        mvc.perform(get("/consultations/" + cycle.businessKey()).with(as(rejected)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("was not accepted")))
                .andExpect(content().string(containsString("Not a real NGO")))
                .andExpect(content().string(not(containsString("name=\"body\""))));
        mvc.perform(post("/consultations/" + cycle.businessKey() + "/inputs").with(csrf())
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("target", "objective:1")
                        .param("language", "en").param("body", text))
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(post("/consultations/" + cycle.businessKey() + "/inputs").with(as(stakeholder))
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("target", "objective:1")
                        .param("language", "en").param("body", text))
                .andExpect(status().isForbidden());
        assertThat(scenario.storedInputs()).isZero();
    }

    @Test
    void theCoordinatorChoosesWhatIsOpenAndOtherTargetsAreRefused() throws Exception {
        scenario.openWindow();
        String settings = "/cycles/" + cycle.id() + "/consultation/settings";

        mvc.perform(post(settings).with(as(coordinator)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("choose at least one objective or section")));
        mvc.perform(post(settings).with(as(coordinator)).with(csrf()).param("targets", "objective:9"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(settings).with(as(scenario.users.coordinator("GHA"))).with(csrf())
                        .param("targets", "objective:2"))
                .andExpect(status().isForbidden());
        assertThat(scenario.window().targetsChosen()).isFalse();

        mvc.perform(post(settings).with(as(coordinator)).with(csrf())
                        .param("targets", "objective:2", "section:POLICY"))
                .andExpect(redirectedUrl("/cycles/" + cycle.id() + "/consultation"));

        assertThat(scenario.window().targetsChosen()).isTrue();
        assertThat(scenario.window().allowIndividuals()).isFalse();
        assertThat(scenario.audit("CONSULTATION_SETTINGS_SAVED")).isEqualTo(1);
        String objectiveOne = jdbc.sql("select short_title from objective where number = 1").query(String.class).single();
        String objectiveTwo = jdbc.sql("select short_title from objective where number = 2").query(String.class).single();
        mvc.perform(get("/consultations/" + cycle.businessKey()).with(as(stakeholder)))
                .andExpect(content().string(containsString("value=\"objective:2\"")))
                .andExpect(content().string(containsString("value=\"section:POLICY\"")))
                .andExpect(content().string(not(containsString("value=\"objective:1\""))))
                .andExpect(content().string(not(containsString("value=\"section:MEANS\""))))
                .andExpect(content().string(containsString(objectiveTwo)))
                .andExpect(content().string(not(containsString(objectiveOne))));
        mvc.perform(scenario.input(stakeholder, "objective:1", "Objective one is not open any more."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("open for input")));
        mvc.perform(scenario.input(stakeholder, "section:MEANS", "The means section is not open either."))
                .andExpect(status().isBadRequest());
        assertThat(scenario.storedInputs()).isZero();
        mvc.perform(scenario.input(stakeholder, "section:POLICY", "Policy is open, so this is stored."))
                .andExpect(status().is3xxRedirection());
        assertThat(scenario.storedInputs()).isOne();
    }

    @Test
    void aConsultationPreparedBeforeItOpensIsAnnouncedAndRefusesInputsUntilThen() throws Exception {
        ConsultationScenario later = scenarios.opening(Instant.now().plus(3, ChronoUnit.DAYS));
        ReviewCycle upcoming = later.cycle;
        mvc.perform(get("/cycles/" + upcoming.id() + "/consultation").with(as(later.coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"settings-form\"")));

        mvc.perform(post("/cycles/" + upcoming.id() + "/consultation/settings").with(as(later.coordinator)).with(csrf())
                        .param("targets", "objective:1", "objective:3", "section:NEXT_STEPS")
                        .param("allowIndividuals", "true"))
                .andExpect(status().is3xxRedirection());

        ConsultationWindow window = later.window();
        assertThat(window.status()).isEqualTo(WindowStatus.SCHEDULED);
        assertThat(window.opensAt()).isEqualTo(later.opensAt);
        assertThat(window.allowIndividuals()).isTrue();
        mvc.perform(get("/consultations/" + upcoming.businessKey()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Announced, not open yet")))
                .andExpect(content().string(not(containsString("id=\"individual-form\""))));
        CurrentUser kenyan = later.stakeholder();
        mvc.perform(later.input(kenyan, "objective:1", "Too early for this consultation."))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This consultation opens on")))
                .andExpect(content().string(containsString("Your text was not stored")))
                .andExpect(content().string(containsString("Too early for this consultation.")));
        assertThat(later.storedInputs()).isZero();

        // the opening time comes (the web layer reads the real clock): the timer opens the prepared window and
        // keeps the coordinator's choices
        runtimeService.setVariable(later.consultation.getId(), "consultationOpensAt",
                Date.from(Instant.now().minus(1, ChronoUnit.MINUTES)));
        later.fixtures.runJob(later.consultation.getId(), "WindowOpensTimer");
        window = later.window();
        assertThat(window.status()).isEqualTo(WindowStatus.OPEN);
        assertThat(window.targetsChosen()).isTrue();
        assertThat(window.allowIndividuals()).isTrue();
        mvc.perform(get("/consultations/" + upcoming.businessKey()))
                .andExpect(content().string(containsString("id=\"individual-form\"")))
                .andExpect(content().string(containsString("value=\"objective:3\"")))
                .andExpect(content().string(not(containsString("value=\"objective:2\""))));
    }

    @Test
    void theCoordinatorOpensAPlannedConsultationNowOnceConfirmed() throws Exception {
        ConsultationScenario later = scenarios.scheduled();
        ReviewCycle upcoming = later.cycle;
        mvc.perform(get("/cycles/" + upcoming.id() + "/consultation").with(as(later.coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"open-now-form\"")))
                .andExpect(content().string(containsString("I confirm: open the consultation now.")));
        mvc.perform(post("/cycles/" + upcoming.id() + "/consultation/open").with(as(scenario.users.coordinator("GHA")))
                        .with(csrf()).param("confirm", "true"))
                .andExpect(status().isForbidden());

        // not confirmed: nothing opens, the page says why
        mvc.perform(post("/cycles/" + upcoming.id() + "/consultation/open").with(as(later.coordinator)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tick the box to confirm")));
        assertThat(new ConsultationWindows(jdbc).windowOf(upcoming.id())).isEmpty();

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        mvc.perform(post("/cycles/" + upcoming.id() + "/consultation/open").with(as(later.coordinator)).with(csrf())
                        .param("confirm", "true"))
                .andExpect(redirectedUrl("/cycles/" + upcoming.id() + "/consultation"))
                .andExpect(flash().attribute("flash", containsString("The consultation is open.")));
        ConsultationWindow window = later.window();
        assertThat(window.status()).isEqualTo(WindowStatus.OPEN);
        assertThat(window.opensAt()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(window.closesAt()).isEqualTo(later.closesAt);
        assertThat(window.acceptsInputs(Instant.now())).isTrue();
        assertThat(later.audit("CONSULTATION_OPENED_NOW")).isEqualTo(1);
        mvc.perform(later.input(later.stakeholder(), "objective:1", "Sent the day the consultation opened."))
                .andExpect(status().is3xxRedirection());
        assertThat(later.storedInputs()).isOne();
        mvc.perform(get("/cycles/" + upcoming.id() + "/consultation").with(as(later.coordinator)))
                .andExpect(content().string(not(containsString("id=\"open-now-form\""))));
        // a second time: the timer has run, nothing changes
        mvc.perform(post("/cycles/" + upcoming.id() + "/consultation/open").with(as(later.coordinator)).with(csrf())
                        .param("confirm", "true"))
                .andExpect(flash().attribute("flash", containsString("Nothing was changed")));
    }

    @Test
    void theCoordinatorClosesEarlyAndLaterInputsAreRefused() throws Exception {
        scenario.openWindow();
        CurrentUser otherCoordinator = scenario.users.coordinator("GHA");
        mvc.perform(post("/cycles/" + cycle.id() + "/consultation/close").with(as(otherCoordinator)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cycles/" + cycle.id() + "/consultation/close").with(as(stakeholder)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(scenario.window().status()).isEqualTo(WindowStatus.OPEN);
        String sentBeforeTheClose = UUID.randomUUID().toString();
        mvc.perform(scenario.input(stakeholder, sentBeforeTheClose, "objective:1", "An input before the close."))
                .andExpect(redirectedUrl("/consultations/" + cycle.businessKey()));

        mvc.perform(post("/cycles/" + cycle.id() + "/consultation/close").with(as(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/cycles/" + cycle.id() + "/consultation"));

        ConsultationWindow window = scenario.window();
        assertThat(window.status()).isEqualTo(WindowStatus.CLOSED);
        assertThat(window.closedAt()).isNotNull();
        assertThat(scenario.respondTask()).isNotNull();
        assertThat(scenario.audit("CONSULTATION_CLOSED_EARLY")).isEqualTo(1);
        mvc.perform(scenario.input(stakeholder, "objective:1", "An input after the close."))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This consultation is closed")))
                .andExpect(content().string(containsString("Your text was not stored")));
        assertThat(scenario.storedInputs()).isOne();
        // a form stored before the close and sent again after it still gets its receipt, not the refusal
        mvc.perform(scenario.input(stakeholder, sentBeforeTheClose, "objective:1", "An input before the close."))
                .andExpect(redirectedUrl("/consultations/" + cycle.businessKey()))
                .andExpect(cookie().value(ConsultationPageController.RECEIPT_COOKIE, startsWith("KEN-CI-")));
        assertThat(scenario.storedInputs()).isOne();
        mvc.perform(get("/consultations/" + cycle.businessKey()))
                .andExpect(content().string(containsString("Closed")))
                .andExpect(content().string(containsString("/consultations/" + cycle.businessKey() + "/what-we-heard")));
        mvc.perform(post("/cycles/" + cycle.id() + "/consultation/close").with(as(coordinator)).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("Nothing was changed")));
    }

    @Test
    void anExtensionNeedsALaterDateAndAReasonAndMovesTheClosingTimer() throws Exception {
        scenario.openWindow();
        String path = "/cycles/" + cycle.id() + "/consultation/extend";
        LocalDate closingDay = scenario.closesAt.atZone(ZoneOffset.UTC).toLocalDate();

        mvc.perform(post(path).with(as(coordinator)).with(csrf()).param("closesOn", closingDay.minusDays(1).toString())
                        .param("reason", "More time for diaspora groups."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("later than the current one")));
        mvc.perform(post(path).with(as(coordinator)).with(csrf()).param("closesOn", closingDay.plusDays(7).toString())
                        .param("reason", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("say why")));
        Document refused = Jsoup.parse(mvc.perform(post(path).with(as(coordinator)).with(csrf())
                        .param("closesOn", "next week").param("reason", "r".repeat(1001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Please give the new closing date")))
                .andExpect(content().string(containsString("at most 1000 characters")))
                .andReturn().getResponse().getContentAsString());
        // the summary at the top, focused, links to each field in error
        assertThat(refused.selectFirst("#error-summary").hasAttr("autofocus")).isTrue();
        assertThat(refused.select("#error-summary a").eachAttr("href")).containsExactlyInAnyOrder("#closesOn", "#reason");
        assertThat(refused.select("#closesOn, #reason")).hasSize(2);
        assertThat(scenario.window().closesAt()).isEqualTo(scenario.closesAt);

        mvc.perform(post(path).with(as(coordinator)).with(csrf()).param("closesOn", closingDay.plusDays(7).toString())
                        .param("reason", "More time for diaspora groups."))
                .andExpect(redirectedUrl("/cycles/" + cycle.id() + "/consultation"));

        Instant extended = closingDay.plusDays(8).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(scenario.window().closesAt()).isEqualTo(extended);
        assertThat(scenario.window().status()).isEqualTo(WindowStatus.OPEN);
        assertThat(runtimeService.getVariable(scenario.consultation.getId(), "consultationClosesAt"))
                .isEqualTo(Date.from(extended));
        Job closingTimer = managementService.createJobQuery().processInstanceId(scenario.consultation.getId())
                .activityId("WindowClosesTimer").singleResult();
        assertThat(closingTimer.getDuedate()).isEqualTo(Date.from(extended));
        assertThat(jdbc.sql("select reason from consultation_extension where window_id = ?").param(scenario.window().id())
                .query(String.class).single()).isEqualTo("More time for diaspora groups.");
        assertThat(scenario.audit("CONSULTATION_EXTENDED")).isEqualTo(1);
        mvc.perform(get("/cycles/" + cycle.id() + "/consultation").with(as(coordinator)))
                .andExpect(content().string(containsString("More time for diaspora groups.")));
        mvc.perform(get("/consultations/" + cycle.businessKey()))
                .andExpect(content().string(containsString("The window was extended")))
                .andExpect(content().string(containsString("More time for diaspora groups.")));

        // a second extension: the page lists both, oldest first, beside the one window (read together with them)
        mvc.perform(post(path).with(as(coordinator)).with(csrf()).param("closesOn", closingDay.plusDays(14).toString())
                        .param("reason", "Regional hearings were postponed."))
                .andExpect(redirectedUrl("/cycles/" + cycle.id() + "/consultation"));
        Document page = Jsoup.parse(mvc.perform(get("/consultations/" + cycle.businessKey()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("li:has(bdi)").eachText()).hasSize(2);
        assertThat(page.select("li bdi").eachText())
                .containsExactly("More time for diaspora groups.", "Regional hearings were postponed.");
        assertThat(page.select("#closes-at")).hasSize(1);
    }

    @Test
    void theWindowClosesOnItsTimer() {
        scenario.openWindow();
        ClockUtil.setCurrentTime(Date.from(scenario.closesAt.plus(1, ChronoUnit.MINUTES)));

        scenario.fixtures.runJob(scenario.consultation.getId(), "WindowClosesTimer");

        assertThat(scenario.window().status()).isEqualTo(WindowStatus.CLOSED);
        assertThat(scenario.respondTask()).isNotNull();
    }

    @Test
    void theCoordinatorRecordsHowEachInputWasAddressedAndLinksTheRevision() throws Exception {
        scenario.openWindow();
        mvc.perform(scenario.input(stakeholder, "objective:1", "First input on objective 1."));
        mvc.perform(scenario.input(stakeholder, "section:NEXT_STEPS", "Second input, next steps."));
        long objectiveOneRevision = revision(1, "Added the recruitment fee data.");
        long objectiveTwoRevision = revision(2, "Unrelated change.");
        mvc.perform(post("/cycles/" + cycle.id() + "/consultation/close").with(as(coordinator)).with(csrf()));
        Task respond = scenario.respondTask();
        long first = scenario.inputId(scenario.referenceOf("First input on objective 1."));
        long second = scenario.inputId(scenario.referenceOf("Second input, next steps."));
        CurrentUser ministry = scenario.users.ministry("KEN", "INTERIOR");
        mvc.perform(get("/tasks/" + respond.getId()).with(as(ministry))).andExpect(status().isForbidden());
        mvc.perform(get("/tasks/" + respond.getId()).with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + objectiveOneRevision + "\"")))
                .andExpect(content().string(not(containsString("value=\"" + objectiveTwoRevision + "\""))));

        mvc.perform(post("/tasks/" + respond.getId()).with(as(coordinator)).with(csrf()).param("action", "complete")
                        .param("outcome-" + first, "ACCEPTED").param("explanation-" + first, "Added to section 1."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("choose how it was taken into account")));
        // a revision of another section cannot be linked
        mvc.perform(post("/tasks/" + respond.getId()).with(as(coordinator)).with(csrf()).param("action", "save")
                        .param("outcome-" + first, "ACCEPTED").param("explanation-" + first, "Added to section 1.")
                        .param("revision-" + first, String.valueOf(objectiveTwoRevision)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("choose one of the listed revisions")));
        mvc.perform(post("/tasks/" + respond.getId()).with(as(coordinator)).with(csrf()).param("action", "save")
                        .param("outcome-" + first, "MAYBE").param("explanation-" + first, "Added to section 1."))
                .andExpect(status().isBadRequest());
        assertThat(outcome(first)).isNull();
        mvc.perform(post("/tasks/" + respond.getId()).with(as(coordinator)).with(csrf()).param("action", "save")
                        .param("outcome-" + first, "ACCEPTED").param("explanation-" + first, "Added to section 1.")
                        .param("revision-" + first, String.valueOf(objectiveOneRevision)))
                .andExpect(redirectedUrl("/tasks/" + respond.getId()));
        assertThat(outcome(first)).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select response_revision_id from consultation_input where id = ?").param(first)
                .query(Long.class).single()).isEqualTo(objectiveOneRevision);
        assertThat(scenario.window().responsesPublic()).isFalse();

        mvc.perform(post("/tasks/" + respond.getId()).with(as(coordinator)).with(csrf()).param("action", "complete")
                        .param("outcome-" + second, "NOT_ACCEPTED").param("explanation-" + second, "Out of scope.")
                        .param("reviseDraft", "true"))
                .andExpect(redirectedUrl("/tasks"));

        assertThat(outcome(second)).isEqualTo("NOT_ACCEPTED");
        assertThat(jdbc.sql("select response_text from consultation_input where id = ?").param(second)
                .query(String.class).single()).isEqualTo("Out of scope.");
        assertThat(scenario.window().responsesPublic()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(scenario.consultation.getId()).count())
                .isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(scenario.consultation.getId())
                .variableName("reviseDraft").singleResult().getValue()).isEqualTo(true);
    }

    /** A revision of the objective's report section, as report editing records it. */
    private long revision(int objective, String note) {
        long section = jdbc.sql("select id from report_section where cycle_id = ? and objective_number = ?")
                .params(cycle.id(), objective).query(Long.class).single();
        return jdbc.sql("""
                insert into section_revision (section_id, revision_no, body, author_id, note)
                values (?, (select coalesce(max(revision_no), 0) + 1 from section_revision where section_id = ?), ?, ?, ?)
                returning id""")
                .params(section, section, "Revised text.", coordinator.id(), note).query(Long.class).single();
    }

    private String outcome(long inputId) {
        return jdbc.sql("select response_outcome from consultation_input where id = ?").param(inputId)
                .query(String.class).optional().orElse(null);
    }
}
