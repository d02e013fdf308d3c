package org.gcmreview.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Sends a hostile request and checks the answer: one of the expected 4xx statuses (never a 500), a message a
 * person can read rather than a stack trace, and not a row changed in the database.
 */
final class Refusals {

    /** What only a leaked stack trace or engine error would put into a page. */
    static final List<String> LEAKS = List.of("Exception", "\tat org.", "\tat java.", "org.springframework.",
            "org.camunda.", "org.postgresql", "SQLState", "PSQLException");

    /** The heading of the page a post without a valid CSRF token gets (org.gcmreview.web.CsrfRefusal). */
    static final String CSRF_PAGE = "This form has expired";

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    Refusals(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** Sends the request, expects one of the statuses, and asserts the database is exactly as before. */
    MockHttpServletResponse expect(String what, RequestBuilder request, int... statuses) throws Exception {
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        DatabaseSnapshot after = DatabaseSnapshot.take(jdbc);
        assertThat(response.getStatus()).as("%s: status (body: %s)", what, abbreviated(response))
                .isIn(Arrays.stream(statuses).boxed().collect(Collectors.toList()));
        assertClear(what, response);
        assertThat(before.differences(after)).as("%s: tables changed by a refused request", what).isEmpty();
        return response;
    }

    /**
     * A readable page and nothing of the machinery behind it. A refusal made with sendError (Spring Security,
     * ResponseStatusException, a parameter of the wrong type) has no body in MockMvc: the servlet container
     * forwards it to /error, so that page is rendered here the way the container would (as ErrorPagesTest does).
     */
    void assertClear(String what, MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        if (body.isBlank()) {
            body = mvc.perform(get("/error").requestAttr("jakarta.servlet.error.status_code", response.getStatus())
                            .requestAttr("jakarta.servlet.error.message", String.valueOf(response.getErrorMessage()))
                            .accept(MediaType.TEXT_HTML))
                    .andReturn().getResponse().getContentAsString();
        }
        assertThat(body).as("%s: the answer page", what).containsAnyOf("<h1", "<title");
        assertThat(body + " " + response.getErrorMessage()).as("%s: leaks internals", what)
                .doesNotContain(LEAKS.toArray(String[]::new));
    }

    static String abbreviated(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        String text = body.isBlank() ? "reason " + response.getErrorMessage() : body;
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
