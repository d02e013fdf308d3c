package org.gcmreview.submission;

import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A secretariat's round page and its refusal in the reader's language: labels, statuses, dates and counts. */
@ApplicationTest
class SubmissionLanguagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    @Test
    void closingARoundSpeaksTheSecretariatsLanguage() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser eca = users.regionalSecretariat("ECA");
        Task synthesis = fixtures.roundWithSubmission(coordinator, "ECA").synthesis();

        mvc.perform(get("/tasks/" + synthesis.getId()).with(as(eca)).cookie(language("fr")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Clore la session"),
                        containsString("date limite de soumission"), containsString(">Soumis<"),
                        containsString("Préparer la synthèse régionale"), not(containsString("SUBMITTED")),
                        not(containsString("Close the round")))));

        mvc.perform(post("/tasks/" + synthesis.getId()).with(as(eca)).with(csrf()).cookie(language("fr"))
                        .param("confirm", "yes").param("action", "close"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez d’accepter le rapport de Kenya en retard")));
        mvc.perform(post("/tasks/" + synthesis.getId()).with(as(eca)).with(csrf()).cookie(language("ar"))
                        .param("confirm", "yes").param("action", "close"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("اختاروا قبول تقرير"), containsString("dir=\"rtl\""))));
    }

    private static Cookie language(String code) {
        return new Cookie("gcm-lang", code);
    }
}
