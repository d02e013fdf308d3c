package org.gcmreview.report.history;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Revision history and differences of report sections and contributions: who may read them, and what they say. */
@ApplicationTest
class RevisionHistoryWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    ReportTestData data;

    CurrentUser coordinator;
    CurrentUser interior;
    CurrentUser labour;
    long cycleId;
    long sectionId;
    long contributionId;
    String sectionUrl;
    String contributionUrl;

    @BeforeEach
    void aKenyanReportWithRevisions() {
        coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
        labour = users.ministry("KEN", "LABOUR");
        cycleId = data.cycle(coordinator);
        sectionId = data.section(cycleId, 1, "Objective 1: Data");
        data.sectionRevision(sectionId, 1, "Kenya collects migration data.", "PLANNED", coordinator, "First draft");
        data.sectionRevision(sectionId, 2, "Kenya collects and publishes migration data.\n<script>alert(1)</script>",
                "IN_PROGRESS", coordinator, "Merged the <b>interior</b> contribution");
        data.sectionRevision(sectionId, 3, "Kenya collects and publishes disaggregated migration data.\n"
                + "<script>alert(1)</script>", "IN_PROGRESS", interior, null);
        contributionId = data.contribution(cycleId, interior, 1);
        data.contributionRevision(contributionId, 1, "The ministry started a census.", "PLANNED", interior);
        data.contributionRevision(contributionId, 2, "The ministry completed a census.", "IMPLEMENTED", interior);
        sectionUrl = "/cycles/" + cycleId + "/sections/" + sectionId;
        contributionUrl = "/cycles/" + cycleId + "/contributions/" + contributionId;
    }

    ResultActions getAs(CurrentUser user, String url) throws Exception {
        return mvc.perform(get(url).with(TestUsers.as(user)));
    }

    @Test
    void theCoordinatorSeesEveryRevisionOfASectionNewestFirst() throws Exception {
        getAs(coordinator, sectionUrl + "/history")
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("History of <span>Objective 1: Data</span>"),
                        stringContainsInOrder(List.of("<td>3</td>", interior.displayName(), "In progress",
                                "<td>2</td>", coordinator.displayName(), "Merged the &lt;b&gt;interior&lt;/b&gt; contribution",
                                "<td>1</td>", coordinator.displayName(), "Planned", "First draft")),
                        containsString("href=\"" + sectionUrl + "/diff?from=2&amp;to=3\""),
                        containsString("href=\"" + sectionUrl + "/diff?from=1&amp;to=2\""),
                        containsString("href=\"" + sectionUrl + "/diff?from=1&amp;to=1\""),
                        containsString("action=\"" + sectionUrl + "/diff\""),
                        not(containsString("<b>interior</b>")))));
        // administrators run the platform, they do not read a country's drafts
        getAs(users.admin(), sectionUrl + "/history").andExpect(status().isForbidden());
    }

    @Test
    void theDiffMarksDeletedAndInsertedWordsAndEscapesTheText() throws Exception {
        getAs(coordinator, sectionUrl + "/diff?from=1&to=3")
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        // the inserted second line starts after a line break
                        containsString("<span>Kenya collects </span><ins>and publishes disaggregated </ins>"
                                + "<span>migration data.</span><br><ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>"),
                        containsString("Implementation status:"),
                        containsString("<del>Planned</del>"),
                        containsString("<ins>In progress</ins>"),
                        not(containsString("<script>alert(1)</script>")))));
        getAs(coordinator, sectionUrl + "/diff?from=2&to=3")
                .andExpect(content().string(allOf(
                        containsString("<span>Kenya collects and publishes </span><ins>disaggregated </ins>"
                                + "<span>migration data.</span><br><span>&lt;script&gt;alert(1)&lt;/script&gt;</span>"),
                        not(containsString("Implementation status:")))));
    }

    @Test
    void aRevisionComparedWithItselfIsItsText() throws Exception {
        getAs(coordinator, sectionUrl + "/diff?from=1&to=1")
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("The text is the same in both revisions."),
                        containsString("<span>Kenya collects migration data.</span>"))));
    }

    @Test
    void longTextsThatDifferEverywhereAreComparedByLines() throws Exception {
        long section = data.section(cycleId, 2, "Objective 2");
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; before.length() < 50_000; i++) {
            before.append("Line ").append(i).append(" about policy ").append(i * 7 % 13).append(" and ").append(i % 5)
                    .append('\n');
            after.append("Row ").append(i).append(" about practice ").append(i * 11 % 17).append(" or ")
                    .append(i % 3).append('\n');
        }
        data.sectionRevision(section, 1, before.toString(), null, coordinator, null);
        data.sectionRevision(section, 2, after.toString(), null, coordinator, null);
        getAs(coordinator, "/cycles/" + cycleId + "/sections/" + section + "/diff?from=1&to=2")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("so changes are shown as whole lines")));
    }

    @Test
    void ministriesStakeholdersSecretariatsAndOtherCountriesCannotReadSectionHistory() throws Exception {
        for (CurrentUser user : List.of(interior, users.stakeholder("KEN", "Diaspora Forum"),
                users.coordinator("GHA"), users.regionalSecretariat("ECA"), users.imrfSecretariat())) {
            getAs(user, sectionUrl + "/history").andExpect(status().isForbidden());
            getAs(user, sectionUrl + "/diff?from=1&to=2").andExpect(status().isForbidden());
        }
        mvc.perform(get(sectionUrl + "/history")).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void idsFromAnotherCycleAreNotFound() throws Exception {
        long otherCycle = data.cycle(coordinator);
        long otherSection = data.section(otherCycle, 1, "Other report");
        data.sectionRevision(otherSection, 1, "Other text", null, coordinator, null);
        long otherContribution = data.contribution(otherCycle, interior, 1);
        CurrentUser ghana = users.coordinator("GHA");
        long ghanaSection = data.section(data.cycle(ghana), 1, "Ghana");

        getAs(coordinator, "/cycles/" + cycleId + "/sections/" + otherSection + "/history")
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This review cycle has no such section.")));
        getAs(coordinator, "/cycles/" + cycleId + "/sections/" + otherSection + "/diff?from=1&to=1")
                .andExpect(status().isNotFound());
        getAs(coordinator, "/cycles/" + cycleId + "/sections/" + ghanaSection + "/history")
                .andExpect(status().isNotFound());
        getAs(coordinator, "/cycles/" + cycleId + "/contributions/" + otherContribution + "/history")
                .andExpect(status().isNotFound());
        getAs(interior, "/cycles/" + cycleId + "/contributions/" + otherContribution + "/history")
                .andExpect(status().isNotFound());
        // the right pair of ids works
        getAs(coordinator, "/cycles/" + otherCycle + "/sections/" + otherSection + "/history")
                .andExpect(status().isOk());
    }

    @Test
    void unknownRevisionsAreNotFoundAndMissingOnesAreABadRequest() throws Exception {
        getAs(coordinator, sectionUrl + "/diff?from=1&to=9").andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no revision 9 of this text.")));
        getAs(coordinator, contributionUrl + "/diff?from=0&to=1").andExpect(status().isNotFound());
        getAs(coordinator, sectionUrl + "/diff?from=1").andExpect(status().isBadRequest());
        getAs(coordinator, sectionUrl + "/diff?from=x&to=1").andExpect(status().isBadRequest());
    }

    @Test
    void aSectionWithoutRevisionsSaysSo() throws Exception {
        long empty = data.section(cycleId, 3, "Objective 3");
        getAs(coordinator, "/cycles/" + cycleId + "/sections/" + empty + "/history")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing has been saved yet.")));
    }

    @Test
    void theCoordinatorAndTheOwningMinistryReadAContributionsHistory() throws Exception {
        // the demo data may have named the ministry already; the page shows whatever its name is
        String ministry = jdbc.sql("select name from ministry where id = ?").param(interior.ministryId())
                .query(String.class).single();
        getAs(users.admin(), contributionUrl + "/history").andExpect(status().isForbidden());
        for (CurrentUser user : List.of(coordinator, interior)) {
            getAs(user, contributionUrl + "/history")
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(
                            containsString("History of <span>Objective 1: Data (" + ministry + ")</span>"),
                            stringContainsInOrder(List.of("<td>2</td>", "Implemented", "<td>1</td>", "Planned")),
                            containsString("href=\"" + contributionUrl + "/diff?from=1&amp;to=2\""))));
        }
        getAs(interior, contributionUrl + "/diff?from=1&to=2")
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<span>The ministry </span><del>started</del><ins>completed</ins>"
                                + "<span> a census.</span>"),
                        containsString("<del>Planned</del>"),
                        containsString("<ins>Implemented</ins>"))));
    }

    @Test
    void otherMinistriesAndCountriesCannotReadAContributionsHistory() throws Exception {
        for (CurrentUser user : List.of(labour, users.stakeholder("KEN", "Diaspora Forum"), users.coordinator("GHA"),
                users.ministry("GHA", "INTERIOR"), users.regionalSecretariat("ECA"))) {
            getAs(user, contributionUrl + "/history").andExpect(status().isForbidden());
            getAs(user, contributionUrl + "/diff?from=1&to=2").andExpect(status().isForbidden());
        }
    }
}
