package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.reference.ReferenceData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Test data of issues 16.3 and 16.4 at full size: a country of its own (a made-up ISO code, so no other test meets
 * its cycles), its last endorsed report of 23 objectives, and a new cycle started and scoped through the real forms.
 * A fixture bean of {@code @ApplicationTest}.
 */
public final class CarryOverScenario {

    /** A country of the test's own with its coordinator and the one ministry that drafts every objective. */
    record Country(String iso3, CurrentUser coordinator, CurrentUser ministry) {
    }

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final TestUsers users;
    private final CycleFixture cycles;
    private final ReportSections sections;
    private final ReportVersions versions;
    private final ReferenceData reference;

    public CarryOverScenario(MockMvc mvc, JdbcClient jdbc, TestUsers users, CycleFixture cycles, ReportSections sections,
            ReportVersions versions, ReferenceData reference) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.users = users;
        this.cycles = cycles;
        this.sections = sections;
        this.versions = versions;
        this.reference = reference;
    }

    Country country() {
        String iso3;
        do {
            // "Q" codes are user-assigned in ISO 3166 (only QAT is a country): no real country is ever taken
            iso3 = "Q" + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
                    + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
        } while (iso3.equals("QAT") || jdbc.sql("select count(*) from review_cycle where country_iso3 = ?")
                .param(iso3).query(Integer.class).single() > 0);
        CurrentUser coordinator = users.coordinator(iso3);
        return new Country(iso3, coordinator, users.ministry(iso3, "INT"));
    }

    /**
     * The country's endorsed report of 23 objectives: objective n says "Previous text of objective n.", with status
     * IN_PROGRESS, "Previous measures n." and guiding principle ((n - 1) mod 9) + 1 (principle 10 never); objective
     * 1 has an indicator; the other sections say "Previous <title>."; the next steps are given. Returns the
     * endorsed version's id.
     */
    long endorsedReport(Country country, String nextSteps) {
        String code = CycleFixture.uniqueCode();
        long id = jdbc.sql("""
                insert into review_cycle (country_iso3, code, business_key, title, period_start, period_end, started_by,
                                          status)
                values (?, ?, ?, ?, date '2018-01-01', date '2021-12-31', ?, 'ACKNOWLEDGED') returning id""")
                .params(country.iso3(), code, country.iso3() + "-" + code, "First review " + code,
                        country.coordinator().id())
                .query(Long.class).single();
        for (int n = 1; n <= 23; n++) {
            jdbc.sql("insert into cycle_objective (cycle_id, objective_number) values (?, ?)").params(id, n).update();
        }
        sections.createSkeleton(id, reference.objectives());
        jdbc.sql("""
                update report_section set body = 'Previous text of objective ' || objective_number || '.',
                       implementation_status = 'IN_PROGRESS',
                       measures = 'Previous measures ' || objective_number || '.',
                       principles = ((objective_number - 1) % 9 + 1)::text
                 where cycle_id = ? and kind = 'OBJECTIVE'""").param(id).update();
        jdbc.sql("update report_section set body = 'Previous ' || title || '.' where cycle_id = ? and kind <> 'OBJECTIVE'")
                .param(id).update();
        jdbc.sql("update report_section set body = ? where cycle_id = ? and kind = 'NEXT_STEPS'")
                .params(nextSteps, id).update();
        jdbc.sql("""
                insert into section_indicator (section_id, position, name, value, unit, source, year)
                select id, 0, 'Migrants assisted', '1250', 'persons', 'Ministry of Interior', 2021
                  from report_section where cycle_id = ? and objective_number = 1""").param(id).update();
        long version = versions.freeze(id).id();
        jdbc.sql("insert into endorsement (cycle_id, report_version_id, endorsed_by, note) values (?, ?, ?, 'ok')")
                .params(id, version, country.coordinator().id()).update();
        return version;
    }

    /** Starts a cycle through the start form and scopes all 23 objectives with the country's ministry as lead. */
    long startAndScope(Country country, boolean fromPrevious) throws Exception {
        String location = mvc.perform(post("/cycles").param("code", CycleFixture.uniqueCode())
                        .param("title", "Second review").param("language", "en")
                        .param("startFrom", fromPrevious ? "previous" : "empty")
                        .with(TestUsers.as(country.coordinator())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long cycleId = Long.parseLong(location.substring("/cycles/".length()));
        Map<Integer, Long> leads = new LinkedHashMap<>();
        for (int n = 1; n <= 23; n++) {
            leads.put(n, country.ministry().ministryId());
        }
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, NationalReview.SCOPE_REVIEW).getId(), country.coordinator(),
                List.of(country.ministry().ministryId()), leads)).andExpect(status().is3xxRedirection());
        return cycleId;
    }

    List<ReportSection> sections(long cycleId) {
        return sections.forCycle(cycleId);
    }

    ReportSection objective(List<ReportSection> report, int number) {
        return report.stream().filter(s -> s.objective() && s.objectiveNumber() == number).findFirst().orElseThrow();
    }

    Document progress(CurrentUser user, long cycleId) throws Exception {
        return page(user, "/cycles/" + cycleId);
    }

    Document page(CurrentUser user, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(TestUsers.as(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Freezes the report as it stands and publishes the cycle; returns its business key. */
    String publish(long cycleId) {
        versions.freeze(cycleId);
        // only an endorsed version is public (issue 14.4)
        org.gcmreview.submission.ReviewFixtures.endorseLatest(jdbc, cycleId);
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?").param(cycleId)
                .update();
        String key = cycles.businessKey(cycleId);
        assertThat(key).isNotBlank();
        return key;
    }
}
