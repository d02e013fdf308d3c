package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.TaskService;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The structure of objective sections and contributions (status, narrative, measures, practices, challenges,
 * linked SDG targets, indicators) through the drafting form and the report editor: what is stored, what a
 * revision records, how indicators are checked, and that lock conflicts cover every field.
 */
@ApplicationTest
class StructuredDraftingTest {

    static final int NEXT_YEAR = Year.now(ZoneOffset.UTC).getValue() + 1;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;
    @Autowired
    TaskService taskService;
    @Autowired
    Contributions contributions;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;

    CurrentUser coordinator;
    CurrentUser interior;
    CurrentUser interiorColleague;

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
        interiorColleague = users.ministry("KEN", "INTERIOR");
    }

    @Test
    void aMinistryDraftsEveryPartOfAnObjectiveAndEachSaveIsACompleteRevision() throws Exception {
        long cycleId = scopedWithObjective1();
        Task task = draftingTask(cycleId);
        long c = contribution(cycleId);

        // the page shows the objective's SDG targets from the reference data, and every field
        mvc.perform(get("/tasks/" + task.getId()).with(TestUsers.as(interior)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Linked SDG targets:"),
                        containsString("<span class=\"badge\">10.7</span>"),
                        containsString("<span class=\"badge\">17.18</span>"),
                        containsString("name=\"measures-" + c + "\""), containsString("name=\"practices-" + c + "\""),
                        containsString("name=\"challenges-" + c + "\""),
                        containsString("name=\"indrows-" + c + "\" value=\"1\""),
                        containsString("name=\"ind-" + c + "-0-year\""),
                        containsString("<legend>Indicator 1</legend>"))));

        mvc.perform(draft(task, interior, "save", c, 0)
                        .param("status-" + c, "IN_PROGRESS").param("body-" + c, "A data strategy is being drafted.")
                        .param("measures-" + c, "Border records feed the statistics office.")
                        .param("practices-" + c, "Monthly data exchange.").param("challenges-" + c, "Staffing.")
                        .param("indrows-" + c, "3")
                        .param("ind-" + c + "-0-name", "Migrants registered").param("ind-" + c + "-0-value", "1 250,50")
                        .param("ind-" + c + "-0-unit", "persons").param("ind-" + c + "-0-source", "Civil registry")
                        .param("ind-" + c + "-0-year", "2024")
                        // an empty row is no indicator
                        .param("ind-" + c + "-1-name", " ").param("ind-" + c + "-1-value", "")
                        .param("ind-" + c + "-2-name", "Data sharing agreements").param("ind-" + c + "-2-value", "3")
                        .param("ind-" + c + "-2-source", "Interior ministry").param("ind-" + c + "-2-year", String.valueOf(NEXT_YEAR)))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));

        assertThat(jdbc.sql("select implementation_status, body, measures, practices, challenges, lock_version "
                + "from contribution where id = ?").param(c).query().singleRow())
                .containsEntry("implementation_status", "IN_PROGRESS")
                .containsEntry("body", "A data strategy is being drafted.")
                .containsEntry("measures", "Border records feed the statistics office.")
                .containsEntry("practices", "Monthly data exchange.").containsEntry("challenges", "Staffing.")
                .containsEntry("lock_version", 1);
        assertThat(jdbc.sql("select position || '|' || name || '|' || value || '|' || unit || '|' || source || '|' || year "
                + "from contribution_indicator where contribution_id = ? order by position").param(c).query(String.class)
                .list()).containsExactly("0|Migrants registered|1250.5|persons|Civil registry|2024",
                        "1|Data sharing agreements|3||Interior ministry|" + NEXT_YEAR);
        Map<String, Object> revision = jdbc.sql("select revision_no, author_id, implementation_status, body, measures, "
                + "practices, challenges, indicators from contribution_revision where contribution_id = ?")
                .param(c).query().singleRow();
        assertThat(revision).containsEntry("revision_no", 1).containsEntry("author_id", interior.id())
                .containsEntry("measures", "Border records feed the statistics office.")
                .containsEntry("practices", "Monthly data exchange.").containsEntry("challenges", "Staffing.");
        assertThat((String) revision.get("indicators")).isEqualTo("[{\"name\":\"Migrants registered\",\"value\":\"1250.5\","
                + "\"unit\":\"persons\",\"source\":\"Civil registry\",\"year\":2024},{\"name\":\"Data sharing agreements\","
                + "\"value\":\"3\",\"unit\":\"\",\"source\":\"Interior ministry\",\"year\":" + NEXT_YEAR + "}]");

        // the page now offers the two indicators and one empty row
        mvc.perform(get("/tasks/" + task.getId()).with(TestUsers.as(interior)))
                .andExpect(content().string(allOf(containsString("name=\"indrows-" + c + "\" value=\"3\""),
                        containsString("value=\"1250.5\""), containsString("name=\"ind-" + c + "-2-name\" value=\"\""))));

        // a second save that only removes one indicator is revision 2, complete again
        mvc.perform(draft(task, interior, "save", c, 1)
                        .param("status-" + c, "IN_PROGRESS").param("body-" + c, "A data strategy is being drafted.")
                        .param("measures-" + c, "Border records feed the statistics office.")
                        .param("practices-" + c, "Monthly data exchange.").param("challenges-" + c, "Staffing.")
                        .param("indrows-" + c, "1")
                        .param("ind-" + c + "-0-name", "Migrants registered").param("ind-" + c + "-0-value", "1250.5")
                        .param("ind-" + c + "-0-unit", "persons").param("ind-" + c + "-0-source", "Civil registry")
                        .param("ind-" + c + "-0-year", "2024"))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));
        assertThat(jdbc.sql("select revision_no || ':' || measures || ':' || indicators from contribution_revision "
                + "where contribution_id = ? order by revision_no").param(c).query(String.class).list())
                .hasSize(2).last().asString().startsWith("2:Border records feed the statistics office.:[{\"name\":\"Migrants registered\"")
                .doesNotContain("Data sharing agreements");
        assertThat(cycles.count("select count(*) from contribution_indicator where contribution_id = ?", c)).isOne();
    }

    @Test
    void indicatorsNeedANameANumberASourceAndAYearFrom1990ToNextYearAndNothingIsStoredOtherwise() throws Exception {
        long cycleId = scopedWithObjective1();
        Task task = draftingTask(cycleId);
        long c = contribution(cycleId);
        String p = "ind-" + c + "-";

        mvc.perform(draft(task, interior, "save", c, 0)
                        .param("status-" + c, "PLANNED").param("body-" + c, "Typed narrative that must not be lost.")
                        .param("measures-" + c, "Typed measures.")
                        .param("indrows-" + c, "4")
                        .param(p + "0-name", "Old data").param(p + "0-value", "12").param(p + "0-source", "Census")
                        .param(p + "0-year", "1989")
                        .param(p + "1-name", "Future data").param(p + "1-value", "12").param(p + "1-source", "Census")
                        .param(p + "1-year", String.valueOf(NEXT_YEAR + 1))
                        .param(p + "2-name", "Unsourced").param(p + "2-value", "twelve").param(p + "2-year", "2020")
                        .param(p + "3-value", "7").param(p + "3-source", "Survey").param(p + "3-year", "year"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("Objective 1, indicator 1: the year must be between 1990 and " + NEXT_YEAR),
                        containsString("Objective 1, indicator 2: the year must be between 1990 and " + NEXT_YEAR),
                        containsString("Objective 1, indicator 3: enter the value as a number"),
                        containsString("Objective 1, indicator 3: say where the value comes from"),
                        containsString("Objective 1, indicator 4: name what the indicator measures."),
                        containsString("Objective 1, indicator 4: the year must be between"),
                        // each error is tied to its field and linked from the summary
                        containsString("id=\"" + p + "0-year-error\""),
                        containsString("aria-describedby=\"" + p + "0-year-error\""),
                        containsString("href=\"#" + p + "2-source\""),
                        // what the user typed is all still there
                        containsString("Typed narrative that must not be lost.</textarea>"),
                        containsString("Typed measures.</textarea>"),
                        containsString("name=\"" + p + "0-year\" value=\"1989\""),
                        containsString("name=\"" + p + "2-value\" value=\"twelve\""),
                        containsString("name=\"indrows-" + c + "\" value=\"4\""))));

        assertThat(jdbc.sql("select body from contribution where id = ?").param(c).query(String.class).single()).isEmpty();
        assertThat(cycles.count("select count(*) from contribution_indicator where contribution_id = ?", c)).isZero();
        assertThat(cycles.count("select count(*) from contribution_revision where contribution_id = ?", c)).isZero();
    }

    @Test
    void oneSaveOfSeveralObjectivesWritesEachWithItsIndicatorsAndRevisionOrNoneWhenOneIsStale() throws Exception {
        long cycleId = scopedForInterior(1, 2, 3);
        Task task = draftingTask(cycleId);
        List<Long> ids = interiorContributions(cycleId);
        assertThat(ids).hasSize(3);
        long a = ids.get(0);
        long b = ids.get(1);
        long c = ids.get(2);

        // the three objectives in one save; two of them with indicators, one with two
        mvc.perform(draft(task, interior, "save", a, 0).param("version-" + b, "0").param("version-" + c, "0")
                        .param("body-" + a, "First.").param("body-" + b, "Second.").param("body-" + c, "Third.")
                        .param("indrows-" + a, "2")
                        .param("ind-" + a + "-0-name", "A one").param("ind-" + a + "-0-value", "1")
                        .param("ind-" + a + "-0-source", "S").param("ind-" + a + "-0-year", "2024")
                        .param("ind-" + a + "-1-name", "A two").param("ind-" + a + "-1-value", "2")
                        .param("ind-" + a + "-1-source", "S").param("ind-" + a + "-1-year", "2023")
                        .param("indrows-" + c, "1")
                        .param("ind-" + c + "-0-name", "C one").param("ind-" + c + "-0-value", "3")
                        .param("ind-" + c + "-0-source", "S").param("ind-" + c + "-0-year", "2022"))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));
        assertThat(jdbc.sql("select id || ':' || lock_version || ':' || body from contribution where id = any(?) "
                + "order by id").param(new Long[] {a, b, c}).query(String.class).list())
                .containsExactly(a + ":1:First.", b + ":1:Second.", c + ":1:Third.");
        assertThat(jdbc.sql("select contribution_id || ':' || position || ':' || name from contribution_indicator "
                + "where contribution_id = any(?) order by contribution_id, position").param(new Long[] {a, b, c})
                .query(String.class).list()).containsExactly(a + ":0:A one", a + ":1:A two", c + ":0:C one");
        assertThat(jdbc.sql("select contribution_id || ':' || revision_no || ':' || body || ':' || indicators "
                + "from contribution_revision where contribution_id = any(?) order by contribution_id")
                .param(new Long[] {a, b, c}).query(String.class).list())
                .hasSize(3)
                .satisfiesExactly(
                        r -> assertThat(r).startsWith(a + ":1:First.:[{\"name\":\"A one\"").contains("A two"),
                        r -> assertThat(r).isEqualTo(b + ":1:Second.:[]"),
                        r -> assertThat(r).startsWith(c + ":1:Third.:[{\"name\":\"C one\""));

        // a second save from version 1 for two of them and from the stale version 0 for the third stores nothing
        mvc.perform(draft(task, interior, "save", a, 1).param("version-" + b, "1").param("version-" + c, "0")
                        .param("body-" + a, "First again.").param("body-" + b, "Second again.")
                        .param("body-" + c, "Third again.").param("indrows-" + a, "0"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select id || ':' || lock_version || ':' || body from contribution where id = any(?) "
                + "order by id").param(new Long[] {a, b, c}).query(String.class).list())
                .containsExactly(a + ":1:First.", b + ":1:Second.", c + ":1:Third.");
        assertThat(cycles.count("select count(*) from contribution_indicator where contribution_id = ?", a))
                .isEqualTo(2);
        assertThat(cycles.count("select count(*) from contribution_revision where contribution_id = any(?)",
                (Object) new Long[] {a, b, c})).isEqualTo(3);

        // submitting with a change: the save's audit entry, then the submission's, in that order
        mvc.perform(draft(task, interior, "submit", a, 1).param("version-" + b, "1").param("version-" + c, "1")
                        .param("status-" + a, "IN_PROGRESS").param("status-" + b, "IN_PROGRESS")
                        .param("status-" + c, "IN_PROGRESS").param("body-" + b, "Second, final."))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(jdbc.sql("select action from audit_event where subject_type = 'review_cycle' and subject_id = ? "
                        + "and action like 'CONTRIBUTION_%' order by id")
                .param(String.valueOf(cycleId)).query(String.class).list())
                .containsExactly("CONTRIBUTION_SAVED", "CONTRIBUTION_SAVED", "CONTRIBUTION_SUBMITTED");
        assertThat(cycles.count("select count(*) from contribution_revision where contribution_id = any(?)",
                (Object) new Long[] {a, b, c})).isEqualTo(6);
    }

    @Test
    void theDraftFormReadsAMinistrysContributionsLockedAndWithTheirIndicatorsAsStored() throws Exception {
        long cycleId = scopedForInterior(1, 2);
        Task task = draftingTask(cycleId);
        List<Long> ids = interiorContributions(cycleId);
        long a = ids.get(0);
        mvc.perform(draft(task, interior, "save", a, 0).param("body-" + a, "First.").param("indrows-" + a, "2")
                        .param("ind-" + a + "-0-name", "A one").param("ind-" + a + "-0-value", "1,5")
                        .param("ind-" + a + "-0-source", "S").param("ind-" + a + "-0-year", "2024")
                        .param("ind-" + a + "-1-name", "A two").param("ind-" + a + "-1-value", "2")
                        .param("ind-" + a + "-1-unit", "cases").param("ind-" + a + "-1-source", "S")
                        .param("ind-" + a + "-1-year", "2023"))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));

        transactions.executeWithoutResult(tx -> {
            List<Contribution> locked = contributions.lockForMinistry(cycleId, interior.ministryId());
            // what the unlocked read gives, in objective order, indicators in their order
            assertThat(locked).isEqualTo(contributions.forMinistry(cycleId, interior.ministryId()));
            assertThat(locked.get(0).content().indicators()).extracting(Indicator::name).containsExactly("A one",
                    "A two");
            // and no one else can lock them until this transaction ends
            for (long id : ids) {
                assertThat(lockableElsewhere(id)).as("contribution " + id).isFalse();
            }
        });
        assertThat(lockableElsewhere(a)).isTrue();
    }

    @Test
    void aSaveReplacesTheIndicatorsOfTheObjectivesThatHadSomeAndAddsThoseOfTheOthers() throws Exception {
        long cycleId = scopedForInterior(1, 2);
        Task task = draftingTask(cycleId);
        List<Long> ids = interiorContributions(cycleId);
        long a = ids.get(0);
        long b = ids.get(1);
        mvc.perform(draft(task, interior, "save", a, 0).param("version-" + b, "0").param("body-" + a, "First.")
                        .param("body-" + b, "Second.").param("indrows-" + a, "1")
                        .param("ind-" + a + "-0-name", "A one").param("ind-" + a + "-0-value", "1")
                        .param("ind-" + a + "-0-source", "S").param("ind-" + a + "-0-year", "2024"))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));

        // objective 1 drops its indicator, objective 2 (which had none) gets two
        mvc.perform(draft(task, interior, "save", a, 1).param("version-" + b, "1").param("indrows-" + a, "1")
                        .param("indrows-" + b, "2")
                        .param("ind-" + b + "-0-name", "B one").param("ind-" + b + "-0-value", "2")
                        .param("ind-" + b + "-0-source", "S").param("ind-" + b + "-0-year", "2023")
                        .param("ind-" + b + "-1-name", "B two").param("ind-" + b + "-1-value", "3")
                        .param("ind-" + b + "-1-source", "S").param("ind-" + b + "-1-year", "2022"))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));
        assertThat(jdbc.sql("select contribution_id || ':' || position || ':' || name from contribution_indicator "
                + "where contribution_id = any(?) order by contribution_id, position").param(new Long[] {a, b})
                .query(String.class).list()).containsExactly(b + ":0:B one", b + ":1:B two");
        assertThat(jdbc.sql("select id || ':' || lock_version || ':' || body from contribution where id = any(?) "
                + "order by id").param(new Long[] {a, b}).query(String.class).list())
                .containsExactly(a + ":2:First.", b + ":2:Second.");
    }

    /** Whether another connection could lock the contribution now, without waiting. */
    private boolean lockableElsewhere(long contributionId) {
        try (Connection other = dataSource.getConnection();
                PreparedStatement lock = other.prepareStatement("select id from contribution where id = ? for update nowait")) {
            lock.setLong(1, contributionId);
            lock.executeQuery().close();
            return true;
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as("lock_not_available").isEqualTo("55P03");
            return false;
        }
    }

    @Test
    void savingAChangeAndSubmittingEachMarkTheCycleAsActiveJustNow() throws Exception {
        // two ministries, so that one's submission does not end the drafting (the next stage's status touches too)
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(interior.ministryId(), labour.ministryId()),
                        Map.of(1, interior.ministryId(), 2, labour.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        Task task = draftingTask(cycleId);
        long c = contribution(cycleId);
        String lastActivity = "select last_activity_at > now() - interval '1 minute' from review_cycle where id = ?";

        jdbc.sql("update review_cycle set last_activity_at = now() - interval '2 hours' where id = ?").param(cycleId)
                .update();
        mvc.perform(draft(task, interior, "save", c, 0).param("body-" + c, "Saved."))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));
        assertThat(jdbc.sql(lastActivity).param(cycleId).query(Boolean.class).single()).isTrue();

        // the submission of a change touches the cycle through the task's completion
        jdbc.sql("update review_cycle set last_activity_at = now() - interval '2 hours' where id = ?").param(cycleId)
                .update();
        mvc.perform(draft(task, interior, "submit", c, 1).param("status-" + c, "IN_PROGRESS")
                        .param("body-" + c, "Submitted."))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(jdbc.sql(lastActivity).param(cycleId).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select body from contribution where id = ?").param(c).query(String.class).single())
                .isEqualTo("Submitted.");
        assertThat(jdbc.sql("select status from review_cycle where id = ?").param(cycleId).query(String.class)
                .single()).isEqualTo("DRAFTING");
    }

    @Test
    void twoPeopleChangingTheMeasuresOfOneObjectiveNeverLoseEitherVersion() throws Exception {
        long cycleId = scopedWithObjective1();
        Task task = draftingTask(cycleId);
        long c = contribution(cycleId);

        mvc.perform(draft(task, interior, "save", c, 0).param("measures-" + c, "Measures by the first author."))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));
        // the colleague loaded version 0 too and changes the measures and an indicator
        mvc.perform(draft(task, interiorColleague, "save", c, 0).param("measures-" + c, "Measures by the colleague.")
                        .param("indrows-" + c, "1").param("ind-" + c + "-0-name", "Returns")
                        .param("ind-" + c + "-0-value", "40").param("ind-" + c + "-0-source", "Police")
                        .param("ind-" + c + "-0-year", "2023"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("Someone else saved objective 1 while you were editing it. Nothing was saved."),
                        containsString("Saved by someone else:"),
                        // theirs, shown read-only ...
                        containsString("<div class=\"prose\" dir=\"auto\">Measures by the first author.</div>"),
                        // ... and yours, in the fields, to merge
                        containsString(">Measures by the colleague.</textarea>"),
                        containsString("name=\"ind-" + c + "-0-name\" value=\"Returns\""),
                        // saving again now is a deliberate overwrite of version 1
                        containsString("name=\"version-" + c + "\" value=\"1\""))));
        assertThat(jdbc.sql("select measures from contribution where id = ?").param(c).query(String.class).single())
                .isEqualTo("Measures by the first author.");
        assertThat(cycles.count("select count(*) from contribution_indicator where contribution_id = ?", c)).isZero();
        assertThat(cycles.count("select count(*) from contribution_revision where contribution_id = ?", c)).isOne();

        // the colleague merges and saves on top of version 1: both contributions survive
        mvc.perform(draft(task, interiorColleague, "save", c, 1)
                        .param("measures-" + c, "Measures by the first author. Measures by the colleague."))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));
        assertThat(jdbc.sql("select revision_no || '/' || author_id || '/' || measures from contribution_revision "
                + "where contribution_id = ? order by revision_no").param(c).query(String.class).list())
                .containsExactly("1/" + interior.id() + "/Measures by the first author.",
                        "2/" + interiorColleague.id() + "/Measures by the first author. Measures by the colleague.");
    }

    @Test
    void consolidationMergesTheStructuredContributionsAndLocksSectionIndicatorsToo() throws Exception {
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        CurrentUser colleague = users.coordinator("KEN");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(interior.ministryId(), labour.ministryId()), Map.of(1, interior.ministryId()))
                        .param("contributors-1", String.valueOf(labour.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        submitStructured(cycleId, interior, "Interior", "2024");
        submitStructured(cycleId, labour, "Labour", "2023");
        Task task = cycles.task(cycleId, "ConsolidateReport");
        long section = jdbc.sql("select id from report_section where cycle_id = ? and objective_number = 1")
                .param(cycleId).query(Long.class).single();
        String interiorName = cycles.ministryName(interior.ministryId());
        String labourName = cycles.ministryName(labour.ministryId());

        // both contributions, side by side, and an objective section that starts from their merge
        mvc.perform(get("/tasks/" + task.getId()).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("class=\"side-by-side\""),
                        containsString("Measures of Interior"), containsString("Measures of Labour"),
                        containsString(">" + interiorName + ":\nMeasures of Interior\n\n" + labourName
                                + ":\nMeasures of Labour</textarea>"),
                        containsString("name=\"ind-" + section + "-0-name\" value=\"Interior indicator\""),
                        containsString("name=\"ind-" + section + "-1-name\" value=\"Labour indicator\""),
                        containsString("name=\"indrows-" + section + "\" value=\"3\""),
                        containsString("<option value=\"IN_PROGRESS\" selected=\"selected\">In progress</option>"))));

        // the coordinator keeps one indicator; a colleague who loaded version 0 changes another field
        MockHttpServletRequestBuilder first = sectionForm(task, coordinator, section, 0)
                .param("indrows-" + section, "1").param("ind-" + section + "-0-name", "Interior indicator")
                .param("ind-" + section + "-0-value", "10").param("ind-" + section + "-0-unit", "cases")
                .param("ind-" + section + "-0-source", "Source of Interior").param("ind-" + section + "-0-year", "2024");
        mvc.perform(first).andExpect(redirectedUrl("/tasks/" + task.getId()));
        mvc.perform(sectionForm(task, colleague, section, 0).param("challenges-" + section, "Budget cuts."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Someone else saved &quot;Objective 1:"),
                        containsString("<td><bdi>Interior indicator</bdi></td>"), containsString(">Budget cuts.</textarea>"))));
        assertThat(cycles.count("select count(*) from section_indicator where section_id = ?", section)).isOne();
        assertThat(jdbc.sql("select challenges from report_section where id = ?").param(section).query(String.class)
                .single()).isEmpty();
        assertThat(jdbc.sql("select indicators from section_revision where section_id = ?").param(section)
                .query(String.class).single()).contains("Interior indicator").doesNotContain("Labour indicator");
    }

    @Test
    void aRevisionWrittenWithTheNarrativeOnlyStillRecordsTheWholeSection() throws Exception {
        long cycleId = cycles.reachConsolidation(coordinator, interior);
        Task task = cycles.task(cycleId, "ConsolidateReport");
        long section = jdbc.sql("select id from report_section where cycle_id = ? and objective_number = 1")
                .param(cycleId).query(Long.class).single();
        mvc.perform(sectionForm(task, coordinator, section, 0).param("measures-" + section, "Kept measures.")
                        .param("indrows-" + section, "1").param("ind-" + section + "-0-name", "Kept indicator")
                        .param("ind-" + section + "-0-value", "1").param("ind-" + section + "-0-source", "Registry")
                        .param("ind-" + section + "-0-year", "2022"))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));

        // as the answer to a regional clarification request writes it: body only
        jdbc.sql("update report_section set body = 'Clarified.', lock_version = 2 where id = ?").param(section).update();
        jdbc.sql("insert into section_revision (section_id, revision_no, body, implementation_status, author_id) "
                + "values (?, 2, 'Clarified.', 'PLANNED', ?)").params(section, coordinator.id()).update();

        assertThat(jdbc.sql("select measures || '|' || indicators from section_revision where section_id = ? "
                + "and revision_no = 2").param(section).query(String.class).single())
                .startsWith("Kept measures.|[").contains("\"name\" : \"Kept indicator\"", "\"year\" : 2022");
        // and the editor treats that revision as a base like any other: no false conflict
        mvc.perform(sectionForm(task, coordinator, section, 2).param("practices-" + section, "New practice."))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));
        assertThat(jdbc.sql("select measures || '|' || practices || '|' || body from report_section where id = ?")
                .param(section).query(String.class).single()).isEqualTo("Kept measures.|New practice.|Clarified.");
    }

    @Test
    void whatMinistriesWriteIsShownAsTextNeverAsMarkup() throws Exception {
        long cycleId = cycles.reachConsolidation(coordinator, interior);
        long c = contribution(cycleId);
        jdbc.sql("insert into contribution_indicator (contribution_id, position, name, value, source, year) "
                + "values (?, 0, '<img src=x onerror=alert(2)>', '1', 'Registry', 2024)").param(c).update();
        String page = mvc.perform(get("/tasks/" + cycles.task(cycleId, "ConsolidateReport").getId())
                        .with(TestUsers.as(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        jdbc.sql("update contribution set body = '<script>alert(1)</script>' where id = ?").param(c).update();
        String again = mvc.perform(get("/tasks/" + cycles.task(cycleId, "ConsolidateReport").getId())
                        .with(TestUsers.as(coordinator)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<img src=x");
        assertThat(again).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    @Test
    void theAddRowButtonWithoutScriptShowsTheFormAgainWithOneMoreRowAndStoresNothing() throws Exception {
        long cycleId = scopedWithObjective1();
        Task task = draftingTask(cycleId);
        long c = contribution(cycleId);

        // the page offers the button, for the script and as a plain submit button
        mvc.perform(get("/tasks/" + task.getId()).with(TestUsers.as(interior)))
                .andExpect(content().string(allOf(containsString("value=\"add-indicator-" + c + "\""),
                        containsString("data-max=\"21\""), containsString("data-legend=\"Indicator {n}\""),
                        containsString("src=\"/js/indicator-rows.js\""))));

        String page = mvc.perform(draft(task, interior, "add-indicator-" + c, c, 0)
                        .param("body-" + c, "Typed before adding a row.").param("indrows-" + c, "1")
                        .param("ind-" + c + "-0-name", "Migrants registered").param("ind-" + c + "-0-value", "12"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"indrows-" + c + "\" value=\"2\""),
                        containsString("Typed before adding a row."), containsString("value=\"Migrants registered\""),
                        containsString("<legend>Indicator 2</legend>"), not(containsString("id=\"error-summary\"")))))
                .andReturn().getResponse().getContentAsString();
        // the focus goes to the new row's first field, and only there
        assertThat(page).containsPattern("<input [^>]*id=\"ind-" + c + "-1-name\"[^>]*autofocus");
        assertThat(page.split("\\sautofocus\\b", -1)).hasSize(2);
        assertThat(jdbc.sql("select lock_version from contribution where id = ?").param(c).query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from contribution_indicator where contribution_id = ?").param(c)
                .query(Integer.class).single()).isZero();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

        // at 21 rows (20 indicators and an empty one) the form offers no more, whatever the form claims
        mvc.perform(draft(task, interior, "add-indicator-" + c, c, 0).param("indrows-" + c, "500"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"indrows-" + c + "\" value=\"21\""),
                        not(containsString("value=\"add-indicator-" + c + "\"")))));
    }

    private long scopedWithObjective1() throws Exception {
        return scopedForInterior(1);
    }

    /** A cycle started and scoped with these objectives, all of them the Ministry of Interior's. */
    private long scopedForInterior(int... objectives) throws Exception {
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        Map<Integer, Long> owners = new LinkedHashMap<>();
        for (int objective : objectives) {
            owners.put(objective, interior.ministryId());
        }
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(interior.ministryId()), owners))
                .andExpect(redirectedUrl("/tasks"));
        return cycleId;
    }

    /** The Ministry of Interior's contributions to the cycle, by objective. */
    private List<Long> interiorContributions(long cycleId) {
        return jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ? order by "
                + "objective_number").params(cycleId, interior.ministryId()).query(Long.class).list();
    }

    private Task draftingTask(long cycleId) {
        return cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry("KEN", "INTERIOR"));
    }

    private long contribution(long cycleId) {
        return jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ?")
                .params(cycleId, interior.ministryId()).query(Long.class).single();
    }

    private MockHttpServletRequestBuilder draft(Task task, CurrentUser user, String action, long c, int version) {
        return post("/tasks/" + task.getId()).with(TestUsers.as(user)).with(csrf()).param("action", action).param("answerschecked", "yes")
                .param("version-" + c, String.valueOf(version));
    }

    private MockHttpServletRequestBuilder sectionForm(Task task, CurrentUser user, long section, int version) {
        return post("/tasks/" + task.getId()).with(TestUsers.as(user)).with(csrf()).param("action", "save")
                .param("version-" + section, String.valueOf(version));
    }

    private void submitStructured(long cycleId, CurrentUser ministry, String name, String year) throws Exception {
        Task task = cycles.task(cycleId, "DraftContribution",
                CandidateGroups.ministry("KEN", ministry.ministryCode()));
        long c = jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ?")
                .params(cycleId, ministry.ministryId()).query(Long.class).single();
        mvc.perform(post("/tasks/" + task.getId()).with(TestUsers.as(ministry)).with(csrf()).param("action", "submit").param("answerschecked", "yes")
                        .param("version-" + c, "0").param("status-" + c, "IN_PROGRESS")
                        .param("body-" + c, "Narrative of " + name).param("measures-" + c, "Measures of " + name)
                        .param("indrows-" + c, "1").param("ind-" + c + "-0-name", name + " indicator")
                        .param("ind-" + c + "-0-value", "10").param("ind-" + c + "-0-unit", "cases")
                        .param("ind-" + c + "-0-source", "Source of " + name).param("ind-" + c + "-0-year", year))
                .andExpect(redirectedUrl("/tasks"));
    }
}
