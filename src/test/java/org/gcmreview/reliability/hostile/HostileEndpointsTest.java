package org.gcmreview.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gcmreview.ApplicationTest;
import org.gcmreview.consultation.ConsultationScenario;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input against every state-changing endpoint: each gets a clear 4xx (never a 500, never a stack trace)
 * and leaves every application table and Camunda's running tasks and executions as they were; text that is
 * legitimate input is stored verbatim and shown escaped. The endpoints are enumerated from Spring MVC's handler
 * mapping, so a new POST endpoint without an entry in {@link HostileEndpoints} fails the build.
 */
@ApplicationTest
class HostileEndpointsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    HostileFixture fixture;

    Refusals refusals;

    @BeforeEach
    void fixture() {
        refusals = new Refusals(mvc, jdbc);
    }

    @Test
    void everyStateChangingEndpointHasAnEntry() {
        Set<String> declared = stateChanging(handlerMapping);
        Set<String> known = HostileEndpoints.entries().stream().map(HostileEndpoint::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).as("state-changing endpoints found").isNotEmpty();
        assertThat(new TreeSet<>(declared)).as("endpoints without a hostile-input entry in HostileEndpoints")
                .isSubsetOf(known);
        assertThat(known).as("entries for endpoints that no controller declares").isSubsetOf(declared);
    }

    /** Every mapping of the application's controllers that takes POST, PUT, PATCH or DELETE, or any method. */
    static Set<String> stateChanging(RequestMappingHandlerMapping mapping) {
        Set<String> keys = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("org.gcmreview")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> names = new ArrayList<>();
            if (methods.isEmpty()) {
                names.add("ANY");
            }
            methods.stream().filter(m -> m != RequestMethod.GET && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS)
                    .forEach(m -> names.add(m.name()));
            for (String pattern : info.getPatternValues()) {
                names.forEach(name -> keys.add(name + " " + pattern));
            }
        });
        return keys;
    }

    /**
     * A stakeholder's input with a file whose name climbs out of any directory: taken, with the name reduced to
     * its last segment (never a path), and offered for download under that name only.
     */
    @Test
    void uploadedFileNamesNeverKeepAPath() throws Exception {
        ConsultationScenario scenario = fixture.consultation();
        int n = 0;
        for (String name : List.of("../../etc/passwd.png", "..\\..\\windows\\win.ini.png", "/etc/passwd.png",
                "%2e%2e%2fpasswd.png")) {
            FormPost post = FormPost.of("/consultations/" + scenario.cycle.businessKey() + "/inputs",
                            scenario.stakeholder())
                    .field("idempotencyKey", UUID.randomUUID().toString()).field("target", "objective:1")
                    .field("language", "en").field("body", "An input with chart number " + ++n + ".");
            mvc.perform(post.withFile(new MockMultipartFile("attachment", name, "image/png", HostileFixture.png())))
                    .andExpect(status().is3xxRedirection());
            long input = scenario.inputId(scenario.referenceOf("An input with chart number " + n + "."));
            String stored = jdbc.sql("select file_name from attachment where owner_kind = 'CONSULTATION_INPUT' and owner_id = ?")
                    .param(input).query(String.class).single();
            assertThat(stored).as("stored name of %s", name).doesNotContain("/", "\\").doesNotStartWith("..")
                    .endsWith(".png");
            mvc.perform(get("/cycles/" + scenario.cycle.id() + "/consultation/inputs/" + input)
                            .with(TestUsers.as(scenario.coordinator)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(stored)))
                    .andExpect(content().string(not(containsString("etc/passwd"))))
                    .andExpect(content().string(not(containsString("windows\\"))));
        }
    }

    @TestFactory
    Stream<DynamicTest> hostileRequestsAreRefusedAndChangeNothing() {
        return HostileEndpoints.entries().stream().flatMap(this::cases);
    }

    private Stream<DynamicTest> cases(HostileEndpoint endpoint) {
        List<DynamicTest> cases = new ArrayList<>();
        String key = endpoint.key();
        String field = endpoint.textFields().isEmpty() ? "note" : endpoint.textFields().get(0);
        if (endpoint.withoutCsrf()) {
            cases.add(DynamicTest.dynamicTest(key + ": takes a post without a CSRF token on purpose",
                    () -> mvc.perform(endpoint.post().make(fixture).withoutCsrf())
                            .andExpect(status().is3xxRedirection())));
        } else {
            cases.add(DynamicTest.dynamicTest(key + ": no CSRF token -> 403, saying the form expired",
                    () -> assertThat(refusals.expect(key + " without CSRF", endpoint.post().make(fixture).withoutCsrf(), 403)
                            .getContentAsString()).contains(Refusals.CSRF_PAGE)));
        }
        cases.add(DynamicTest.dynamicTest(key + ": JSON body -> 415", () -> refusals.expect(key + " as JSON",
                endpoint.post().make(fixture).asJson(), 415)));
        cases.add(DynamicTest.dynamicTest(key + ": text/plain body -> 415", () -> refusals.expect(key + " as text",
                endpoint.post().make(fixture).asText(), 415)));
        cases.add(DynamicTest.dynamicTest(key + ": percent-encoded bytes that are not UTF-8 -> 400",
                () -> refusals.expect(key + " malformed UTF-8", endpoint.post().make(fixture).malformedUtf8(field), 400)));
        cases.add(DynamicTest.dynamicTest(key + ": raw bytes that are not UTF-8 -> 400",
                () -> refusals.expect(key + " raw invalid bytes", endpoint.post().make(fixture).rawInvalidBytes(field),
                        400)));
        cases.add(DynamicTest.dynamicTest(key + ": 3 MB body -> 413", () -> refusals.expect(key + " oversized",
                endpoint.post().make(fixture).oversized(field), 413)));
        if (endpoint.forged() != null) {
            cases.add(DynamicTest.dynamicTest(key + ": ids nobody was given -> 404 (400 for no id at all)", () -> {
                FormPost valid = endpoint.post().make(fixture);
                for (String path : endpoint.forged().paths(valid)) {
                    if (key.startsWith("POST /tasks/")) {
                        refusals.expect(key + " at " + path, valid.at(path).valid(), 404);
                    } else {
                        // unknown cycles and organisations are answered like other countries' (no existence leak)
                        refusals.expect(key + " at " + path, valid.at(path).valid(), 404, 403, 400);
                    }
                }
            }));
        }
        if (endpoint.elsewhere() != null) {
            cases.add(DynamicTest.dynamicTest(key + ": another country's ids -> 404", () -> {
                FormPost valid = endpoint.post().make(fixture);
                for (String path : endpoint.elsewhere().paths(valid, fixture)) {
                    refusals.expect(key + " at " + path, valid.at(path).valid(), 404);
                }
            }));
        }
        if (!endpoint.textFields().isEmpty()) {
            cases.add(DynamicTest.dynamicTest(key + ": markup and SQL in " + endpoint.textFields()
                    + " -> refused, or stored verbatim and shown escaped", () -> markupAndSql(endpoint)));
        }
        if (endpoint.replayable()) {
            cases.add(DynamicTest.dynamicTest(key + ": the same post twice -> no second effect", () -> replay(endpoint)));
        }
        return cases.stream();
    }

    private void markupAndSql(HostileEndpoint endpoint) throws Exception {
        PayloadCheck check = new PayloadCheck(mvc, jdbc, refusals);
        FormPost post = endpoint.post().make(fixture).with(check.in(endpoint.textFields()));
        MockHttpServletResponse response = check.send(endpoint.key(), post.valid());
        if (response.getStatus() >= 300 && response.getStatus() < 400 && endpoint.display() != null) {
            CurrentUser viewer = viewer(post);
            check.shownEscaped(endpoint.key(), get(endpoint.display().page(post, fixture)).with(TestUsers.as(viewer)));
        }
    }

    /** Who looks at what was stored: the sender when they manage it, else the country's coordinator. */
    private CurrentUser viewer(FormPost post) {
        CurrentUser sender = post.user();
        if (sender != null && (sender.is(Role.COORDINATOR) || sender.is(Role.ADMIN)
                || sender.is(Role.REGIONAL_SECRETARIAT))) {
            return sender;
        }
        return fixture.coordinator();
    }

    private void replay(HostileEndpoint endpoint) throws Exception {
        FormPost post = endpoint.post().make(fixture);
        MockHttpServletResponse first = mvc.perform(post.valid()).andReturn().getResponse();
        assertThat(first.getStatus()).as("%s: the first, valid post (body %s)", endpoint.key(),
                Refusals.abbreviated(first)).isBetween(200, 399);
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
        MockHttpServletResponse second = mvc.perform(post.valid()).andReturn().getResponse();
        DatabaseSnapshot after = DatabaseSnapshot.take(jdbc);
        assertThat(second.getStatus()).as("%s: the same post again (body %s)", endpoint.key(),
                Refusals.abbreviated(second)).isLessThan(500);
        if (second.getStatus() >= 400) {
            refusals.assertClear(endpoint.key() + " replayed", second);
        }
        Map<String, String> changed = before.differences(after);
        if (endpoint.reaudited()) {
            changed.remove("audit_event");
        }
        if (endpoint.countsAttempts()) {
            changed.remove("submission_rate_event");
        }
        assertThat(changed).as("%s: rows added or removed by the replayed post", endpoint.key()).isEmpty();
    }
}
