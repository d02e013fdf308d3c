package org.gcmreview.engine;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The operations command for ProcessMigration: start one node of the new release with
 * {@code GCM_PROCESSES_MIGRATE=national-review,regional-review} (the process keys to move), after it deployed the
 * new BPMN; running instances of those processes move to the latest version, each move audited
 * (PROCESS_INSTANCES_MIGRATED). A plan that does not fit an instance stops the start with the engine's reason, and
 * nothing of that version is moved. Off unless the setting names processes.
 */
@Component
@ConditionalOnProperty(name = "gcm.processes.migrate")
class ProcessMigrationOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProcessMigrationOnStart.class);

    private final ProcessMigration migration;
    private final AuditLog audit;
    private final List<String> processKeys;

    ProcessMigrationOnStart(RepositoryService repositoryService, RuntimeService runtimeService, AuditLog audit,
            @Value("${gcm.processes.migrate}") List<String> processKeys) {
        this.migration = new ProcessMigration(repositoryService, runtimeService);
        this.audit = audit;
        this.processKeys = processKeys;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String key : processKeys) {
            for (ProcessMigration.Migrated moved : migration.migrateToLatest(key.strip())) {
                log.info("Migrated {} running instance(s) of {} from version {} to {}", moved.instances(), key,
                        moved.fromVersion(), moved.toVersion());
                audit.record(AuditEntry.of("system", "PROCESS_INSTANCES_MIGRATED", null, "process_definition",
                        moved.toDefinitionId(), moved.instances() + " instance(s) of " + key + " from version "
                                + moved.fromVersion() + " to " + moved.toVersion()));
            }
        }
    }
}
