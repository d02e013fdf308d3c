package org.gcmreview.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Moves running instances of a process from the versions they started on to the latest deployed version, with
 * Camunda's migration API. A new BPMN file does not need it (running instances stay on their version and keep
 * working); it is for a fix that running cycles must get too.
 *
 * <p>The plan maps every activity whose id is in both versions ({@code mapEqualActivities}) and moves waiting
 * message and timer events to the new definition ({@code updateEventTriggers}, so a changed timer is recomputed).
 * Camunda validates the plan against every instance before changing any: an instance waiting in an activity the
 * new version removed fails the whole migration of that version, and nothing is changed.
 */
public class ProcessMigration {

    /** What was migrated: from which definition (id) to which, how many instances. */
    public record Migrated(String fromDefinitionId, int fromVersion, String toDefinitionId, int toVersion,
            long instances) {
    }

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    public ProcessMigration(RepositoryService repositoryService, RuntimeService runtimeService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    /** Migrates every running instance of older versions of the process (all tenants) to its latest version. */
    public List<Migrated> migrateToLatest(String processDefinitionKey) {
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processDefinitionKey).orderByProcessDefinitionVersion().asc().list();
        if (definitions.isEmpty()) {
            return List.of();
        }
        ProcessDefinition latest = definitions.get(definitions.size() - 1);
        List<Migrated> migrated = new ArrayList<>();
        for (ProcessDefinition older : definitions.subList(0, definitions.size() - 1)) {
            long running = runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()).count();
            if (running == 0) {
                continue;
            }
            MigrationPlan plan = runtimeService.createMigrationPlan(older.getId(), latest.getId())
                    .mapEqualActivities()
                    .updateEventTriggers()
                    .build();
            runtimeService.newMigration(plan)
                    .processInstanceQuery(runtimeService.createProcessInstanceQuery()
                            .processDefinitionId(older.getId()))
                    .execute();
            migrated.add(new Migrated(older.getId(), older.getVersion(), latest.getId(), latest.getVersion(),
                    running));
        }
        return migrated;
    }
}
