package org.gcmreview.submission.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.support.Sha256;
import org.gcmreview.web.KeptCopies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.util.unit.DataSize;

/**
 * Issue 19.3: the published report's page, PDF and JSON are rendered once per version and language and then served
 * from the copy ({@link KeptCopies}): the same bytes, no render, no session; a newly endorsed version or a new
 * translation gives new bytes, another reader language its own copy, and a reader who has the page still gets 304.
 */
@ApplicationTest
class PublishedCopiesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewCycles cycles;
    @Autowired
    ReportVersions versions;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;
    @Autowired
    KeptCopies copies;
    @Autowired
    ReportTranslations translations;
    @Autowired
    Publications publications;
    @Autowired
    RuntimeService runtime;

    @Test
    void aSecondReaderGetsTheFirstReadersBytesWithoutARenderOrASession() throws Exception {
        ReviewCycle cycle = published();
        String path = "/published/" + cycle.businessKey();
        for (String document : List.of(path, path + ".pdf", path + ".json")) {
            MvcResult first = mvc.perform(get(document)).andExpect(status().isOk()).andReturn();
            long renders = copies.renders();
            MvcResult second = mvc.perform(get(document)).andExpect(status().isOk()).andReturn();

            assertThat(copies.renders()).as("renders for the second reader of %s", document).isEqualTo(renders);
            assertThat(second.getResponse().getContentAsByteArray()).as(document)
                    .isEqualTo(first.getResponse().getContentAsByteArray()).isNotEmpty();
            assertThat(second.getResponse().getContentType()).isEqualTo(first.getResponse().getContentType());
            assertThat(second.getResponse().getHeader("Content-Language"))
                    .isEqualTo(first.getResponse().getHeader("Content-Language"));
            assertThat(second.getResponse().getHeader("ETag")).isEqualTo(first.getResponse().getHeader("ETag"));
            assertThat(second.getRequest().getSession(false)).as("session of %s", document).isNull();
        }
        String page = mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(cycle.title(), "<html", "</html>", "lang=\"en\"")
                // the language form leads back to the page itself, whatever the first reader typed
                .contains("name=\"return\" value=\"" + path + "\"");
    }

    @Test
    void aReaderWhoHasTheCopyStillGets304() throws Exception {
        ReviewCycle cycle = published();
        String path = "/published/" + cycle.businessKey();
        for (String document : List.of(path, path + ".pdf", path + ".json")) {
            String tag = mvc.perform(get(document)).andExpect(status().isOk()).andReturn().getResponse()
                    .getHeader("ETag");
            MockHttpServletResponse again = mvc.perform(get(document).header("If-None-Match", tag))
                    .andExpect(status().isNotModified()).andReturn().getResponse();
            assertThat(again.getContentAsByteArray()).as(document).isEmpty();
        }
    }

    @Test
    void aNewlyEndorsedVersionGivesNewBytes() throws Exception {
        ReviewCycle cycle = published();
        String path = "/published/" + cycle.businessKey();
        byte[] page = body(get(path));
        String pageTag = mvc.perform(get(path)).andReturn().getResponse().getHeader("ETag");
        byte[] json = body(get(path + ".json"));
        String pdfTag = mvc.perform(get(path + ".pdf")).andReturn().getResponse().getHeader("ETag");

        jdbc.sql("update report_section set body = 'Endorsed again: a second national action plan.' "
                + "where cycle_id = ? and objective_number = 2").param(cycle.id()).update();
        ReportVersion second = versions.freeze(cycle.id());
        endorseThroughTheForm(cycle, second);

        String newPage = new String(body(get(path).header("If-None-Match", pageTag)), StandardCharsets.UTF_8);
        assertThat(newPage.getBytes(StandardCharsets.UTF_8)).isNotEqualTo(page);
        assertThat(newPage).contains("Endorsed again: a second national action plan.");
        assertThat(new String(body(get(path + ".json")), StandardCharsets.UTF_8)).isNotEqualTo(
                new String(json, StandardCharsets.UTF_8)).contains("Endorsed again");
        MockHttpServletResponse pdf = mvc.perform(get(path + ".pdf")).andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(pdf.getHeader("ETag")).isNotEqualTo(pdfTag);
        assertThat(pdf.getHeader("X-Content-SHA256")).isEqualTo(versions.latest(cycle.id()).orElseThrow().sha256());
    }

    @Test
    void aNewTranslationGivesNewBytesAndHasItsOwnCopy() throws Exception {
        ReviewCycle cycle = published();
        String path = "/published/" + cycle.businessKey();
        byte[] before = body(get(path));
        mvc.perform(get(path + "/fr")).andExpect(status().isNotFound());

        ReportVersion original = versions.latest(cycle.id()).orElseThrow();
        String french = original.content().replace(cycle.title(), "Examen national (traduction)");
        translations.add(cycle.id(), original.versionNo(), original.sha256(), "fr", french, Sha256.hex(french),
                users.coordinator("KEN").id());

        String after = new String(body(get(path)), StandardCharsets.UTF_8);
        assertThat(after.getBytes(StandardCharsets.UTF_8)).isNotEqualTo(before);
        assertThat(after).contains("href=\"" + path + "/fr\"");
        long renders = copies.renders();
        String translated = new String(body(get(path + "/fr")), StandardCharsets.UTF_8);
        assertThat(translated).isNotEqualTo(after).contains("Examen national (traduction)");
        assertThat(body(get(path + "/fr"))).isEqualTo(translated.getBytes(StandardCharsets.UTF_8));
        assertThat(copies.renders()).isEqualTo(renders + 1);
        assertThat(new String(body(get(path + "/fr.json")), StandardCharsets.UTF_8)).isEqualTo(french);
    }

    /**
     * The tags are made from what is looked up once per a few seconds ({@link PublishedLookups}): a translation, an
     * endorsement and a publication on this node each give the documents they change new tags at the next request,
     * and a reader with the old tag gets the new document, not 304.
     */
    @Test
    void aTranslationAnEndorsementAndAPublicationEachChangeTheTagsAtOnce() throws Exception {
        ReviewCycle cycle = published();
        ReportVersion first = versions.latest(cycle.id()).orElseThrow();
        publications.record(cycle.id(), first.id(), "coordinator");
        String path = "/published/" + cycle.businessKey();
        List<String> documents = List.of(path, path + ".pdf", path + ".json");
        List<String> tags = tags(documents);

        String french = first.content().replace(cycle.title(), "Examen national (traduction)");
        translations.add(cycle.id(), first.versionNo(), first.sha256(), "fr", french, Sha256.hex(french),
                users.coordinator("KEN").id());
        List<String> translated = tags(documents);
        assertThat(translated.get(0)).as("the page (its language switch)").isNotEqualTo(tags.get(0));
        assertThat(translated.get(1)).as("the PDF").isNotEqualTo(tags.get(1));
        assertThat(translated.get(2)).as("the JSON: the original's bytes").isEqualTo(tags.get(2));
        mvc.perform(get(path).header("If-None-Match", tags.get(0))).andExpect(status().isOk());
        mvc.perform(get(path + "/fr")).andExpect(status().isOk());

        jdbc.sql("update report_section set body = 'Clarified and endorsed again.' "
                + "where cycle_id = ? and objective_number = 2").param(cycle.id()).update();
        ReportVersion second = versions.freeze(cycle.id());
        endorseThroughTheForm(cycle, second);
        // issue 14.4: endorsed after a publication, the version is public only once published again
        assertThat(tags(documents)).isEqualTo(translated);

        publications.record(cycle.id(), second.id(), "coordinator");
        List<String> republished = tags(documents);
        for (int i = 0; i < documents.size(); i++) {
            assertThat(republished.get(i)).as(documents.get(i)).isNotEqualTo(translated.get(i));
            mvc.perform(get(documents.get(i)).header("If-None-Match", translated.get(i)))
                    .andExpect(status().isOk());
        }
        assertThat(mvc.perform(get(path + ".json")).andReturn().getResponse().getContentAsString(
                StandardCharsets.UTF_8)).contains("Clarified and endorsed again.");
    }

    private List<String> tags(List<String> documents) throws Exception {
        List<String> tags = new ArrayList<>();
        for (String document : documents) {
            tags.add(mvc.perform(get(document)).andExpect(status().isOk()).andReturn().getResponse()
                    .getHeader("ETag"));
        }
        return tags;
    }

    @Test
    void anotherReaderLanguageIsRenderedAndKeptApart() throws Exception {
        ReviewCycle cycle = published();
        String path = "/published/" + cycle.businessKey();
        String english = new String(body(get(path)), StandardCharsets.UTF_8);
        long renders = copies.renders();

        String spanish = new String(body(get(path).cookie(new Cookie("gcm-lang", "es"))), StandardCharsets.UTF_8);
        String spanishAgain = new String(body(get(path).header("Accept-Language", "es")), StandardCharsets.UTF_8);
        String englishAgain = new String(body(get(path)), StandardCharsets.UTF_8);

        assertThat(copies.renders()).isEqualTo(renders + 1);
        assertThat(spanish).isNotEqualTo(english).contains("lang=\"es\"").isEqualTo(spanishAgain);
        assertThat(englishAgain).isEqualTo(english);
    }

    @Test
    void sixtyFourFirstReadersOfAPdfWaitForOneRender() throws Exception {
        ReviewCycle cycle = published();
        String path = "/published/" + cycle.businessKey() + ".pdf";
        long renders = copies.renders();
        ExecutorService readers = Executors.newFixedThreadPool(16);
        try {
            List<Callable<byte[]>> reads = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                reads.add(() -> body(get(path)));
            }
            List<byte[]> bodies = new ArrayList<>();
            for (Future<byte[]> read : readers.invokeAll(reads)) {
                bodies.add(read.get());
            }
            assertThat(bodies).allSatisfy(pdf -> assertThat(pdf).isEqualTo(bodies.get(0)));
        } finally {
            readers.shutdownNow();
        }
        assertThat(copies.renders()).isEqualTo(renders + 1);
    }

    @Test
    void aSignedInReaderGetsTheirOwnPageNeverTheCopy() throws Exception {
        ReviewCycle cycle = published();
        CurrentUser coordinator = users.coordinator("KEN");
        String path = "/published/" + cycle.businessKey();
        String anonymous = new String(body(get(path)), StandardCharsets.UTF_8);
        String signedIn = new String(body(get(path).with(as(coordinator))), StandardCharsets.UTF_8);
        assertThat(signedIn).isNotEqualTo(anonymous).contains(coordinator.displayName(), "action=\"/logout\"");
        assertThat(new String(body(get(path)), StandardCharsets.UTF_8)).isEqualTo(anonymous)
                .doesNotContain(coordinator.displayName(), "action=\"/logout\"");
    }

    /** Bounded: the copies read least recently go first, and a copy larger than the bound is served, not kept. */
    @Test
    void theCopiesKeepToTheirBound() {
        KeptCopies bounded = new KeptCopies(DataSize.ofBytes(10));
        bounded.get("a", () -> new byte[4]);
        bounded.get("b", () -> new byte[4]);
        bounded.get("a", () -> new byte[4]);
        bounded.get("c", () -> new byte[4]);
        assertThat(bounded.renders()).isEqualTo(3);
        bounded.get("a", () -> new byte[4]);
        assertThat(bounded.renders()).as("a, read last, is kept").isEqualTo(3);
        bounded.get("b", () -> new byte[4]);
        assertThat(bounded.renders()).as("b, read least recently, went first").isEqualTo(4);
        bounded.get("big", () -> new byte[11]);
        bounded.get("big", () -> new byte[11]);
        assertThat(bounded.renders()).isEqualTo(6);
    }

    private byte[] body(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** The coordinator endorses the version on the national review's form, as in a real cycle. */
    private void endorseThroughTheForm(ReviewCycle cycle, ReportVersion version) throws Exception {
        ProcessInstance national = fixtures.nationalReviewAt(cycle, "EndorseFinalReport");
        runtime.setVariable(national.getId(), "reportVersionId", version.id());
        String task = fixtures.task(national.getId(), "EndorseFinalReport").getId();
        mvc.perform(post("/tasks/" + task).with(as(users.coordinator("KEN"))).with(csrf()).param("action", "endorse"))
                .andExpect(status().isFound());
    }

    private ReviewCycle published() {
        ReviewCycle cycle = fixtures.cycle(users.coordinator("KEN"));
        versions.freeze(cycle.id());
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?").param(cycle.id())
                .update();
        return cycles.findById(cycle.id()).orElseThrow();
    }
}
