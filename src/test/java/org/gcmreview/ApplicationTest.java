package org.gcmreview;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.gcmreview.browser.JourneyScene;
import org.gcmreview.consultation.ConsultationScenarios;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.people.PeopleTestData;
import org.gcmreview.reliability.hostile.HostileFixture;
import org.gcmreview.report.CarryOverScenario;
import org.gcmreview.report.history.ReportTestData;
import org.gcmreview.submission.ReviewFixtures;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * The whole application (Camunda, the embedded PostgreSQL, MockMvc) with the test fixtures as beans: users,
 * national cycles through the web forms, cycles and review rounds straight in the database, consultations,
 * people and report data, users who can sign in for the browser journeys. A test autowires the fixtures it uses instead of building them.
 * <p>
 * Why one annotation: Spring caches a test context by its configuration, and every further configuration (its
 * own properties, {@code @MockitoBean}, {@code @Import}) starts another application with Camunda and a database
 * of its own, which costs the suite tens of seconds each. Every test class that needs the application without
 * special settings uses this annotation unchanged ({@code TestContextsTest} refuses the bare
 * {@code @SpringBootTest @AutoConfigureMockMvc} it replaces); tests that need a real servlet container use
 * {@code @ApplicationTest(webEnvironment = RANDOM_PORT)}, which all share a second context. A test of SQL or of a
 * service on it that needs no process engine and no web layer uses {@link DatabaseTest} instead, a context of a
 * second or two.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, CycleFixture.class, ReviewFixtures.class, ConsultationScenarios.class,
        ReportTestData.class, CarryOverScenario.class, PeopleTestData.class, HostileFixture.class,
        JourneyScene.class})
public @interface ApplicationTest {

    /** MOCK (the default, MockMvc only) or RANDOM_PORT (a real Tomcat as well, for container behaviour). */
    @AliasFor(annotation = SpringBootTest.class)
    WebEnvironment webEnvironment() default WebEnvironment.MOCK;

    /**
     * Settings of the test's own (e.g. mail switched on): the same application and fixtures, but in a context of
     * its own, started for that class. Use only where the settings are what the test is about.
     */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}
