package org.gcmreview.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * /actuator/prometheus answers the operator's scraper (the account in gcm.metrics.*, set for the tests in
 * src/test/resources/config/application.yml) and nobody else: not anonymous callers, not signed-in users of any
 * role, not an application user's own password sent as HTTP Basic.
 */
@ApplicationTest
// tests turn metrics export off by default; this one is about the Prometheus endpoint as production has it
@AutoConfigureObservability(tracing = false)
class MetricsAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;

    @Test
    void theScraperReadsTheMetrics() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/actuator/prometheus")
                .with(httpBasic("test-scraper", "test-scraper-password-long"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("jvm_memory_used_bytes", "hikaricp_connections");
        assertThat(response.getHeader("Set-Cookie")).isNull();
    }

    @Test
    void nobodyElseDoes() throws Exception {
        assertThat(status(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse())).isEqualTo(401);
        assertThat(status(mvc.perform(get("/actuator/prometheus")
                .with(httpBasic("test-scraper", "a wrong password"))).andReturn().getResponse())).isEqualTo(401);
        for (CurrentUser user : new CurrentUser[] {users.admin(), users.coordinator("KEN"), users.imrfSecretariat()}) {
            int status = status(mvc.perform(get("/actuator/prometheus").with(TestUsers.as(user))).andReturn()
                    .getResponse());
            assertThat(status).as("%s", user.role()).isIn(401, 403);
        }
        // an application account's name and password are no key here ({noop}unused is what TestUsers stores)
        CurrentUser admin = users.admin();
        assertThat(status(mvc.perform(get("/actuator/prometheus").with(httpBasic(admin.username(), "unused")))
                .andReturn().getResponse())).isEqualTo(401);
    }

    @Test
    void theProbesStayOpenForTheLoadBalancer() throws Exception {
        assertThat(status(mvc.perform(get("/actuator/health/liveness")).andReturn().getResponse())).isEqualTo(200);
        MockHttpServletResponse readiness = mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse();
        assertThat(readiness.getStatus()).isEqualTo(200);
        assertThat(readiness.getContentAsString()).contains("\"status\":\"UP\"");
    }

    private static int status(MockHttpServletResponse response) {
        return response.getStatus();
    }
}
