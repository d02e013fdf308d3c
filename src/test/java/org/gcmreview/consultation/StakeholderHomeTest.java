package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.allOf;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A stakeholder finds where to give input: signing in (which leads to /tasks) brings them to their country's
 * consultations and their own inputs; a closed consultation no longer invites input.
 */
@ApplicationTest
class StakeholderHomeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsultationScenarios scenarios;

    @Test
    void aStakeholderLandsOnTheirCountrysConsultationsAndSeesTheirInputsWithTheirStatus() throws Exception {
        ConsultationScenario open = scenarios.start();
        open.openWindow();
        ConsultationScenario announced = scenarios.scheduled();
        mvc.perform(post("/cycles/" + announced.cycle.id() + "/consultation/settings").with(as(announced.coordinator))
                .with(csrf()).param("targets", "objective:1")).andExpect(status().is3xxRedirection());
        CurrentUser stakeholder = open.stakeholder();
        mvc.perform(open.input(stakeholder, "objective:2", "Our view on objective two."))
                .andExpect(status().is3xxRedirection());
        String reference = jdbc.sql("select reference from consultation_input where author_user_id = ?")
                .param(stakeholder.id()).query(String.class).single();

        mvc.perform(get("/tasks").with(as(stakeholder))).andExpect(redirectedUrl("/my-consultations"));
        mvc.perform(get("/my-consultations").with(as(stakeholder)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/consultations/" + open.cycle.businessKey() + "\""),
                        containsString("Open for input until"),
                        containsString("href=\"/consultations/" + announced.cycle.businessKey() + "\""),
                        containsString("Announced: opens on"),
                        containsString(reference), containsString("Received, not yet reviewed"),
                        // the header: the consultations, no empty "My tasks"
                        containsString("href=\"/consultations\">Consultations</a>"),
                        containsString(">My consultations</a>"), not(containsString(">My tasks</a>")))));
        mvc.perform(get("/my-consultations").with(as(stakeholder)).header("Accept-Language", "fr"))
                .andExpect(content().string(allOf(containsString("Mes consultations"),
                        containsString("Reçue, pas encore examinée"))));

        // a stakeholder of another country sees none of Kenya's
        CurrentUser ghanaian = open.users.stakeholder("GHA", "Ghana forum " + reference);
        mvc.perform(get("/my-consultations").with(as(ghanaian)))
                .andExpect(content().string(allOf(not(containsString(open.cycle.businessKey())),
                        containsString("You have not sent any input yet."))));
        mvc.perform(get("/my-consultations").with(as(open.coordinator))).andExpect(status().isForbidden());
    }

    @Test
    void aClosedConsultationSaysWhenItClosedAndNoLongerInvitesInput() throws Exception {
        ConsultationScenario scenario = scenarios.start();
        scenario.openWindow();
        mvc.perform(get("/consultations/" + scenario.cycle.businessKey()))
                .andExpect(content().string(containsString("Send your input")));
        mvc.perform(post("/cycles/" + scenario.cycle.id() + "/consultation/close").with(as(scenario.coordinator))
                .with(csrf())).andExpect(status().is3xxRedirection());

        for (String language : new String[] {"en", "fr", "es", "ar"}) {
            mvc.perform(get("/consultations/" + scenario.cycle.businessKey()).header("Accept-Language", language))
                    .andExpect(content().string(allOf(containsString("id=\"closed-notice\""),
                            containsString("/consultations/" + scenario.cycle.businessKey() + "/what-we-heard"),
                            not(containsString("href=\"/organisations/register\"")),
                            not(containsString("id=\"organisation-form\"")))));
        }
        mvc.perform(get("/consultations/" + scenario.cycle.businessKey()))
                .andExpect(content().string(allOf(containsString("This consultation closed on"),
                        containsString("It no longer accepts input."), not(containsString("Send your input")))));
        mvc.perform(get("/my-consultations").with(as(scenario.stakeholder())))
                .andExpect(content().string(allOf(containsString("id=\"closed-consultations\""),
                        containsString("closed on"))));
    }
}
