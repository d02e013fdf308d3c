package org.gcmreview.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A browser journey: the app runs on a random port (embedded PostgreSQL, demo data, the fixture beans of
 * {@link ApplicationTest}) and test methods get a {@link Browser} parameter. Keep the Spring configuration here
 * and nowhere else on browser test classes, so all of them share one application context (the one the other
 * tests over a real port share too); each class gets one Chromium, shared by its tests, which start signed
 * out with an empty cache. Name the classes {@code *BrowserIT}: Failsafe runs them in {@code ./mvnw verify}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
