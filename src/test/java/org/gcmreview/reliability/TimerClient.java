package org.gcmreview.reliability;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A process engine in the test's JVM on the nodes' database, with its job executor off: it deploys a test-only
 * process through Camunda's API and starts instances of it, whose timer jobs only the app nodes can run. The
 * nodes did not deploy it, so they run its jobs only because they are not deployment-aware.
 *
 * The process: start, a timer on ${dueAt}, {@link RecordTimerRun}, end.
 */
final class TimerClient implements AutoCloseable {

    static final String PROCESS = "reliability-timer";

    private final ProcessEngine engine;

    TimerClient(Database database) {
        StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("reliability-test-client-" + UUID.randomUUID());
        configuration.setJdbcUrl(database.jdbcUrl());
        configuration.setJdbcUsername(database.username());
        configuration.setJdbcPassword(database.password());
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        this.engine = configuration.buildProcessEngine();
        database.jdbc().sql("""
                create table if not exists reliability_timer_run (
                    process_instance_id varchar(64) not null,
                    node varchar(20) not null,
                    ran_at timestamptz not null default now())""").update();
    }

    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("Due").timerWithDate("${dueAt}")
                .serviceTask("RecordTimerRun").camundaClass(RecordTimerRun.class.getName())
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().name("reliability test")
                .addModelInstance(PROCESS + ".bpmn", model).deploy();
    }

    /** Starts instances whose timers are already due: each leaves one timer job for the nodes. */
    List<String> startDueTimers(int count) {
        List<String> instances = new ArrayList<>();
        Date past = new Date(System.currentTimeMillis() - 60_000);
        for (int i = 0; i < count; i++) {
            instances.add(engine.getRuntimeService().startProcessInstanceByKey(PROCESS, Map.of("dueAt", past))
                    .getId());
        }
        return instances;
    }

    @Override
    public void close() {
        engine.close();
    }
}
