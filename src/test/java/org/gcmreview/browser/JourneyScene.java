package org.gcmreview.browser;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What a browser journey sets its scene with before the browser takes over: the test users (who can sign in
 * through the login form, see {@link SignedInJourney}) and a cycle brought to where the journey starts through
 * the real forms ({@link CycleFixture} over MockMvc). The MockMvc is built here rather than with
 * {@code @AutoConfigureMockMvc}, which would give the journey's class an application context of its own.
 */
public final class JourneyScene {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final TestUsers users;
    private final MockMvc mvc;
    private final CycleFixture cycles;

    public JourneyScene(WebApplicationContext context, JdbcClient jdbc, PasswordEncoder passwordEncoder,
            TaskService taskService, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.users = new TestUsers(jdbc);
        this.mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        this.cycles = new CycleFixture(mvc, jdbc, taskService, runtimeService);
    }

    /** A coordinator of the country who can sign in. */
    public CurrentUser coordinator(String iso3) {
        return SignedInJourney.canSignIn(users.coordinator(iso3), jdbc, passwordEncoder);
    }

    /** A focal point of the ministry (made if the country has none of that code) who can sign in. */
    public CurrentUser ministry(String iso3, String code) {
        return SignedInJourney.canSignIn(users.ministry(iso3, code), jdbc, passwordEncoder);
    }

    public MockMvc mvc() {
        return mvc;
    }

    public CycleFixture cycles() {
        return cycles;
    }
}
