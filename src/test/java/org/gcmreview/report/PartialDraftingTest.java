package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The drafting form binds each objective with {@code FormBinder.bindPartial} (issue 15.3), at full size: one
 * ministry drafting all 23 objectives. A post that carries one objective's text, as a task-list page sends it,
 * leaves every other objective and every field it did not carry as stored; a post of all 23 objectives with one
 * field a character over its limit is refused and stores nothing, not even the 22 objectives that were fine.
 */
@ApplicationTest
class PartialDraftingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    @Test
    void aPartialPostKeepsWhatItDidNotCarryAndAnOverLongFieldStoresNothing() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        Map<Integer, Long> leads = new LinkedHashMap<>();
        IntStream.rangeClosed(1, 23).forEach(n -> leads.put(n, interior.ministryId()));
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                List.of(interior.ministryId()), leads)).andExpect(status().is3xxRedirection());
        String taskId = cycles.task(cycleId, "DraftContribution",
                CandidateGroups.ministry("KEN", interior.ministryCode())).getId();
        List<Long> ids = jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ? "
                + "order by objective_number").params(cycleId, interior.ministryId()).query(Long.class).list();
        assertThat(ids).hasSize(23);

        // every objective written in full, objective 2 with an indicator
        mvc.perform(everyObjective(taskId, interior, cycleId, ids, "Written").param("indrows-" + ids.get(1), "1")
                .param("ind-" + ids.get(1) + "-0-name", "Returns").param("ind-" + ids.get(1) + "-0-value", "12,50")
                .param("ind-" + ids.get(1) + "-0-source", "Ministry").param("ind-" + ids.get(1) + "-0-year", "2024"))
                .andExpect(status().is3xxRedirection());
        List<Map<String, Object>> written = stored(cycleId);
        assertThat(written.get(1)).containsEntry("name", "Returns").containsEntry("value", "12.5");

        // one objective's narrative only: its status, measures and the 22 others stay as they were
        long first = ids.get(0);
        mvc.perform(post("/tasks/" + taskId).with(TestUsers.as(interior)).with(csrf()).param("action", "save")
                .param("version-" + first, version(first)).param("body-" + first, "Only this changed."))
                .andExpect(status().is3xxRedirection());
        List<Map<String, Object>> partly = stored(cycleId);
        assertThat(partly.get(0)).containsEntry("body", "Only this changed.")
                .containsEntry("implementation_status", "PLANNED")
                .containsEntry("measures", "Written measures of objective 1");
        assertThat(partly.subList(1, partly.size())).isEqualTo(written.subList(1, written.size()));

        // all 23 again, the last one's measures a character too long: refused, nothing stored
        String tooLong = "m".repeat(Edits.MAX_PART + 1);
        String refused = mvc.perform(everyObjective(taskId, interior, cycleId, ids, "Rewritten")
                        .param("measures-" + ids.get(22), tooLong))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"measures-" + ids.get(22) + "-error\"", "Objective 23: keep measures");
        assertThat(stored(cycleId)).isEqualTo(partly);
        assertThat(jdbc.sql("select count(*) from contribution where cycle_id = ? and body like 'Rewritten%'")
                .param(cycleId).query(Integer.class).single()).isZero();
    }

    /** A save of every objective: a status, a narrative and measures each (the last without, for the test to add). */
    private MockHttpServletRequestBuilder everyObjective(String taskId, CurrentUser ministry, long cycleId,
            List<Long> ids, String word) {
        MockHttpServletRequestBuilder form = post("/tasks/" + taskId).with(TestUsers.as(ministry)).with(csrf())
                .param("action", "save");
        for (int n = 0; n < ids.size(); n++) {
            long id = ids.get(n);
            form.param("version-" + id, version(id)).param("status-" + id, "PLANNED")
                    .param("body-" + id, word + " narrative of objective " + (n + 1));
            if (n < ids.size() - 1) {
                form.param("measures-" + id, word + " measures of objective " + (n + 1));
            }
        }
        return form;
    }

    private String version(long id) {
        return jdbc.sql("select lock_version from contribution where id = ?").param(id).query(String.class).single();
    }

    /** Every contribution of the cycle with its indicators, in objective order: what a save may change. */
    private List<Map<String, Object>> stored(long cycleId) {
        return jdbc.sql("""
                select c.*, i.name, i.value, i.unit, i.source, i.year,
                       (select count(*) from contribution_revision r where r.contribution_id = c.id) as revisions
                  from contribution c left join contribution_indicator i on i.contribution_id = c.id
                 where c.cycle_id = ? order by c.objective_number, i.position""").param(cycleId).query().listOfRows();
    }
}
