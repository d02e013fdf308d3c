package org.gcmreview.incident;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Reads the engine's open incidents and says in plain words what failed: the activity names a known step
 * ({@code incident.what.<activityId>} in the bundle), the first line of the job's stack trace the kind of error
 * (mail, a round that closed, the database, the partner process); neither the message nor the trace is shown.
 */
@Service
public class ProcessIncidents {

    static final String FAILED_JOB = Incident.FAILED_JOB_HANDLER_TYPE;

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final MessageSource messages;
    private final AuditLog audit;

    ProcessIncidents(RuntimeService runtimeService, ManagementService managementService,
            RepositoryService repositoryService, MessageSource messages, AuditLog audit) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.messages = messages;
        this.audit = audit;
    }

    /** Every open incident, oldest first. */
    public List<ProcessIncident> all() {
        return describe(runtimeService.createIncidentQuery().orderByIncidentTimestamp().asc().list());
    }

    /**
     * The open incidents of the processes with these business keys (a cycle's national review and its
     * consultation share the cycle's key; a round's process has the round's code).
     */
    public List<ProcessIncident> forBusinessKeys(Collection<String> businessKeys) {
        return all().stream().filter(i -> businessKeys.contains(i.businessKey())).toList();
    }

    /** The business keys whose processes have an open incident: what "needs attention" is computed from. */
    public Set<String> businessKeysNeedingAttention() {
        return all().stream().map(ProcessIncident::businessKey).filter(key -> key != null)
                .collect(Collectors.toSet());
    }

    public Optional<ProcessIncident> find(String incidentId) {
        Incident incident = runtimeService.createIncidentQuery().incidentId(incidentId).singleResult();
        return incident == null ? Optional.empty() : describe(List.of(incident)).stream().findFirst();
    }

    /** Runs the failed job again (one more attempt), and says who asked for it in the audit log. */
    public void retry(ProcessIncident incident, String username, String countryIso3) {
        if (!incident.retryable()) {
            throw new IllegalStateException("Incident " + incident.id() + " is not a failed job");
        }
        Incident engineIncident = runtimeService.createIncidentQuery().incidentId(incident.id()).singleResult();
        managementService.setJobRetries(engineIncident.getConfiguration(), 1);
        audit.record(AuditEntry.of(username, "INCIDENT_RETRIED", countryIso3, "process_instance",
                incident.processInstanceId(), incident.processKey() + " " + incident.businessKey() + " at "
                        + incident.activityId()));
    }

    private List<ProcessIncident> describe(List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = incidents.stream().map(Incident::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = new HashMap<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list()) {
            businessKeys.put(instance.getId(), instance.getBusinessKey());
        }
        Map<String, String> processKeys = new HashMap<>();
        return incidents.stream().map(incident -> new ProcessIncident(
                incident.getId(),
                incident.getProcessInstanceId(),
                processKeys.computeIfAbsent(incident.getProcessDefinitionId(),
                        id -> repositoryService.getProcessDefinition(id).getKey()),
                businessKeys.get(incident.getProcessInstanceId()),
                incident.getActivityId(),
                incident.getIncidentTimestamp().toInstant(),
                what(incident.getActivityId()),
                cause(incident),
                FAILED_JOB.equals(incident.getIncidentType()) && incident.getConfiguration() != null))
                .toList();
    }

    private String what(String activityId) {
        String key = "incident.what." + activityId;
        return messages.getMessage(key, null, null, java.util.Locale.ENGLISH) != null ? key : "incident.what.other";
    }

    private String cause(Incident incident) {
        String trace = FAILED_JOB.equals(incident.getIncidentType()) && incident.getConfiguration() != null
                ? managementService.getJobExceptionStacktrace(incident.getConfiguration()) : null;
        return IncidentCauses.of(trace);
    }
}
