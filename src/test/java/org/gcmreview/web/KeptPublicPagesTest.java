package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.http.Cookie;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.submission.ReviewFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Issue 19.3: the reference pages and the what-we-heard page are rendered once per language and state and then
 * served to anonymous readers from the copy ({@link KeptCopies}, {@link PublicPages#page}), as the published report
 * is: the same bytes, no render, no session, 304 for a reader who has the page; another language, a changed answer,
 * a signed-in reader or a flash message get their own render; a reader who accepts gzip gets the copy compressed
 * once, under a tag of its own.
 */
@ApplicationTest
class KeptPublicPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;
    @Autowired
    KeptCopies copies;

    @Test
    void aSecondAnonymousReaderGetsTheFirstReadersBytesWithoutARenderOrASession() throws Exception {
        String heard = whatWeHeard();
        long beforeFirst = copies.renders();
        mvc.perform(get(heard)).andExpect(status().isOk());
        assertThat(copies.renders()).as("the first reader of a new page renders it into the copy")
                .isEqualTo(beforeFirst + 1);
        for (String path : List.of("/reference/objectives", "/reference/principles", heard)) {
            MvcResult first = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
            long renders = copies.renders();
            MvcResult second = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();

            assertThat(copies.renders()).as("renders for the second reader of %s", path).isEqualTo(renders);
            assertThat(second.getResponse().getContentAsByteArray()).as(path)
                    .isEqualTo(first.getResponse().getContentAsByteArray()).isNotEmpty();
            assertThat(second.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
            assertThat(second.getResponse().getHeader("Content-Language")).isEqualTo("en");
            assertThat(second.getResponse().getHeader("ETag")).isNotBlank()
                    .isEqualTo(first.getResponse().getHeader("ETag"));
            assertThat(second.getResponse().getHeader("Cache-Control")).contains("public", "max-age");
            assertThat(second.getRequest().getSession(false)).as("session of %s", path).isNull();
            assertThat(second.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("<html", "</html>", "lang=\"en\"")
                    // the language form leads back to the page itself
                    .contains("name=\"return\" value=\"" + path + "\"");
        }
    }

    @Test
    void aReaderWhoHasThePageStillGets304() throws Exception {
        for (String path : List.of("/reference/objectives", "/reference/principles", whatWeHeard())) {
            String tag = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                    .getHeader("ETag");
            MockHttpServletResponse again = mvc.perform(get(path).header("If-None-Match", tag))
                    .andExpect(status().isNotModified()).andReturn().getResponse();
            assertThat(again.getContentAsByteArray()).as(path).isEmpty();
            assertThat(again.getHeader("ETag")).isEqualTo(tag);
        }
    }

    @Test
    void anotherReaderLanguageIsRenderedOnceAndKeptApart() throws Exception {
        String path = whatWeHeard();
        String english = page(get(path));
        long renders = copies.renders();

        String spanish = page(get(path).cookie(new Cookie("gcm-lang", "es")));
        String spanishAgain = page(get(path).header("Accept-Language", "es"));
        String englishAgain = page(get(path));

        assertThat(copies.renders()).isEqualTo(renders + 1);
        assertThat(spanish).isNotEqualTo(english).contains("lang=\"es\"").isEqualTo(spanishAgain);
        assertThat(englishAgain).isEqualTo(english);

        // the reference page likewise (its copies outlive a test: other tests may have read it in Spanish already)
        String objectives = page(get("/reference/objectives"));
        String spanishObjectives = page(get("/reference/objectives").cookie(new Cookie("gcm-lang", "es")));
        long afterFirstSpanish = copies.renders();
        assertThat(page(get("/reference/objectives").header("Accept-Language", "es"))).isEqualTo(spanishObjectives);
        assertThat(copies.renders()).isEqualTo(afterFirstSpanish);
        assertThat(spanishObjectives).isNotEqualTo(objectives).contains("lang=\"es\"");
    }

    @Test
    void aChangedAnswerGivesNewBytes() throws Exception {
        ReviewCycle cycle = closedConsultation();
        String path = "/consultations/" + cycle.businessKey() + "/what-we-heard";
        String before = page(get(path));
        assertThat(before).contains("Answer to Heard: ACCEPTED");

        jdbc.sql("""
                update consultation_input set response_text = 'A changed answer', responded_at = now()
                 where window_id = (select id from consultation_window where cycle_id = ?)
                   and response_outcome = 'ACCEPTED'""").param(cycle.id()).update();

        String after = page(get(path));
        assertThat(after).contains("A changed answer").doesNotContain("Answer to Heard: ACCEPTED");
        assertThat(page(get(path))).isEqualTo(after);
    }

    @Test
    void aSignedInReaderGetsTheirOwnPageNeverTheCopy() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        for (String path : List.of("/reference/objectives", whatWeHeard())) {
            String anonymous = page(get(path));
            MockHttpServletResponse signedIn = mvc.perform(get(path).with(as(coordinator)))
                    .andExpect(status().isOk()).andReturn().getResponse();
            assertThat(signedIn.getContentAsString(StandardCharsets.UTF_8)).isNotEqualTo(anonymous)
                    .contains(coordinator.displayName(), "action=\"/logout\"");
            assertThat(signedIn.getHeader("ETag")).as(path).isNull();
            assertThat(signedIn.getHeader("Cache-Control")).contains("no-store");
            assertThat(page(get(path))).isEqualTo(anonymous)
                    .doesNotContain(coordinator.displayName(), "action=\"/logout\"");
        }
    }

    @Test
    void aReaderWithAFlashMessageGetsItAndTheCopyStaysWithoutIt() throws Exception {
        String flash = "Language changed " + UUID.randomUUID();
        for (String path : List.of("/reference/principles", whatWeHeard())) {
            String anonymous = page(get(path));
            assertThat(page(get(path).flashAttr("flash", flash))).contains(flash);
            assertThat(page(get(path))).isEqualTo(anonymous).doesNotContain(flash);
        }
    }

    @Test
    void aReaderWhoAcceptsGzipGetsTheCopyCompressedOnceUnderATagOfItsOwn() throws Exception {
        for (String path : List.of("/reference/principles", whatWeHeard())) {
            MockHttpServletResponse plain = mvc.perform(get(path)).andExpect(status().isOk()).andReturn()
                    .getResponse();
            long beforeGzip = copies.renders();
            MockHttpServletResponse gzip = read(get(path).header("Accept-Encoding", "gzip, deflate, br"));
            long renders = copies.renders();
            if (path.startsWith("/consultations/")) {
                // a page nobody has read compressed yet (the reference page's copies outlive a test)
                assertThat(renders).as("the compression of the kept page, without a render").isEqualTo(beforeGzip + 1);
            }
            MockHttpServletResponse gzipAgain = read(get(path).header("Accept-Encoding", "gzip"));

            assertThat(copies.renders()).as("compressions for the second reader of %s", path).isEqualTo(renders);
            assertThat(gzip.getHeader("Content-Encoding")).isEqualTo("gzip");
            assertThat(plain.getHeader("Content-Encoding")).isNull();
            assertThat(gunzip(gzip.getContentAsByteArray())).as(path).isEqualTo(plain.getContentAsByteArray());
            assertThat(gzip.getContentAsByteArray()).hasSizeLessThan(plain.getContentAsByteArray().length / 2)
                    .isEqualTo(gzipAgain.getContentAsByteArray());
            assertThat(gzip.getContentLength()).isEqualTo(gzip.getContentAsByteArray().length);
            String gzipTag = gzip.getHeader("ETag");
            assertThat(gzipTag).isNotBlank().isNotEqualTo(plain.getHeader("ETag"));
            assertThat(gzip.getHeader("Vary")).contains("Accept-Encoding");
            assertThat(plain.getHeader("Vary")).contains("Accept-Encoding");

            // a reader who has the compressed page gets 304; one who has the other representation gets this one
            mvc.perform(get(path).header("Accept-Encoding", "gzip").header("If-None-Match", gzipTag))
                    .andExpect(status().isNotModified());
            assertThat(read(get(path).header("Accept-Encoding", "gzip")
                    .header("If-None-Match", plain.getHeader("ETag"))).getContentAsByteArray())
                    .isEqualTo(gzip.getContentAsByteArray());
            // gzip refused outright
            MockHttpServletResponse refused = read(get(path).header("Accept-Encoding", "gzip;q=0, identity"));
            assertThat(refused.getHeader("Content-Encoding")).isNull();
            assertThat(refused.getContentAsByteArray()).isEqualTo(plain.getContentAsByteArray());
        }
    }

    private String page(RequestBuilder request) throws Exception {
        return read(request).getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse read(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }

    private String whatWeHeard() {
        return "/consultations/" + closedConsultation().businessKey() + "/what-we-heard";
    }

    /** A cycle whose closed consultation has two published inputs, both answered, the answers public. */
    private ReviewCycle closedConsultation() {
        ReviewCycle cycle = fixtures.cycle(users.coordinator("KEN"));
        long window = jdbc.sql("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status, closed_at,
                                                 responses_completed_at)
                values (?, timestamp '2025-01-10 00:00', timestamp '2025-02-10 00:00', 'CLOSED',
                        timestamp '2025-02-10 00:00', now()) returning id""")
                .param(cycle.id()).query(Long.class).single();
        for (String outcome : new String[] {"ACCEPTED", "NOT_ACCEPTED"}) {
            jdbc.sql("""
                    insert into consultation_input (window_id, reference, idempotency_key, author_name, author_email,
                                                    objective_number, body, status, response_outcome, response_text,
                                                    responded_at, confirmed_at)
                    values (?, ?, ?, 'Someone', 'someone@example.org', 1, ?, 'PUBLISHED', ?, ?, now(), now())""")
                    .params(window, "T-" + UUID.randomUUID(), UUID.randomUUID(), "Heard: " + outcome, outcome,
                            "Answer to Heard: " + outcome)
                    .update();
        }
        return cycle;
    }
}
