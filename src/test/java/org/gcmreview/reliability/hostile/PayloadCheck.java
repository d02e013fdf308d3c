package org.gcmreview.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Markup and SQL typed into a form: either refused (4xx, nothing stored) or taken as the text it is, stored
 * verbatim (not mangled, not executed: the tables are all still there) and written into pages escaped.
 */
final class PayloadCheck {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Refusals refusals;
    /** The payload with a mark of its own, so rows other tests stored never count. */
    final String payload = FormPost.PAYLOAD + " #" + java.util.UUID.randomUUID();

    PayloadCheck(MockMvc mvc, JdbcClient jdbc, Refusals refusals) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.refusals = refusals;
    }

    java.util.Map<String, String> in(java.util.List<String> fields) {
        java.util.Map<String, String> replaced = new java.util.LinkedHashMap<>();
        fields.forEach(name -> replaced.put(name, payload));
        return replaced;
    }

    /** Sends the post; a refusal must change nothing, an acceptance must have stored the payload verbatim. */
    MockHttpServletResponse send(String what, RequestBuilder post) throws Exception {
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
        MockHttpServletResponse response = mvc.perform(post).andReturn().getResponse();
        DatabaseSnapshot after = DatabaseSnapshot.take(jdbc);
        int status = response.getStatus();
        assertThat(status).as("%s with markup and SQL: status (body %s)", what, Refusals.abbreviated(response))
                .isLessThan(500).isNotIn(401, 403);
        assertThat(response.getContentAsString()).as("%s: the answer page", what)
                .doesNotContain(FormPost.RAW.toArray(String[]::new));
        assertThat(String.valueOf(response.getRedirectedUrl())).as("%s: the redirect", what)
                .doesNotContain("<script", "<img", "\"", "'", " ").doesNotStartWith("//").doesNotContain("://");
        if (status >= 400) {
            refusals.assertClear(what, response);
            assertThat(before.differences(after)).as("%s: tables changed by a refused post", what).isEmpty();
        }
        return response;
    }

    /** The payload is stored somewhere exactly as typed, and the page showing it escapes it. */
    void shownEscaped(String what, RequestBuilder page) throws Exception {
        assertThat(storedVerbatim()).as("%s: the payload is stored verbatim in some text column", what).isTrue();
        MockHttpServletResponse response = mvc.perform(page).andReturn().getResponse();
        assertThat(response.getStatus()).as("%s: the page that shows it", what).isEqualTo(200);
        assertThat(response.getContentAsString()).as("%s: the page that shows it", what).contains(FormPost.ESCAPED)
                .doesNotContain(FormPost.RAW.toArray(String[]::new));
    }

    /** Whether any text column of an application table holds the payload unchanged. */
    boolean storedVerbatim() {
        List<String[]> columns = jdbc.sql("""
                select c.table_name, c.column_name from information_schema.columns c
                  join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
                 where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                   and c.data_type in ('text', 'character varying') and c.table_name not like 'act\\_%'
                   and c.table_name not like 'spring\\_session%' and c.table_name <> 'audit_event'""")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] column : columns) {
            // names from information_schema, never from a request
            int found = jdbc.sql("select count(*) from " + column[0] + " where position(? in " + column[1] + ") > 0")
                    .param(payload).query(Integer.class).single();
            if (found > 0) {
                return true;
            }
        }
        return false;
    }
}
