package org.gcmreview.reliability.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix: every endpoint of the application (enumerated from Spring MVC's handler
 * mapping, so a new endpoint cannot slip by) must have an entry, and every caller gets the entry's expected
 * answer from the running application (MockMvc, full security filter chain, CSRF token present).
 */
@ApplicationTest
class AuthorizationMatrixTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    MatrixFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new MatrixFixture(context);
    }

    @Test
    void everyEndpointOfTheApplicationHasAnEntry() {
        List<Endpoint> endpoints = Endpoint.all(handlerMapping, AuthorizationMatrixTest::covered);
        assertThat(endpoints).as("endpoints found in the application").isNotEmpty();
        assertThat(missing(endpoints, AuthorizationMatrix.entries()))
                .as("endpoints without an entry in AuthorizationMatrix (add one: who may call it?)").isEmpty();
        assertThat(stale(endpoints, AuthorizationMatrix.entries()))
                .as("entries in AuthorizationMatrix for endpoints that do not exist").isEmpty();
    }

    /** The check itself: an endpoint the table does not know is reported, whatever else is there. */
    @Test
    void anEndpointWithoutAnEntryIsReported() {
        List<Endpoint> endpoints = List.of(Endpoint.of("GET", "/tasks"), Endpoint.of("DELETE", "/tasks/{taskId}"),
                Endpoint.of("ANY", "/new"));
        assertThat(missing(endpoints, AuthorizationMatrix.entries()))
                .containsExactly("ANY /new", "DELETE /tasks/{taskId}");
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheExpectedAnswer() {
        return AuthorizationMatrix.entries().stream().flatMap(entry -> Arrays.stream(Caller.values())
                .map(caller -> DynamicTest.dynamicTest(
                        entry.endpoint().key() + " as " + caller + " -> " + entry.expected().get(caller),
                        () -> assertAnswer(entry, caller))));
    }

    private void assertAnswer(MatrixEntry entry, Caller caller) throws Exception {
        MockHttpServletRequestBuilder request = entry.request().build(fixture).with(csrf());
        CurrentUser user = fixture.user(caller);
        if (user != null) {
            request.with(TestUsers.as(user));
        }
        MvcResult result = mvc.perform(request).andReturn();
        MockHttpServletResponse response = result.getResponse();
        String sent = result.getRequest().getRequestURI()
                + (result.getRequest().getQueryString() == null ? "" : "?" + result.getRequest().getQueryString());
        // a request that broke tells nothing about who may call the endpoint: it must not pass as "allowed"
        assertThat(response.getStatus())
                .as("%s (%s) as %s failed: %s", entry.endpoint().key(), sent, caller, response.getErrorMessage())
                .isLessThan(500);
        assertThat(Access.of(response))
                .as("%s (%s) as %s: status %s, location %s", entry.endpoint().key(), sent, caller,
                        response.getStatus(), response.getRedirectedUrl())
                .isEqualTo(entry.expected().get(caller));
    }

    /** Every controller of the application, wherever it lives: a new feature's endpoints are covered at once. */
    static boolean covered(Class<?> handler) {
        String name = handler.getPackageName();
        return name.equals(AuthorizationMatrix.APPLICATION_PACKAGE)
                || name.startsWith(AuthorizationMatrix.APPLICATION_PACKAGE + ".");
    }

    static Set<String> missing(Collection<Endpoint> endpoints, List<MatrixEntry> entries) {
        Set<String> known = entries.stream().map(e -> e.endpoint().key()).collect(Collectors.toSet());
        return endpoints.stream().map(Endpoint::key).filter(key -> !known.contains(key))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> stale(Collection<Endpoint> endpoints, List<MatrixEntry> entries) {
        Set<String> existing = endpoints.stream().map(Endpoint::key).collect(Collectors.toSet());
        return entries.stream().map(e -> e.endpoint().key()).filter(key -> !existing.contains(key))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
