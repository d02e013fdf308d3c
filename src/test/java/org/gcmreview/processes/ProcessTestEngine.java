package org.gcmreview.processes;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The process engine of the pure process tests: Camunda on a real PostgreSQL (an embedded server started
 * once per JVM), without Spring. Delegate expressions resolve to test doubles registered with
 * {@code Mocks.register(...)}; no job executor runs, so each test decides when a timer or an asynchronous
 * continuation executes.
 */
final class ProcessTestEngine {

    private static final EmbeddedPostgres POSTGRES = startPostgres();

    private static final PostgresProcessEngineConfiguration CONFIGURATION = new PostgresProcessEngineConfiguration();

    private ProcessTestEngine() {
    }

    /**
     * One extension per test class that deploys the class's {@code @Deployment}, tracks which flow nodes and
     * sequence flows the tests passed, writes the report to {@code target/process-test-coverage} and fails the
     * class unless every element of its processes was reached.
     */
    static ProcessEngineCoverageExtension fullCoverageExtension(String... processKeysCoveredElsewhere) {
        return ProcessEngineCoverageExtension.builder(CONFIGURATION)
                .excludeProcessDefinitionKeys(processKeysCoveredElsewhere)
                .assertClassCoverageAtLeast(1.0)
                .withDetailedCoverageLogging()
                .build();
    }

    /** Same engine and coverage tracking, without a coverage goal (for tests across processes). */
    static ProcessEngineCoverageExtension extension() {
        return ProcessEngineCoverageExtension.builder(CONFIGURATION).build();
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for the process tests", e);
        }
    }

    /**
     * The coverage extension's builder calls {@code buildProcessEngine()} once per test class; building the
     * engine only the first time keeps one engine (and one schema set-up) for the whole test run.
     */
    private static final class PostgresProcessEngineConfiguration extends StandaloneProcessEngineConfiguration {

        private ProcessEngine engine;

        PostgresProcessEngineConfiguration() {
            // its own name, so it never replaces the Spring Boot application's "default" engine in
            // ProcessEngines when both run in one test JVM
            setProcessEngineName("gcm-review-process-tests");
            setJdbcUrl(POSTGRES.getJdbcUrl("postgres", "postgres"));
            setJdbcUsername("postgres");
            setJdbcPassword("");
            setJdbcDriver("org.postgresql.Driver");
            setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            setJobExecutorActivate(false);
            setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            setDbMetricsReporterActivate(false);
            setExpressionManager(new MockExpressionManager());
            setTenantIdProvider(new CountryTenants());
            ProcessCoverageConfigurator.initializeProcessCoverageExtensions(this);
        }

        @Override
        public synchronized ProcessEngine buildProcessEngine() {
            if (engine == null) {
                engine = super.buildProcessEngine();
            }
            return engine;
        }
    }

    /**
     * Mirrors the application's rule: a national review runs in its country's tenant (the ISO3 code), and
     * an instance started by a call activity (the stakeholder consultation) inherits its caller's tenant.
     * The process definitions themselves are shared (deployed without tenant).
     */
    private static final class CountryTenants implements TenantIdProvider {

        @Override
        public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
            if (ctx.getSuperExecution() != null) {
                return ctx.getSuperExecution().getTenantId();
            }
            if ("national-review".equals(ctx.getProcessDefinition().getKey())) {
                return (String) ctx.getVariables().get("countryIso3");
            }
            return null;
        }

        @Override
        public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
            return null;
        }

        @Override
        public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
            return null;
        }
    }
}
