package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.submission.ReviewRound;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16.4 through the real forms, at full size: objective sections tagged with the guiding principles they give
 * evidence for (a checkbox fieldset per section, saved with the revision, audited), the objective x principle
 * matrix on the progress page, the warning before the report goes on when a principle has no evidence (it does not
 * block: the coordinator confirms), and the secretariat synthesis counting submitted reports per principle.
 */
@ApplicationTest
class GuidingPrinciplesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;
    @Autowired
    ReviewFixtures reviews;
    @Autowired
    ReportVersions versions;
    @Autowired
    CarryOverScenario scenarios;

    @Test
    void sectionsAreTaggedTheMatrixShowsThemAndUnevidencedPrinciplesAreWarnedAboutBeforeSendingOn()
            throws Exception {
        CarryOverScenario.Country country = scenarios.country();
        scenarios.endorsedReport(country, "- Keep going.");
        long cycleId = scenarios.startAndScope(country, true);
        CurrentUser coordinator = country.coordinator();

        // the matrix: 23 objectives x 10 principles; carried-over tags 1-9 (objective n: ((n - 1) mod 9) + 1)
        Document progress = scenarios.progress(coordinator, cycleId);
        assertThat(progress.select("#principle-matrix caption").text()).startsWith("Objectives and the guiding");
        assertThat(progress.select("#principle-matrix thead th")).hasSize(11);
        assertThat(progress.select("#principle-matrix tbody tr")).hasSize(23);
        assertThat(progress.select("#principle-matrix tbody th[scope=row]")).hasSize(23);
        assertThat(progress.select("#principle-matrix tfoot td").eachText())
                .containsExactly("3", "3", "3", "3", "3", "2", "2", "2", "2", "0");
        assertThat(progress.select("#principle-matrix tbody tr").get(5).select("td").get(5).text())
                .contains("✓").contains("gives evidence for");

        cycles.submitContributions(cycleId, country.ministry(), "Drafted");
        String task = cycles.task(cycleId, NationalReview.CONSOLIDATE_REPORT).getId();
        ReportSection objective23 = scenarios.objective(scenarios.sections(cycleId), 23);
        Document editor = scenarios.page(coordinator, "/tasks/" + task + "?section=" + objective23.id());
        assertThat(editor.select("#principles-" + objective23.id() + " legend").text())
                .isEqualTo("Guiding principles this section gives evidence for");
        assertThat(editor.select("#principles-" + objective23.id() + " input[type=checkbox]")).hasSize(10);
        assertThat(editor.select("#principles-" + objective23.id() + " input[checked]").eachAttr("value"))
                .containsExactly("5");
        // the warning lists the principle no section gives evidence for
        assertThat(editor.select("#unevidenced li").eachText()).hasSize(1).allMatch(t -> t.startsWith("10. "));
        // the principles are named in the reader's language, as the UN's text in that language names them
        Document inSpanish = Jsoup.parse(mvc.perform(get("/tasks/" + task + "?section=" + objective23.id())
                        .with(TestUsers.as(coordinator)).header("Accept-Language", "es"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(inSpanish.getElementById("principle-" + objective23.id() + "-6").parent().text())
                .isEqualTo("6. Derechos humanos");
        assertThat(inSpanish.select("#unevidenced li").eachText()).containsExactly("10. Enfoque pansocial");

        // a principle that is not one of the ten: refused, nothing stored
        mvc.perform(tag(coordinator, task, objective23, "save", "1", "11")).andExpect(status().isBadRequest());
        assertThat(scenarios.objective(scenarios.sections(cycleId), 23).content().principles()).containsExactly(5);

        // sending on with principle 10 unevidenced: warned, not sent until confirmed
        Document warned = Jsoup.parse(mvc.perform(post("/tasks/" + task).with(TestUsers.as(coordinator)).with(csrf())
                        .param("action", "send").param("answerschecked", "yes").param("principlescheck", "1"))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(warned.select("#error-summary a[href=#confirmUnevidenced]").text())
                .startsWith("No objective section gives evidence for: 10. ");
        assertThat(cycles.openTasks(cycleId, NationalReview.CONSOLIDATE_REPORT)).isEqualTo(1);

        // tagging: objective 23 gives evidence for 1 and 10, saved with the revision and audited
        mvc.perform(tag(coordinator, task, objective23, "save", "10", "1")).andExpect(status().is3xxRedirection());
        ReportSection tagged = scenarios.objective(scenarios.sections(cycleId), 23);
        assertThat(tagged.content().principles()).containsExactly(1, 10);
        assertThat(tagged.carriedOver()).isFalse();
        assertThat(jdbc.sql("select principles from section_revision where section_id = ? order by revision_no desc"
                + " limit 1").param(tagged.id()).query(String.class).single()).isEqualTo("1,10");
        assertThat(cycles.count("select count(*) from audit_event where action = 'REPORT_SECTIONS_SAVED'"
                + " and subject_id = ? and details like '%(guiding principles: 1,10)%'", String.valueOf(cycleId)))
                .isEqualTo(1);
        progress = scenarios.progress(coordinator, cycleId);
        assertThat(progress.select("#principle-matrix tfoot td").eachText())
                .containsExactly("4", "3", "3", "3", "2", "2", "2", "2", "2", "1");
        assertThat(progress.select("#count-carried").text()).isEqualTo("26");

        // untagging everything of objective 23 (no box ticked) is a change too
        mvc.perform(tag(coordinator, task, scenarios.objective(scenarios.sections(cycleId), 23), "save"))
                .andExpect(status().is3xxRedirection());
        assertThat(scenarios.objective(scenarios.sections(cycleId), 23).content().principles()).isEmpty();

        // confirmed: sent on, with the unevidenced principle in the audit trail
        mvc.perform(post("/tasks/" + task).with(TestUsers.as(coordinator)).with(csrf()).param("action", "send").param("answerschecked", "yes")
                .param("principlescheck", "1").param("confirmUnevidenced", "yes"))
                .andExpect(status().is3xxRedirection());
        assertThat(cycles.openTasks(cycleId, NationalReview.CONSOLIDATE_REPORT)).isZero();
        assertThat(cycles.count("select count(*) from audit_event where action = 'REPORT_CONSOLIDATED'"
                + " and subject_id = ? and details like '%without evidence: 10'", String.valueOf(cycleId)))
                .isEqualTo(1);
    }

    @Test
    void theSynthesisCountsTheSubmittedReportsOfTheRoundPerPrinciple() throws Exception {
        ReviewRound round = reviews.regionalRound("ECA");
        // three countries' latest submissions: principles {1, 6}, {6} and a withdrawn one {1, 2} not counted
        submit(round, List.of("1,6", "6"), "SUBMITTED");
        submit(round, List.of("6", ""), "ACKNOWLEDGED");
        submit(round, List.of("1,2"), "WITHDRAWN");
        Document synthesis = scenarios.page(users.regionalSecretariat("ECA"),
                "/secretariat/synthesis?round=" + round.code());
        assertThat(synthesis.select("#principle-counts caption").text())
                .isEqualTo("How many of the 2 submitted reports give evidence for each guiding principle.");
        assertThat(synthesis.select("#principle-counts tbody tr")).hasSize(10);
        assertThat(synthesis.select("#principle-1 td").text()).isEqualTo("1");
        assertThat(synthesis.select("#principle-2 td").text()).isEqualTo("0");
        assertThat(synthesis.select("#principle-6 td").text()).isEqualTo("2");
        assertThat(synthesis.select("#principle-10 td").text()).isEqualTo("0");
    }

    /** A country's report frozen with these principles on objectives 1, 2, ... and submitted to the round. */
    private void submit(ReviewRound round, List<String> principles, String status) {
        CarryOverScenario.Country country = scenarios.country();
        long cycleId = reviews.cycle(country.coordinator()).id();
        for (int n = 0; n < principles.size(); n++) {
            jdbc.sql("update report_section set principles = ? where cycle_id = ? and objective_number = ?")
                    .params(principles.get(n), cycleId, n + 1).update();
        }
        long version = versions.freeze(cycleId).id();
        jdbc.sql("""
                insert into submission (cycle_id, round_id, report_version_id, kind, status)
                values (?, ?, ?, 'REGIONAL', ?)""").params(cycleId, round.id(), version, status).update();
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder tag(CurrentUser coordinator,
            String task, ReportSection section, String action, String... principles) {
        var form = post("/tasks/" + task).with(TestUsers.as(coordinator)).with(csrf()).param("action", action).param("answerschecked", "yes")
                .param("version-" + section.id(), String.valueOf(section.lockVersion()))
                .param("principlesshown-" + section.id(), "1");
        for (String p : principles) {
            form.param("principles-" + section.id(), p);
        }
        return form;
    }
}
