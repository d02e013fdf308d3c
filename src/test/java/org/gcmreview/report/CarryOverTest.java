package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.processes.NationalReview;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 16.3 through the real forms, at full size (23 objectives): a cycle started from the country's last endorsed
 * report is prefilled and its sections marked "carried over" until a save changes them; the progress page counts
 * them apart; the previous report's next steps become follow-up items whose outcome the coordinator (and the ministry
 * of a named objective) records, and which the published page, PDF and JSON show. Each test has a country of its own.
 */
@ApplicationTest
class CarryOverTest {

    static final String NEXT_STEPS = """
            - Adopt the labour migration strategy (objective 6).
            - Publish migration data every year.
            3) Open two more migrant resource centres under Objective 15.""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;
    @Autowired
    CarryOverScenario scenarios;

    @Test
    void aNewCycleStartsFromTheLastEndorsedReportWithEverySectionMarkedCarriedOver() throws Exception {
        CarryOverScenario.Country country = scenarios.country();
        long previous = scenarios.endorsedReport(country, NEXT_STEPS);

        // the start form offers the endorsed report, chosen by default
        Document list = Jsoup.parse(mvc.perform(get("/cycles").with(TestUsers.as(country.coordinator())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(list.selectFirst("#startFrom-previous")).isNotNull();
        assertThat(list.selectFirst("#startFrom-previous").hasAttr("checked")).isTrue();
        assertThat(list.selectFirst("label[for=startFrom-previous]").text()).contains(country.iso3() + "-");
        // the report's title and key isolated in the label (the choice fragment's argument), the rest plain text
        assertThat(list.select("label[for=startFrom-previous] bdi")).hasSize(2)
                .last().satisfies(key -> assertThat(key.text()).startsWith(country.iso3() + "-"));

        long cycleId = scenarios.startAndScope(country, true);
        List<ReportSection> sections = scenarios.sections(cycleId);
        assertThat(sections).hasSize(27).allMatch(ReportSection::carriedOver);
        ReportSection objective1 = scenarios.objective(sections, 1);
        assertThat(objective1.content().narrative()).isEqualTo("Previous text of objective 1.");
        assertThat(objective1.content().status()).isEqualTo("IN_PROGRESS");
        assertThat(objective1.content().measures()).isEqualTo("Previous measures 1.");
        assertThat(objective1.content().indicators()).extracting(Indicator::name).containsExactly("Migrants assisted");
        assertThat(objective1.content().principles()).containsExactly(1);
        assertThat(sections.stream().filter(s -> s.kind() == SectionKind.NEXT_STEPS).findFirst().orElseThrow()
                .content().narrative()).isEqualTo(NEXT_STEPS.strip());
        // the carried text is the section's first revision, by the coordinator who scoped
        assertThat(cycles.count("select count(*) from section_revision r join report_section s on s.id = r.section_id"
                + " where s.cycle_id = ? and r.revision_no = 1 and r.author_id = ?", cycleId,
                country.coordinator().id())).isEqualTo(27);
        assertThat(jdbc.sql("select carried_from_version_id from review_cycle where id = ?").param(cycleId)
                .query(Long.class).single()).isEqualTo(previous);
        assertThat(cycles.count("select count(*) from audit_event where action = 'REPORT_CARRIED_OVER'"
                + " and subject_id = ? and details like '27 sections and % contributions carried over and 3 follow-up items%'",
                String.valueOf(cycleId))).isEqualTo(1);

        Document progress = scenarios.progress(country.coordinator(), cycleId);
        assertThat(progress.select("#count-carried").text()).isEqualTo("27");
        assertThat(progress.select("#count-drafted").text()).isEqualTo("0");

        // consolidation: objective 2 changed, objective 3 saved with the same text, objective 4 only an indicator
        CurrentUser ministry = country.ministry();
        cycles.submitContributions(cycleId, ministry, "Drafted by the ministry");
        String task = cycles.task(cycleId, NationalReview.CONSOLIDATE_REPORT).getId();
        ReportSection objective2 = scenarios.objective(sections, 2);
        ReportSection objective3 = scenarios.objective(sections, 3);
        ReportSection objective4 = scenarios.objective(sections, 4);
        mvc.perform(post("/tasks/" + task).with(TestUsers.as(country.coordinator())).with(csrf())
                        .param("action", "save")
                        .param("version-" + objective2.id(), String.valueOf(objective2.lockVersion()))
                        .param("body-" + objective2.id(), "Rewritten in this cycle.")
                        .param("version-" + objective3.id(), String.valueOf(objective3.lockVersion()))
                        .param("body-" + objective3.id(), objective3.content().narrative() + "\r\n")
                        .param("version-" + objective4.id(), String.valueOf(objective4.lockVersion()))
                        .param("indrows-" + objective4.id(), "1")
                        .param("ind-" + objective4.id() + "-0-name", "Visas issued")
                        .param("ind-" + objective4.id() + "-0-value", "12")
                        .param("ind-" + objective4.id() + "-0-source", "Consulates")
                        .param("ind-" + objective4.id() + "-0-year", "2024"))
                .andExpect(status().is3xxRedirection());
        List<ReportSection> after = scenarios.sections(cycleId);
        assertThat(scenarios.objective(after, 2).carriedOver()).isFalse();
        assertThat(scenarios.objective(after, 3).carriedOver()).isTrue();
        assertThat(scenarios.objective(after, 4).carriedOver()).isFalse();
        assertThat(after.stream().filter(ReportSection::carriedOver).count()).isEqualTo(25);

        progress = scenarios.progress(country.coordinator(), cycleId);
        assertThat(progress.select("#count-carried").text()).isEqualTo("25");
        assertThat(progress.select("#count-drafted").text()).isEqualTo("2");
        assertThat(progress.select("#count-empty").text()).isEqualTo("0");

        // the drafting page marks carried-over sections in its table of contents and beside the section
        Document page = Jsoup.parse(mvc.perform(get("/tasks/" + task).param("section", String.valueOf(objective3.id()))
                        .with(TestUsers.as(country.coordinator())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.selectFirst("#carried-" + objective3.id())).isNotNull();
        assertThat(page.selectFirst("#toc-carried-" + objective3.id())).isNotNull();
        assertThat(page.selectFirst("#toc-carried-" + objective2.id())).isNull();
    }

    @Test
    void withoutAnEndorsedReportTheCycleStartsEmptyAndAskingForOneStoresNothing() throws Exception {
        CarryOverScenario.Country country = scenarios.country();
        Document list = Jsoup.parse(mvc.perform(get("/cycles").with(TestUsers.as(country.coordinator())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(list.selectFirst("#startFrom-previous")).isNull();
        assertThat(list.selectFirst("#startFrom-empty").hasAttr("checked")).isTrue();

        String code = CycleFixture.uniqueCode();
        Document refused = Jsoup.parse(mvc.perform(post("/cycles").param("code", code).param("title", "Review")
                        .param("startFrom", "previous").with(TestUsers.as(country.coordinator())).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#error-summary a[href=#startFrom]").text())
                .isEqualTo("Your country has no endorsed report to start from. Choose \"An empty report\".");
        assertThat(cycles.count("select count(*) from review_cycle where country_iso3 = ?", country.iso3()))
                .isZero();
        // the typed form keeps today's messages
        Document blank = Jsoup.parse(mvc.perform(post("/cycles").param("code", "").param("title", "")
                        .with(TestUsers.as(country.coordinator())).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(blank.select("#error-summary li").eachText()).containsExactly(
                "Enter a short code for the cycle, for example 2026.",
                "Enter a title, for example \"Second national GCM review\".");
        assertThat(blank.select("#code-error").text()).startsWith("Enter a short code");

        long cycleId = scenarios.startAndScope(country, false);
        assertThat(scenarios.sections(cycleId)).hasSize(27).noneMatch(ReportSection::carriedOver)
                .allMatch(s -> s.content().isEmpty());
        Document progress = scenarios.progress(country.coordinator(), cycleId);
        assertThat(progress.select("#count-carried").text()).isEqualTo("0");
        assertThat(progress.select("#count-empty").text()).isEqualTo("27");
        assertThat(cycles.count("select count(*) from follow_up_item where cycle_id = ?", cycleId)).isZero();
    }

    @Test
    void followUpItemsAreRecordedByTheirOwnersAndAppearInThePublishedReport() throws Exception {
        CarryOverScenario.Country country = scenarios.country();
        scenarios.endorsedReport(country, NEXT_STEPS);
        long cycleId = scenarios.startAndScope(country, true);
        List<FollowUpItem> items = new FollowUpItems(jdbc).forCycle(cycleId);
        assertThat(items).extracting(FollowUpItem::commitment).containsExactly(
                "Adopt the labour migration strategy (objective 6).", "Publish migration data every year.",
                "Open two more migrant resource centres under Objective 15.");
        assertThat(items).extracting(FollowUpItem::objectiveNumber).containsExactly(6, null, 15);
        String base = "/cycles/" + cycleId + "/follow-ups";

        Document list = Jsoup.parse(mvc.perform(get(base).with(TestUsers.as(country.coordinator())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(list.select("#follow-ups tbody tr")).hasSize(3);

        // refused: no outcome; nothing stored, the summary takes the focus
        Document refused = Jsoup.parse(mvc.perform(record(country.coordinator(), base, items.get(0), "", "Half done"))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.selectFirst("#error-summary").hasAttr("autofocus")).isTrue();
        assertThat(refused.select("#error-summary a[href=#outcome]").text()).startsWith("Choose what became");
        assertThat(refused.select("#note").text()).isEqualTo("Half done");
        assertThat(new FollowUpItems(jdbc).forCycle(cycleId).get(0).recorded()).isFalse();

        mvc.perform(record(country.coordinator(), base, items.get(0), "DONE", "Adopted by decree in 2024."))
                .andExpect(status().is3xxRedirection());
        // the ministry drafting objective 6 records the item naming it, not the others
        mvc.perform(record(country.ministry(), base, items.get(0), "IN_PROGRESS", "stale"))
                .andExpect(status().isConflict());
        FollowUpItem first = new FollowUpItems(jdbc).forCycle(cycleId).get(0);
        mvc.perform(post(base + "/" + first.id()).with(TestUsers.as(country.ministry())).with(csrf())
                        .param("outcome", "IN_PROGRESS").param("note", "Implementing rules pending.")
                        .param("version", String.valueOf(first.lockVersion())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(record(country.ministry(), base, items.get(1), "DONE", "")).andExpect(status().isForbidden());
        mvc.perform(record(country.coordinator(), base, items.get(2), "DROPPED", "Merged into the centres plan."))
                .andExpect(status().is3xxRedirection());
        CurrentUser unassigned = users.ministry(country.iso3(), "LAB");
        mvc.perform(record(unassigned, base, items.get(0), "DONE", "")).andExpect(status().isForbidden());
        assertThat(new FollowUpItems(jdbc).forCycle(cycleId)).extracting(FollowUpItem::outcome)
                .containsExactly("IN_PROGRESS", null, "DROPPED");
        assertThat(cycles.count("select count(*) from audit_event where action = 'FOLLOW_UP_RECORDED'"
                + " and subject_id = ?", String.valueOf(cycleId))).isEqualTo(3);

        // nobody outside the country team: not found
        CurrentUser otherCoordinator = users.coordinator("GHA");
        for (CurrentUser outsider : List.of(otherCoordinator, users.stakeholder(country.iso3(), "Forum "
                + country.iso3()), users.regionalSecretariat("ECA"), users.imrfSecretariat())) {
            mvc.perform(get(base).with(TestUsers.as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get(base + "/" + items.get(1).id()).with(TestUsers.as(outsider)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(record(otherCoordinator, base, items.get(1), "DONE", "")).andExpect(status().isNotFound());
        assertThat(new FollowUpItems(jdbc).forCycle(cycleId).get(1).recorded()).isFalse();

        // published: the page, the PDF and the JSON (against the documented schema) carry the follow-up section
        String key = scenarios.publish(cycleId);
        mvc.perform(get(base).with(TestUsers.as(country.coordinator()))).andExpect(status().isOk());
        mvc.perform(record(country.coordinator(), base, items.get(1), "DONE", "")).andExpect(status().isForbidden());
        Document published = Jsoup.parse(mvc.perform(get("/published/" + key)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(published.select("#follow-ups h2").text()).isEqualTo("Follow-up of the previous review");
        assertThat(published.select("#follow-up-items tbody tr").eachText()).containsExactly(
                "Adopt the labour migration strategy (objective 6). In progress Implementing rules pending.",
                "Publish migration data every year. Not stated yet",
                "Open two more migrant resource centres under Objective 15. Dropped Merged into the centres plan.");
        assertThat(published.select("a[href=#follow-ups]")).hasSize(1);

        byte[] pdf = mvc.perform(get("/published/" + key + ".pdf")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Follow-up of the previous review")
                    .contains("Publish migration data every year.")
                    .contains("Merged into the centres plan.");
        }

        String body = mvc.perform(get("/published/" + key + ".json")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/report-schema.json"))).validate(json)).isEmpty();
        assertThat(json.at("/followUps/0/outcome").asText()).isEqualTo("IN_PROGRESS");
        assertThat(json.at("/followUps/0/objective").asInt()).isEqualTo(6);
        assertThat(json.at("/followUps/1/outcome").isNull()).isTrue();
        assertThat(json.at("/followUps/2/note").asText()).isEqualTo("Merged into the centres plan.");
        Map<Integer, List<Integer>> principles = java.util.stream.StreamSupport.stream(json.get("sections")
                        .spliterator(), false).filter(s -> "OBJECTIVE".equals(s.get("kind").asText()))
                .collect(Collectors.toMap(s -> s.get("objective").asInt(), s -> java.util.stream.StreamSupport
                        .stream(s.get("principles").spliterator(), false).map(JsonNode::asInt).toList()));
        assertThat(principles).hasSize(23).containsEntry(1, List.of(1)).containsEntry(10, List.of(1));
    }

    private MockHttpServletRequestBuilder record(CurrentUser user, String base, FollowUpItem item, String outcome,
            String note) {
        return post(base + "/" + item.id()).with(TestUsers.as(user)).with(csrf()).param("outcome", outcome)
                .param("note", note).param("version", String.valueOf(item.lockVersion()));
    }
}
