package org.gcmreview.submission.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.reference.Objective;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.submission.ReviewRound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The published report's documents: the PDF (a real PDF, rendered from the page's template, with its headings,
 * table of contents and the bundled font), the JSON against docs/report-schema.json, the page's objectives, SDG
 * links and consultation summary, the list's filters, and that none of it exists before publication.
 */
@ApplicationTest
class PublishedDocumentsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewCycles cycles;
    @Autowired
    ReportVersions versions;
    @Autowired
    ReferenceData reference;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    CurrentUser coordinator;

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
    }

    @Test
    void thePdfIsAValidPdfWithTheReportsHeadingsAndTheBundledFont() throws Exception {
        ReviewCycle cycle = publishedCycle(coordinator);
        ReportVersion version = versions.latest(cycle.id()).orElseThrow();

        byte[] pdf = mvc.perform(get("/published/" + cycle.businessKey() + ".pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("X-Content-SHA256", version.sha256()))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            Objective first = reference.objective(1).orElseThrow();
            assertThat(text)
                    .contains(cycle.title())
                    .contains("Contents")
                    .contains("Introduction and methodology")
                    .contains("Objective 1: " + first.shortTitle())
                    .contains("Objective 3: " + reference.objective(3).orElseThrow().shortTitle())
                    .contains("Progress on objective 2.")
                    .contains("Measures taken").contains("A national referral mechanism.")
                    .contains("Joint desks at the border.").contains("Data gaps in rural areas.")
                    .contains("Migrants assisted").contains("1250").contains("Ministry of Interior")
                    .contains("Stakeholder consultation")
                    .contains("Version history")
                    .contains(version.sha256().substring(0, 16))
                    // the print layout: no site navigation
                    .doesNotContain("Skip to main content");
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).anyMatch(f -> f.contains("DejaVuSans"));
        }
    }

    @Test
    void arabicTextIsRenderedWithTheBundledFont() throws Exception {
        ReviewCycle cycle = fixtures.cycle(coordinator);
        jdbc.sql("update report_section set body = ? where cycle_id = ? and objective_number = 1")
                .params("الهجرة الآمنة والمنظمة والنظامية", cycle.id()).update();
        versions.freeze(cycle.id());
        publish(cycle);

        byte[] pdf = mvc.perform(get("/published/" + cycle.businessKey() + ".pdf").header("Accept-Language", "ar"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            // the glyphs are there (shaped forms extract as Arabic letters, not as missing-glyph boxes)
            assertThat(text.codePoints().filter(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC
                    || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC_PRESENTATION_FORMS_B))
                    .hasSizeGreaterThan(10);
            assertThat(text).doesNotContain("#");
        }
    }

    @Test
    void chineseAndRussianTextIsRenderedWithEmbeddedFontsAndExtractsBack() throws Exception {
        String chinese = "我国通过国家转介机制保护移民的权利，并与民间社会合作。";
        String russian = "Национальный механизм направления защищает права мигрантов.";
        ReviewCycle cycle = fixtures.cycle(coordinator);
        jdbc.sql("update report_section set body = ? where cycle_id = ? and objective_number = 1")
                .params(chinese, cycle.id()).update();
        jdbc.sql("update report_section set body = ? where cycle_id = ? and objective_number = 2")
                .params(russian, cycle.id()).update();
        versions.freeze(cycle.id());
        publish(cycle);

        byte[] pdf = mvc.perform(get("/published/" + cycle.businessKey() + ".pdf").header("Accept-Language", "zh"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            // the report's own text, and the fixed headings in Chinese, come back out of the PDF character for character
            assertThat(text).contains(chinese.replaceAll("\\s+", "")).contains(russian.replaceAll("\\s+", ""))
                    .contains("目录").contains("版本历史");
            Map<String, Boolean> embedded = new TreeMap<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    embedded.put(font.getName(), font.isEmbedded());
                }
            }
            // Chinese in the bundled Noto Sans SC subset, Cyrillic in DejaVu Sans, both embedded (a reader needs no font)
            assertThat(embedded).anySatisfy((font, isEmbedded) -> {
                assertThat(font).contains("NotoSansCJKsc");
                assertThat(isEmbedded).isTrue();
            });
            assertThat(embedded).anySatisfy((font, isEmbedded) -> {
                assertThat(font).contains("DejaVuSans");
                assertThat(isEmbedded).isTrue();
            });
        }
    }

    /**
     * An English report read in Arabic: the page runs right to left, but each paragraph of the report takes its
     * direction from its own text (dir="auto") and says its language, so its full stop stays on the right; names
     * inside sentences are isolated (bdi); numbers are in the page's digits, as its dates are.
     */
    @Test
    void anEnglishReportInAnArabicPageKeepsItsOwnDirectionAndLanguage() throws Exception {
        ReviewCycle cycle = fixtures.cycle(coordinator);
        jdbc.sql("update review_cycle set report_language = 'en' where id = ?").param(cycle.id()).update();
        jdbc.sql("update report_section set body = ? where cycle_id = ? and objective_number = 1")
                .params("Kenya set up a national referral mechanism.", cycle.id()).update();
        versions.freeze(cycle.id());
        publish(cycle);

        String page = mvc.perform(get("/published/" + cycle.businessKey()).header("Accept-Language", "ar"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("dir=\"rtl\"")
                .containsPattern("<p (dir=\"auto\" lang=\"en\"|lang=\"en\" dir=\"auto\")>"
                        + "Kenya set up a national referral mechanism\\.</p>")
                .containsPattern("<h1 (dir=\"auto\" lang=\"en\"|lang=\"en\" dir=\"auto\")>")
                .containsPattern("<bdi>[^<]+</bdi> ·")
                // "Written in English", in Arabic
                .containsPattern("id=\"report-language\">[^<]*الإنجليزية")
                .containsPattern("id=\"version-number\">١</span>");
        // read in English, the same report is marked English too, and says so
        mvc.perform(get("/published/" + cycle.businessKey()))
                .andExpect(content().string(containsString("Written in English.")));
    }

    @Test
    void theJsonValidatesAgainstTheDocumentedSchemaWhichIsServedAsItIs() throws Exception {
        ReviewCycle cycle = publishedCycle(coordinator);
        String body = mvc.perform(get("/published/" + cycle.businessKey() + ".json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Link", containsString("/published/report-schema.json")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        byte[] documented = Files.readAllBytes(Path.of("docs/report-schema.json"));
        byte[] served = mvc.perform(get("/published/report-schema.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/schema+json"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(documented);

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new String(documented, StandardCharsets.UTF_8));
        JsonNode published = json.readTree(body);
        assertThat(schema.validate(published)).isEmpty();
        // the structured content is part of what validated
        assertThat(published.at("/sections/1/indicators/0/value").asText()).isEqualTo("1250");
        assertThat(published.at("/sections/1/measures").asText()).isEqualTo("A national referral mechanism.");

        // and the schema is not a rubber stamp: it rejects what the report format does not allow
        JsonNode broken = json.readTree(body);
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("sections").get(1)).put("objective", 24);
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("sections").get(2)).put("status", "DONE");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("title");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/sections/1/indicators/0")).put("value", "many");
        Set<ValidationMessage> errors = schema.validate(broken);
        assertThat(errors).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("title"))
                .anyMatch(m -> m.contains("objective"))
                .anyMatch(m -> m.contains("status"))
                .anyMatch(m -> m.contains("value"));
    }

    @Test
    void everyVersionEverFrozenValidatesAgainstTheSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/report-schema.json")));
        ReviewCycle unscoped = fixtures.cycle(coordinator);
        jdbc.sql("update review_cycle set period_start = null, period_end = null where id = ?").param(unscoped.id())
                .update();
        versions.freeze(unscoped.id());
        publishedCycle(coordinator);
        for (String content : jdbc.sql("select content from report_version").query(String.class).list()) {
            assertThat(schema.validate(json.readTree(content))).as(content).isEmpty();
        }
    }

    @Test
    void theReportPageShowsObjectivesSdgLinksConsultationAndDownloads() throws Exception {
        ReviewCycle cycle = publishedCycle(coordinator);
        long window = jdbc.sql("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status)
                values (?, timestamp '2025-01-10 00:00', timestamp '2025-02-10 00:00', 'CLOSED') returning id""")
                .param(cycle.id()).query(Long.class).single();
        input(window, "PUBLISHED", "ACCEPTED");
        input(window, "PUBLISHED", "ACCEPTED");
        input(window, "RECEIVED", "PARTLY");
        input(window, "PUBLISHED", "NOT_ACCEPTED");
        input(window, "PUBLISHED", null);
        input(window, "HIDDEN", null);
        // never confirmed by its author: not an input
        input(window, "RECEIVED", null, false);
        Objective first = reference.objective(1).orElseThrow();
        String goal = first.sdgTargets().get(0).substring(0, first.sdgTargets().get(0).indexOf('.'));

        mvc.perform(get("/published/" + cycle.businessKey()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Objective 1: " + first.shortTitle())))
                .andExpect(content().string(containsString("href=\"https://sdgs.un.org/goals/goal" + goal + "\"")))
                .andExpect(content().string(containsString("SDG target " + first.sdgTargets().get(0))))
                .andExpect(content().string(containsString("<td><bdi>Migrants assisted</bdi></td><td>1250</td><td><bdi>persons</bdi></td>")))
                .andExpect(content().string(containsString("Joint desks at the border.")))
                .andExpect(content().string(containsString("<td id=\"inputs-received\">5</td>")))
                .andExpect(content().string(containsString("<td id=\"inputs-accepted\">2</td>")))
                .andExpect(content().string(containsString("<td id=\"inputs-partly\">1</td>")))
                .andExpect(content().string(containsString("<td id=\"inputs-not-accepted\">1</td>")))
                .andExpect(content().string(containsString("<td id=\"inputs-unanswered\">1</td>")))
                .andExpect(content().string(containsString("<td id=\"inputs-withheld\">1</td>")))
                .andExpect(content().string(containsString("/published/" + cycle.businessKey() + ".pdf")))
                .andExpect(content().string(containsString("/published/" + cycle.businessKey() + ".json")))
                .andExpect(content().string(containsString("/published/report-schema.json")));
        // the fixed headings and the objectives' short titles in the reader's language
        mvc.perform(get("/published/" + cycle.businessKey()).header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("Introduction et méthodologie")))
                .andExpect(content().string(containsString("Objectif 1: Données")));
        mvc.perform(get("/published/" + cycle.businessKey()).header("Accept-Language", "es"))
                .andExpect(content().string(containsString("Introducción y metodología")));
    }

    @Test
    void theListFiltersByCountryRegionAndCycle() throws Exception {
        ReviewRound round = fixtures.regionalRound("ECA");
        ReviewCycle kenya = fixtures.attach(publishedCycle(coordinator), round, fixtures.imrfEdition());
        ReviewCycle india = publishedCycle(users.coordinator("IND"));

        mvc.perform(get("/published").param("region", "ESCAP"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(india.title())))
                .andExpect(content().string(not(containsString(kenya.title()))));
        mvc.perform(get("/published").param("country", "KEN"))
                .andExpect(content().string(containsString(kenya.title())))
                .andExpect(content().string(not(containsString(india.title()))));
        mvc.perform(get("/published").param("cycle", round.cycleCode()))
                .andExpect(content().string(containsString(kenya.title())))
                .andExpect(content().string(not(containsString(india.title()))))
                .andExpect(content().string(containsString("<option value=\"" + round.cycleCode() + "\" selected")));
        mvc.perform(get("/published").param("region", "ESCAP").param("country", "KEN"))
                .andExpect(content().string(not(containsString(kenya.title()))))
                .andExpect(content().string(not(containsString(india.title()))))
                .andExpect(content().string(containsString("No published report matches these filters.")));
    }

    @Test
    void nothingOfAnUnpublishedReportIsReachableWhateverTheRole() throws Exception {
        ReviewCycle draft = fixtures.cycle(coordinator);
        versions.freeze(draft.id());
        List<CurrentUser> everyone = List.of(coordinator, users.coordinator("GHA"), users.ministry("KEN", "INTERIOR"),
                users.regionalSecretariat("ECA"), users.imrfSecretariat(), users.admin());
        for (String suffix : new String[] {"", ".json", ".pdf"}) {
            String path = "/published/" + draft.businessKey() + suffix;
            mvc.perform(get(path)).andExpect(status().isNotFound());
            for (CurrentUser user : everyone) {
                mvc.perform(get(path).with(as(user))).andExpect(status().isNotFound());
            }
        }
        mvc.perform(get("/published/NOPE-0000.pdf")).andExpect(status().isNotFound());
    }

    /**
     * Issue 19.3: a signed-in reader's copy of a public page carries their name, notices and CSRF token, so it is
     * never given an entity tag or a public Cache-Control (the anonymous reader's caching is tested over Tomcat in
     * SideDoorsOverHttpTest).
     */
    @Test
    void aSignedInReadersPublicPageIsNeitherTaggedNorCached() throws Exception {
        ReviewCycle cycle = publishedCycle(coordinator);
        String anonymousTag = mvc.perform(get("/published/" + cycle.businessKey()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("public")))
                .andReturn().getResponse().getHeader("ETag");
        assertThat(anonymousTag).isNotBlank();

        for (String path : List.of("/published/" + cycle.businessKey(), "/reference/objectives")) {
            mvc.perform(get(path).with(as(coordinator)).header("If-None-Match", anonymousTag))
                    .andExpect(status().isOk())
                    .andExpect(header().doesNotExist("ETag"))
                    .andExpect(header().string("Cache-Control", containsString("no-store")));
        }
    }

    private ReviewCycle publishedCycle(CurrentUser owner) {
        ReviewCycle cycle = fixtures.cycle(owner);
        jdbc.sql("""
                update report_section set measures = 'A national referral mechanism.',
                       practices = 'Joint desks at the border.', challenges = 'Data gaps in rural areas.'
                 where cycle_id = ? and objective_number = 1""").param(cycle.id()).update();
        jdbc.sql("""
                insert into section_indicator (section_id, position, name, value, unit, source, year)
                select id, 0, 'Migrants assisted', '1250', 'persons', 'Ministry of Interior', 2024
                  from report_section where cycle_id = ? and objective_number = 1""").param(cycle.id()).update();
        versions.freeze(cycle.id());
        jdbc.sql("update report_section set body = 'Revised: progress on objective 2.' where cycle_id = ? "
                + "and objective_number = 2").param(cycle.id()).update();
        jdbc.sql("update report_section set body = 'Progress on objective 2.' where cycle_id = ? "
                + "and objective_number = 2").param(cycle.id()).update();
        versions.freeze(cycle.id());
        publish(cycle);
        return cycles.findById(cycle.id()).orElseThrow();
    }

    private void publish(ReviewCycle cycle) {
        // only an endorsed version is public (issue 14.4)
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?").param(cycle.id())
                .update();
    }

    private void input(long window, String status, String outcome) throws IOException {
        input(window, status, outcome, true);
    }

    private void input(long window, String status, String outcome, boolean confirmed) throws IOException {
        jdbc.sql("""
                insert into consultation_input (window_id, reference, idempotency_key, author_name, author_email, body,
                                                status, moderation_reason, response_outcome, confirmed_at)
                values (?, ?, ?, 'Someone', 'someone@example.org', 'An input.', ?, ?, ?,
                        case when ? then now() end)""")
                .params(window, "T-" + UUID.randomUUID(), UUID.randomUUID(), status,
                        "HIDDEN".equals(status) ? "Abusive language." : null, outcome, confirmed).update();
    }
}
