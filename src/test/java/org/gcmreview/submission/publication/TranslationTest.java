package org.gcmreview.submission.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.support.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 18.3: the coordinator publishes translations of the endorsed version of a published report; each is hashed
 * and published with its own page, PDF and JSON, and the public page switches between the languages, the original
 * marked as such. Only the country's coordinator adds one; everybody reads them.
 */
@ApplicationTest
class TranslationTest {

    static final String RUSSIAN = "Национальный механизм направления защищает права мигрантов.";
    static final String CHINESE = "我国通过国家转介机制保护移民的权利。";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportVersions versions;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;
    @Autowired
    ObjectMapper json;

    CurrentUser coordinator;

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
    }

    @Test
    void russianAndChineseTranslationsArePublishedHashedAndSwitchedBetween() throws Exception {
        ReviewCycle cycle = endorsedAndPublished();
        ReportVersion original = versions.latest(cycle.id()).orElseThrow();

        String form = page(get("/cycles/" + cycle.id() + "/translations").with(as(coordinator)), 200);
        assertThat(form).contains("id=\"translation-form\"", "name=\"body-0\"", "name=\"body-3\"")
                // the original's own language is not offered
                .doesNotContain("<option value=\"en\" lang=\"en\">");

        mvc.perform(translation(cycle, "ru", RUSSIAN)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/published/" + cycle.businessKey() + "/ru"));
        mvc.perform(translation(cycle, "zh", CHINESE)).andExpect(status().isFound());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'REPORT_TRANSLATION_PUBLISHED' "
                + "and subject_id = ?").param(String.valueOf(cycle.id())).query(Integer.class).single()).isEqualTo(2);

        // each language's JSON is stored byte for byte, hashes to its own SHA-256 and names what it translates
        Map<String, String> hashes = new TreeMap<>();
        for (String language : new String[] {"ru", "zh"}) {
            MockHttpServletResponse response = mvc.perform(get("/published/" + cycle.businessKey() + "/" + language
                    + ".json")).andExpect(status().isOk()).andReturn().getResponse();
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            assertThat(Sha256.hex(body)).isEqualTo(response.getHeader("X-Content-SHA256"));
            hashes.put(language, Sha256.hex(body));
            JsonNode content = json.readTree(body);
            assertThat(content.path("language").asText()).isEqualTo(language);
            assertThat(content.path("translationOf").path("version").asInt()).isEqualTo(original.versionNo());
            assertThat(content.path("translationOf").path("sha256").asText()).isEqualTo(original.sha256());
            assertThat(content.path("sections").get(1).path("body").asText())
                    .isEqualTo(language.equals("ru") ? RUSSIAN : CHINESE);
        }
        assertThat(hashes.get("ru")).isNotEqualTo(hashes.get("zh")).isNotEqualTo(original.sha256());
        assertThat(hashes.get("zh")).isNotEqualTo(original.sha256());
        assertThat(versions.intact(original)).isTrue();

        // the public page, read by anyone: a switch between the three, the original marked as such
        String page = page(get("/published/" + cycle.businessKey()), 200);
        assertThat(page).contains("id=\"language-switch\"", "id=\"original-note\"")
                .containsPattern("<a href=\"/published/" + cycle.businessKey() + "/ru\" hreflang=\"ru\" lang=\"ru\"[^>]*>Русский</a>")
                .containsPattern("<a href=\"/published/" + cycle.businessKey() + "/zh\" hreflang=\"zh\" lang=\"zh\"[^>]*>中文</a>")
                .containsPattern("hreflang=\"en\" lang=\"en\"\\s+aria-current=\"page\">English</a><span> \\(original\\)</span>");
        String russianPage = page(get("/published/" + cycle.businessKey() + "/ru"), 200);
        assertThat(russianPage).contains(RUSSIAN, "id=\"translation-note\"", hashes.get("ru"), original.sha256(),
                        "href=\"/published/" + cycle.businessKey() + "/ru.pdf\"")
                .containsPattern("hreflang=\"ru\" lang=\"ru\"\\s+aria-current=\"page\">Русский</a>")
                .containsPattern("<p (dir=\"auto\" lang=\"ru\"|lang=\"ru\" dir=\"auto\")>" + RUSSIAN + "</p>");

        // both PDFs render: the text extracts back, in an embedded font that has its glyphs
        assertThat(pdfText(cycle, "ru", "DejaVuSans")).contains(RUSSIAN.replaceAll("\\s+", ""));
        assertThat(pdfText(cycle, "zh", "NotoSansCJKsc")).contains(CHINESE);
        mvc.perform(get("/published/" + cycle.businessKey() + "/fr")).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheCountrysCoordinatorAddsATranslationAndNothingIsStoredOnError() throws Exception {
        ReviewCycle cycle = endorsedAndPublished();
        CurrentUser otherCoordinator = users.coordinator("GHA");
        CurrentUser ministry = users.ministry("KEN", "INTERIOR");
        mvc.perform(get("/cycles/" + cycle.id() + "/translations").with(as(otherCoordinator)))
                .andExpect(status().isNotFound());
        mvc.perform(translation(otherCoordinator, cycle, "ru", RUSSIAN)).andExpect(status().isNotFound());
        mvc.perform(translation(ministry, cycle, "ru", RUSSIAN)).andExpect(status().isForbidden());
        mvc.perform(get("/cycles/" + cycle.id() + "/translations").with(as(users.regionalSecretariat("ECA"))))
                .andExpect(status().isForbidden());

        // a text the original has, left out; the original's language: refused, with the summary, nothing stored
        String refused = page(translation(cycle, "fr", ""), 400);
        assertThat(refused).contains("id=\"error-summary\"", "href=\"#body-1\"", "Translate this text too");
        String same = page(translation(cycle, "en", "Text."), 400);
        assertThat(same).contains("href=\"#language\"", "The original is written in this language");
        assertThat(jdbc.sql("select count(*) from report_translation where cycle_id = ?").param(cycle.id())
                .query(Integer.class).single()).isZero();

        // one per language: a second French one is refused
        mvc.perform(translation(cycle, "fr", "Texte.")).andExpect(status().isFound());
        assertThat(page(translation(cycle, "fr", "Autre texte."), 400))
                .contains("already has a translation into this language");
    }

    @Test
    void aReportThatIsNotPublishedWithAnEndorsedVersionIsNotTranslated() throws Exception {
        ReviewCycle cycle = fixtures.cycle(coordinator);
        versions.freeze(cycle.id());
        // published without an endorsement (as fixtures do): nothing to translate
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?").param(cycle.id())
                .update();
        assertThat(page(get("/cycles/" + cycle.id() + "/translations").with(as(coordinator)), 200))
                .contains("id=\"not-translatable\"").doesNotContain("translation-form");
        mvc.perform(translation(cycle, "ru", RUSSIAN)).andExpect(status().isConflict());
        // and no version of it is public: only an endorsed version is (issue 14.4)
        page(get("/published/" + cycle.businessKey()), 404);
    }

    private ReviewCycle endorsedAndPublished() {
        ReviewCycle cycle = fixtures.cycle(coordinator);
        jdbc.sql("update review_cycle set report_language = 'en' where id = ?").param(cycle.id()).update();
        ReportVersion version = versions.freeze(cycle.id());
        jdbc.sql("insert into endorsement (cycle_id, report_version_id, endorsed_by) values (?, ?, ?)")
                .params(cycle.id(), version.id(), coordinator.id()).update();
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?").param(cycle.id())
                .update();
        return cycle;
    }

    /** Every section's text translated (the fixture's four sections each have a body), objective 1's as given. */
    private MockHttpServletRequestBuilder translation(ReviewCycle cycle, String language, String text) {
        return translation(coordinator, cycle, language, text);
    }

    private MockHttpServletRequestBuilder translation(CurrentUser by, ReviewCycle cycle, String language,
            String text) {
        return post("/cycles/" + cycle.id() + "/translations").with(as(by)).with(csrf())
                .param("language", language).param("title", "Title " + language)
                .param("body-0", text.isEmpty() ? "" : text + " 0").param("body-1", text)
                .param("body-2", text.isEmpty() ? "" : text + " 2").param("body-3", text.isEmpty() ? "" : text + " 3");
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String pdfText(ReviewCycle cycle, String language, String font) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/published/" + cycle.businessKey() + "/" + language
                + ".pdf")).andExpect(status().isOk()).andReturn().getResponse();
        String json = mvc.perform(get("/published/" + cycle.businessKey() + "/" + language + ".json")).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getHeader("X-Content-SHA256")).isEqualTo(Sha256.hex(json));
        try (PDDocument document = Loader.loadPDF(response.getContentAsByteArray())) {
            Map<String, Boolean> embedded = new TreeMap<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    var f = page.getResources().getFont(name);
                    embedded.put(f.getName(), f.isEmbedded());
                }
            }
            assertThat(embedded).anySatisfy((name, isEmbedded) -> {
                assertThat(name).contains(font);
                assertThat(isEmbedded).isTrue();
            });
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }
}
