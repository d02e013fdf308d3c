package org.gcmreview;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.report.history.ReportTestData;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data layer alone, for a test of SQL and of the services on it that needs no process engine and no web
 * layer: PostgreSQL with the schema from Flyway (db/), {@code JdbcClient}, transactions, the message bundles,
 * every {@code @Repository} of the modules with the {@link AuditLog} and {@link ReferenceData} they and their
 * callers use, and the fixtures that only write SQL ({@link TestUsers}, {@link ReportTestData}). Put the test in
 * the module's package to reach package-private classes; a module's service under test comes in with
 * {@code @Import} of one test configuration that all its slice tests share (each such set is one more small
 * context, e.g. {@code attachment.AttachmentSlice}).
 * <p>
 * Why one annotation, as for {@link ApplicationTest}: every class with this annotation unchanged shares one cached
 * context on the {@link SharedTestDatabase} that all slice contexts share: the first slice context of a run starts
 * and migrates it (seconds), a further one costs about half a second, where the whole application with Camunda
 * costs ten times the first. {@code TestContextsTest} refuses a bare {@code @JdbcTest}
 * and settings of a test's own on this one.
 * <p>
 * Not rolled back: the code under test commits its own transactions as it does in the application (after-commit
 * work, {@code TransactionTemplate}), so a test makes data of its own, as with {@link ApplicationTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest(includeFilters = {
        @Filter(Repository.class),
        @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {AuditLog.class, ReferenceData.class})})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(MessageSourceAutoConfiguration.class)
@Import({SharedTestDatabase.class, TestUsers.class, ReportTestData.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public @interface DatabaseTest {
}
