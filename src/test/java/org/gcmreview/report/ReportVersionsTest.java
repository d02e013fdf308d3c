package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The frozen version's content: canonical JSON with every field of every section, and its SHA-256. */
@ApplicationTest
class ReportVersionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportVersions versions;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    @Test
    void aFrozenVersionHoldsEveryFieldInCanonicalJsonAndItsHash() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        String code = CycleFixture.uniqueCode();
        long cycleId = cycles.start(coordinator, code);
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(interior.ministryId()), Map.of(1, interior.ministryId(), 2, interior.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        cycles.submitContributions(cycleId, interior, "Drafted.");
        Task task = cycles.task(cycleId, "ConsolidateReport");
        long intro = section(cycleId, "INTRODUCTION", null);
        long objective1 = section(cycleId, "OBJECTIVE", 1);
        String o = "ind-" + objective1 + "-";
        mvc.perform(post("/tasks/" + task.getId()).with(TestUsers.as(coordinator)).with(csrf()).param("action", "save")
                        .param("version-" + intro, "0").param("body-" + intro, "How we \"worked\".\r\nWith ministries.")
                        // a free-text section has no status or structure, whatever a form sends
                        .param("status-" + intro, "PLANNED").param("measures-" + intro, "ignored")
                        .param("version-" + objective1, "0").param("status-" + objective1, "IN_PROGRESS")
                        .param("body-" + objective1, "Data strategy.").param("measures-" + objective1, "Census module.")
                        .param("practices-" + objective1, "Shared registry.").param("challenges-" + objective1, "Funding.")
                        .param("indrows-" + objective1, "2")
                        .param(o + "0-name", "Share of records linked").param(o + "0-value", "12,50")
                        .param(o + "0-unit", "%").param(o + "0-source", "Statistics office").param(o + "0-year", "2024")
                        .param(o + "1-name", "Surveys").param(o + "1-value", "2").param(o + "1-source", "Ministry")
                        .param(o + "1-year", "2023"))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));

        ReportVersion first = versions.freeze(cycleId);

        String empty = "\"measures\":\"\",\"practices\":\"\",\"challenges\":\"\"";
        assertThat(first.content()).isEqualTo("{\"businessKey\":\"KEN-" + code + "\",\"country\":\"KEN\","
                + "\"countryName\":\"Kenya\",\"title\":\"Review " + code + "\",\"periodStart\":\"2022-01-01\","
                + "\"periodEnd\":\"2025-12-31\",\"version\":1,\"sections\":["
                + "{\"kind\":\"INTRODUCTION\",\"objective\":null,\"title\":\"Introduction and methodology\","
                + "\"status\":null,\"body\":\"How we \\\"worked\\\".\\nWith ministries.\"," + empty + ","
                + "\"sdgTargets\":[],\"allSdgs\":false,\"indicators\":[],\"principles\":[]},"
                + "{\"kind\":\"POLICY\",\"objective\":null,\"title\":\"Policy and enabling environment\","
                + "\"status\":null,\"body\":\"\"," + empty + ",\"sdgTargets\":[],\"allSdgs\":false,\"indicators\":[],\"principles\":[]},"
                + "{\"kind\":\"OBJECTIVE\",\"objective\":1,\"title\":\"Objective 1: Collect and utilize accurate and "
                + "disaggregated data as a basis for evidence-based policies\",\"status\":\"IN_PROGRESS\","
                + "\"body\":\"Data strategy.\",\"measures\":\"Census module.\",\"practices\":\"Shared registry.\","
                + "\"challenges\":\"Funding.\",\"sdgTargets\":[\"10.7\",\"17.18\"],\"allSdgs\":false,\"indicators\":["
                + "{\"name\":\"Share of records linked\",\"value\":\"12.5\",\"unit\":\"%\",\"source\":\"Statistics office\",\"year\":2024},"
                + "{\"name\":\"Surveys\",\"value\":\"2\",\"unit\":\"\",\"source\":\"Ministry\",\"year\":2023}],\"principles\":[]},"
                + "{\"kind\":\"OBJECTIVE\",\"objective\":2,\"title\":\"Objective 2: Minimize the adverse drivers and "
                + "structural factors that compel people to leave their country of origin\",\"status\":null,"
                + "\"body\":\"\"," + empty + ",\"sdgTargets\":[\"17.14\"],\"allSdgs\":true,\"indicators\":[],\"principles\":[]},"
                + "{\"kind\":\"MEANS\",\"objective\":null,\"title\":\"Means of implementation and partnerships\","
                + "\"status\":null,\"body\":\"\"," + empty + ",\"sdgTargets\":[],\"allSdgs\":false,\"indicators\":[],\"principles\":[]},"
                + "{\"kind\":\"NEXT_STEPS\",\"objective\":null,\"title\":\"Next steps\",\"status\":null,\"body\":\"\","
                + empty + ",\"sdgTargets\":[],\"allSdgs\":false,\"indicators\":[],\"principles\":[]}],\"followUps\":[]}");
        assertThat(first.sha256()).isEqualTo(sha256(first.content()));
        assertThat(versions.intact(first)).isTrue();

        // read back for the pages, with the structure
        FrozenSection frozenObjective = versions.sections(first).get(2);
        assertThat(frozenObjective.content()).isEqualTo(new SectionContent("IN_PROGRESS", "Data strategy.",
                "Census module.", "Shared registry.", "Funding.", List.of(
                        new Indicator("Share of records linked", "12.5", "%", "Statistics office", 2024),
                        new Indicator("Surveys", "2", "", "Ministry", 2023))));

        // the same report frozen again differs only in its number, so its hash differs too
        ReportVersion second = versions.freeze(cycleId);
        assertThat(second.versionNo()).isEqualTo(2);
        assertThat(second.content()).isEqualTo(first.content().replace("\"version\":1,", "\"version\":2,"));
        assertThat(second.sha256()).isNotEqualTo(first.sha256()).isEqualTo(sha256(second.content()));
    }

    @Test
    void versionsFrozenBeforeSectionsHadStructureStillReadBack() {
        String old = "{\"businessKey\":\"KEN-OLD\",\"version\":1,\"sections\":[{\"kind\":\"OBJECTIVE\",\"objective\":3,"
                + "\"title\":\"Objective 3\",\"status\":\"PLANNED\",\"body\":\"Old text.\"}]}";
        ReportVersion version = new ReportVersion(0, 0, 1, old, sha256(old), java.time.Instant.now());
        assertThat(versions.sections(version)).singleElement().satisfies(s -> {
            assertThat(s.content()).isEqualTo(new SectionContent("PLANNED", "Old text.", "", "", "", List.of()));
            assertThat(s.sdgTargets()).isEmpty();
        });
    }

    private long section(long cycleId, String kind, Integer objective) {
        return jdbc.sql("select id from report_section where cycle_id = ? and kind = ? "
                        + "and coalesce(objective_number, 0) = ?")
                .params(cycleId, kind, objective == null ? 0 : objective).query(Long.class).single();
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
