package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The coordinator's moderation: a queue filtered by objective, stakeholder type and status; publishing,
 * hiding with a reason, grouping duplicates. Only the country's coordinator moderates.
 */
@ApplicationTest
class ModerationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsultationScenarios scenarios;

    ConsultationScenario scenario;
    CurrentUser coordinator;
    String civil;
    String academia;
    String individual;
    String unconfirmed;

    @BeforeEach
    void setUp() throws Exception {
        scenario = scenarios.start();
        coordinator = scenario.coordinator;
        scenario.openWindow();
        scenario.allowIndividuals();
        mvc.perform(scenario.input(scenario.stakeholder("CIVIL_SOCIETY"), "objective:1", "Civil society on objective one."));
        mvc.perform(scenario.input(scenario.stakeholder("ACADEMIA"), "objective:2", "Academia on objective two."));
        mvc.perform(scenario.individualInput("Jane Wanjiru", "jane@example.org", "section:POLICY", "An individual on policy."));
        mvc.perform(scenario.individualInput("Joe Unconfirmed", "joe@example.org", "section:POLICY", "Never confirmed input."));
        civil = scenario.referenceOf("Civil society on objective one.");
        academia = scenario.referenceOf("Academia on objective two.");
        individual = scenario.referenceOf("An individual on policy.");
        unconfirmed = scenario.referenceOf("Never confirmed input.");
        // the confirmation link itself is tested with real mail in ConsultationOverHttpTest
        jdbc.sql("update consultation_input set confirmed_at = now(), confirmation_token_sha256 = null where reference = ?")
                .param(individual).update();
    }

    @Test
    void theQueueFiltersByObjectiveStakeholderTypeAndStatus() throws Exception {
        queue("").andExpect(status().isOk())
                .andExpect(content().string(containsString("row-" + civil)))
                .andExpect(content().string(containsString("row-" + academia)))
                .andExpect(content().string(containsString("row-" + individual)))
                .andExpect(content().string(not(containsString(unconfirmed))))
                .andExpect(content().string(containsString("<label for=\"about\"")));
        queue("?about=objective:2").andExpect(content().string(containsString("row-" + academia)))
                .andExpect(content().string(not(containsString("row-" + civil))))
                .andExpect(content().string(not(containsString("row-" + individual))));
        queue("?about=section:POLICY").andExpect(content().string(containsString("row-" + individual)))
                .andExpect(content().string(not(containsString("row-" + academia))));
        queue("?type=CIVIL_SOCIETY").andExpect(content().string(containsString("row-" + civil)))
                .andExpect(content().string(not(containsString("row-" + academia))));
        queue("?type=INDIVIDUAL").andExpect(content().string(containsString("row-" + individual)))
                .andExpect(content().string(not(containsString("row-" + civil))));

        publish(academia);

        queue("?status=PUBLISHED").andExpect(content().string(containsString("row-" + academia)))
                .andExpect(content().string(not(containsString("row-" + civil))));
        queue("?status=RECEIVED&type=CIVIL_SOCIETY&about=objective:1")
                .andExpect(content().string(containsString("row-" + civil)))
                .andExpect(content().string(containsString("1 input")));
    }

    @Test
    void aFilterValueThatIsNotAChoiceIsABadRequest() throws Exception {
        queue("?status=DELETED").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a status from the list")))
                .andExpect(content().string(not(containsString("row-" + civil))));
        queue("?type=PIRATES").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a stakeholder type")));
        queue("?about=objective:99").andExpect(status().isBadRequest());
        queue("?about=<script>").andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void publishingAndHidingWithAReason() throws Exception {
        long id = scenario.inputId(civil);
        String path = "/cycles/" + scenario.cycle.id() + "/consultation/inputs/" + id;

        mvc.perform(post(path + "/hide").with(as(coordinator)).with(csrf()).param("reason", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"reason-error\"")));
        assertThat(state(civil)).isEqualTo("RECEIVED/");

        mvc.perform(post(path + "/hide").with(as(coordinator)).with(csrf()).param("reason", "Abusive language."))
                .andExpect(redirectedUrl(path));
        assertThat(state(civil)).isEqualTo("HIDDEN/Abusive language.");
        mvc.perform(get(path).with(as(coordinator)))
                .andExpect(content().string(containsString("Abusive language.")));

        mvc.perform(post(path + "/publish").with(as(coordinator)).with(csrf()))
                .andExpect(redirectedUrl(path));
        assertThat(state(civil)).isEqualTo("PUBLISHED/");
        // publishing from the queue returns to the queue as filtered
        mvc.perform(post("/cycles/" + scenario.cycle.id() + "/consultation/inputs/" + scenario.inputId(academia)
                        + "/publish").with(as(coordinator)).with(csrf()).param("from", "queue")
                        .param("type", "ACADEMIA").param("about", "").param("status", "RECEIVED"))
                .andExpect(redirectedUrl("/cycles/" + scenario.cycle.id() + "/consultation/inputs?type=ACADEMIA&status=RECEIVED"));
        assertThat(scenario.audit("CONSULTATION_INPUT_HIDDEN")).isOne();
        assertThat(scenario.audit("CONSULTATION_INPUT_PUBLISHED")).isEqualTo(2);
    }

    @Test
    void duplicatesAreGroupedOneLevelDeep() throws Exception {
        String base = "/cycles/" + scenario.cycle.id() + "/consultation/inputs/";
        long academiaId = scenario.inputId(academia);
        long individualId = scenario.inputId(individual);
        long civilId = scenario.inputId(civil);

        mvc.perform(post(base + academiaId + "/duplicate").with(as(coordinator)).with(csrf()).param("of", "KEN-CI-999999"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("no input with this reference")));
        mvc.perform(post(base + academiaId + "/duplicate").with(as(coordinator)).with(csrf()).param("of", academia))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("cannot be a duplicate of itself")));
        mvc.perform(post(base + academiaId + "/duplicate").with(as(coordinator)).with(csrf()).param("of", unconfirmed))
                .andExpect(status().isBadRequest());

        mvc.perform(post(base + academiaId + "/duplicate").with(as(coordinator)).with(csrf()).param("of", civil.toLowerCase()))
                .andExpect(redirectedUrl(base + academiaId));
        // a duplicate of a duplicate joins the group's first input
        mvc.perform(post(base + individualId + "/duplicate").with(as(coordinator)).with(csrf()).param("of", academia))
                .andExpect(redirectedUrl(base + individualId));
        assertThat(duplicateOf(academia)).isEqualTo(civilId);
        assertThat(duplicateOf(individual)).isEqualTo(civilId);
        mvc.perform(get(base + civilId).with(as(coordinator)))
                .andExpect(content().string(containsString("id=\"group\"")))
                .andExpect(content().string(containsString(academia)))
                .andExpect(content().string(containsString(individual)));
        // the group's first input cannot become a duplicate within its own group
        mvc.perform(post(base + civilId + "/duplicate").with(as(coordinator)).with(csrf()).param("of", individual))
                .andExpect(status().isBadRequest());

        mvc.perform(post(base + academiaId + "/ungroup").with(as(coordinator)).with(csrf()))
                .andExpect(redirectedUrl(base + academiaId));
        assertThat(duplicateOf(academia)).isNull();
        assertThat(duplicateOf(individual)).isEqualTo(civilId);
        assertThat(scenario.audit("CONSULTATION_INPUT_GROUPED")).isEqualTo(2);
    }

    @Test
    void onlyTheCountrysCoordinatorModerates() throws Exception {
        long id = scenario.inputId(civil);
        String path = "/cycles/" + scenario.cycle.id() + "/consultation/inputs";
        CurrentUser ghana = scenario.users.coordinator("GHA");
        CurrentUser stakeholder = scenario.stakeholder();
        CurrentUser ministry = scenario.users.ministry("KEN", "INTERIOR");
        for (CurrentUser user : new CurrentUser[] {ghana, stakeholder, ministry}) {
            mvc.perform(get(path).with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get(path + "/" + id).with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post(path + "/" + id + "/publish").with(as(user)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post(path + "/" + id + "/hide").with(as(user)).with(csrf()).param("reason", "x"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get(path)).andExpect(status().is3xxRedirection());
        assertThat(state(civil)).isEqualTo("RECEIVED/");
        // an input of another consultation is not found through this cycle
        ConsultationScenario elsewhere = scenarios.start();
        elsewhere.openWindow();
        mvc.perform(elsewhere.input(elsewhere.stakeholder(), "objective:1", "Input of another consultation."));
        long foreign = elsewhere.inputId(elsewhere.referenceOf("Input of another consultation."));
        mvc.perform(post(path + "/" + foreign + "/publish").with(as(coordinator)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(path + "/" + scenario.inputId(unconfirmed) + "/publish").with(as(coordinator)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aLongQueueIsPagedAndStaysLight() throws Exception {
        scenario.storeLongInputs(scenario.stakeholder(), 60, "RECEIVED");

        String first = queue("?status=RECEIVED").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(first).contains("63 inputs", "Page 1 of 2", "page=2");
        assertThat(first.split("<tr id=\"row-", -1)).hasSize(51);
        assertThat(first.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(150 * 1024);
        String second = queue("?status=RECEIVED&page=2").andReturn().getResponse().getContentAsString();
        assertThat(second.split("<tr id=\"row-", -1)).hasSize(14);
        String steering = mvc.perform(get("/cycles/" + scenario.cycle.id() + "/consultation").with(as(coordinator)))
                .andReturn().getResponse().getContentAsString();
        assertThat(steering.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(150 * 1024);
    }

    private ResultActions queue(String query) throws Exception {
        return mvc.perform(get("/cycles/" + scenario.cycle.id() + "/consultation/inputs" + query).with(as(coordinator)));
    }

    private void publish(String reference) throws Exception {
        mvc.perform(post("/cycles/" + scenario.cycle.id() + "/consultation/inputs/" + scenario.inputId(reference)
                + "/publish").with(as(coordinator)).with(csrf())).andExpect(status().is3xxRedirection());
    }

    private String state(String reference) {
        return jdbc.sql("select status || '/' || coalesce(moderation_reason, '') from consultation_input where reference = ?")
                .param(reference).query(String.class).single();
    }

    private Long duplicateOf(String reference) {
        return jdbc.sql("select duplicate_of from consultation_input where reference = ?").param(reference)
                .query(Long.class).optional().orElse(null);
    }
}
