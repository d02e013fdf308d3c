package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public "what we heard and what we did" page: after the window, the published inputs with the
 * responses once the coordinator has completed them, and a summary by objective and stakeholder type in which
 * a duplicate group counts once.
 */
@ApplicationTest
class WhatWeHeardTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsultationScenarios scenarios;

    ConsultationScenario scenario;
    CurrentUser coordinator;
    String page;

    @BeforeEach
    void setUp() {
        scenario = scenarios.open();
        coordinator = scenario.coordinator;
        page = "/consultations/" + scenario.cycle.businessKey() + "/what-we-heard";
    }

    @Test
    void beforeTheWindowClosesNothingIsShown() throws Exception {
        mvc.perform(scenario.input(scenario.stakeholder(), "objective:1", "Published but the window is open."));
        publish(scenario.referenceOf("Published but the window is open."));

        mvc.perform(get(page))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("published once the consultation has closed")))
                .andExpect(content().string(not(containsString("Published but the window is open."))));
        mvc.perform(get("/consultations/KEN-no-such-cycle/what-we-heard")).andExpect(status().isNotFound());
    }

    @Test
    void publishedInputsWithTheirResponsesAndASummaryCountingDuplicatesOnce() throws Exception {
        CurrentUser civil = scenario.stakeholder("CIVIL_SOCIETY");
        CurrentUser academia = scenario.stakeholder("ACADEMIA");
        send(civil, "objective:1", "Fees: recruitment fees must be banned.");
        send(academia, "objective:1", "Fees again: ban recruitment fees.");
        send(academia, "objective:2", "Data on detention is missing.");
        send(civil, "objective:3", "Unmoderated input, never published.");
        send(civil, "section:POLICY", "Hidden because it is abusive.");
        mvc.perform(scenario.individualInput("Jane Wanjiru", "jane@example.org", "section:MEANS",
                "An individual on the means of implementation."));
        String individual = scenario.referenceOf("An individual on the means of implementation.");
        jdbc.sql("update consultation_input set confirmed_at = now(), confirmation_token_sha256 = null where reference = ?")
                .param(individual).update();
        mvc.perform(scenario.individualInput("Joe Unconfirmed", "joe@example.org", "section:MEANS",
                "Unconfirmed individual input."));

        String fees = scenario.referenceOf("Fees: recruitment fees must be banned.");
        String feesAgain = scenario.referenceOf("Fees again: ban recruitment fees.");
        String detention = scenario.referenceOf("Data on detention is missing.");
        String hidden = scenario.referenceOf("Hidden because it is abusive.");
        String unconfirmed = scenario.referenceOf("Unconfirmed individual input.");
        for (String reference : new String[] {fees, feesAgain, detention, hidden, individual}) {
            publish(reference);
        }
        jdbc.sql("update consultation_input set status = 'PUBLISHED' where reference = ?").param(unconfirmed).update();
        String base = "/cycles/" + scenario.cycle.id() + "/consultation/inputs/";
        mvc.perform(post(base + scenario.inputId(hidden) + "/hide").with(as(coordinator)).with(csrf())
                .param("reason", "Abusive.")).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + scenario.inputId(feesAgain) + "/duplicate").with(as(coordinator)).with(csrf())
                .param("of", fees)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/cycles/" + scenario.cycle.id() + "/consultation/close").with(as(coordinator)).with(csrf()));

        String html = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("Fees: recruitment fees must be banned.", "Fees again: ban recruitment fees.",
                        "Data on detention is missing.", "An individual on the means of implementation.")
                .doesNotContain("Unmoderated input, never published.", "Hidden because it is abusive.",
                        "Unconfirmed individual input.", "Jane Wanjiru", "jane@example.org", unconfirmed, hidden)
                .contains("An individual")
                .contains("The same point was made in one more input")
                .contains("4 published inputs making 3 distinct points");
        // the duplicate is shown inside its group's article, after the first input
        assertThat(html.indexOf(feesAgain)).isGreaterThan(html.indexOf(fees));
        assertThat(html.substring(html.indexOf(fees), html.indexOf(feesAgain))).doesNotContain("<article");
        // objective 1 counts one group although two organisations of two types made the point
        assertThat(count(html, "by-target-table", "Objective 1:")).isEqualTo(1);
        assertThat(count(html, "by-target-table", "Objective 2:")).isEqualTo(1);
        assertThat(count(html, "by-target-table", "Objective 3:")).isZero();
        assertThat(count(html, "by-target-table", "Means of implementation and partnerships")).isEqualTo(1);
        assertThat(count(html, "by-target-table", "Policy and enabling environment")).isZero();
        assertThat(count(html, "by-type-table", "Civil society")).isEqualTo(1);
        assertThat(count(html, "by-type-table", "Academia")).isEqualTo(2);
        assertThat(count(html, "by-type-table", "Individuals")).isEqualTo(1);
        assertThat(count(html, "by-type-table", "Trade unions")).isZero();
        // the charts: the longest bar is the largest count, drawn on the server, no script anywhere
        assertThat(html).contains("<rect x=\"0\" y=\"2\" height=\"12\" fill=\"#1f5f99\" width=\"240\"")
                .contains("aria-hidden=\"true\"").doesNotContain("<script");
        assertThat(html).contains("still recording how each input was taken into account")
                .doesNotContain("Our response:");

        Task respond = scenario.respondTask();
        long group = scenario.inputId(fees);
        long detentionId = scenario.inputId(detention);
        long individualId = scenario.inputId(individual);
        mvc.perform(post("/tasks/" + respond.getId()).with(as(coordinator)).with(csrf()).param("action", "complete")
                        .param("outcome-" + group, "ACCEPTED").param("explanation-" + group, "Fees are now covered.")
                        .param("outcome-" + detentionId, "PARTLY").param("explanation-" + detentionId, "Partial data added.")
                        .param("outcome-" + individualId, "NOT_ACCEPTED")
                        .param("explanation-" + individualId, "Outside the reporting period.")
                        .param("outcome-" + scenario.inputId(scenario.referenceOf("Unmoderated input, never published.")),
                                "NOT_ACCEPTED")
                        .param("explanation-" + scenario.inputId(scenario.referenceOf("Unmoderated input, never published.")),
                                "Not relevant."))
                .andExpect(status().is3xxRedirection());
        // the duplicate got its group's response
        assertThat(jdbc.sql("select response_outcome from consultation_input where reference = ?").param(feesAgain)
                .query(String.class).single()).isEqualTo("ACCEPTED");

        mvc.perform(get(page))
                .andExpect(content().string(containsString("Our response:")))
                .andExpect(content().string(containsString("Fees are now covered.")))
                .andExpect(content().string(containsString("Partly accepted")))
                .andExpect(content().string(containsString("Outside the reporting period.")))
                .andExpect(content().string(not(containsString("Not relevant."))))
                .andExpect(content().string(not(containsString("still recording"))));
    }

    @Test
    void aLargeConsultationIsPagedAndEveryPageStaysLight() throws Exception {
        scenario.storeLongInputs(scenario.stakeholder(), 25, "PUBLISHED");
        mvc.perform(post("/cycles/" + scenario.cycle.id() + "/consultation/close").with(as(coordinator)).with(csrf()));

        String first = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get(page + "?page=2")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(first).contains("25 published inputs making 25 distinct points", "Page 1 of 2",
                "href=\"" + page + "?page=2\"");
        assertThat(first.split("<article", -1)).hasSize(21);
        assertThat(second.split("<article", -1)).hasSize(6);
        assertThat(second).contains("Page 2 of 2", "href=\"" + page + "?page=1\"");
        assertThat(first.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(150 * 1024);
        // a page number out of range shows the nearest page, never an error
        mvc.perform(get(page + "?page=99")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Page 2 of 2")));
        mvc.perform(get(page + "?page=abc")).andExpect(status().isBadRequest());
    }

    private void send(CurrentUser user, String target, String body) throws Exception {
        mvc.perform(scenario.input(user, target, body)).andExpect(status().is3xxRedirection());
    }

    private void publish(String reference) throws Exception {
        mvc.perform(post("/cycles/" + scenario.cycle.id() + "/consultation/inputs/" + scenario.inputId(reference)
                + "/publish").with(as(coordinator)).with(csrf())).andExpect(status().is3xxRedirection());
    }

    /** The count in the summary table's row whose heading contains the label. */
    private static int count(String html, String table, String label) {
        String rows = html.substring(html.indexOf("id=\"" + table + "\""));
        rows = rows.substring(0, rows.indexOf("</table>"));
        Matcher row = Pattern.compile("<th scope=\"row\">([^<]*)</th>\\s*<td>(\\d+)</td>").matcher(rows);
        while (row.find()) {
            if (row.group(1).contains(label)) {
                return Integer.parseInt(row.group(2));
            }
        }
        throw new AssertionError("no row " + label + " in " + table);
    }
}
