package org.gcmreview.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Country processes land in the country's tenant, cross-country ones in none. Deploys stand-ins with the real
 * process keys (the real BPMN is not needed to decide the tenant) and removes them again afterwards, so later
 * tests see only the real definitions.
 */
@ApplicationTest
class CountryTenantIdProviderTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    String deploymentId;

    @BeforeEach
    void deployStandIns() {
        // The call activity passes no variables in: the consultation's country must come from its caller.
        BpmnModelInstance national = Bpmn.createExecutableProcess("national-review").camundaHistoryTimeToLive(1)
                .startEvent().userTask("ScopeReview").callActivity("StakeholderConsultation")
                .calledElement("stakeholder-consultation").endEvent().done();
        deploymentId = repositoryService.createDeployment().name("tenant-id-provider-test")
                .addModelInstance("national-review.bpmn", national)
                .addModelInstance("stakeholder-consultation.bpmn", withOneTask("stakeholder-consultation"))
                .addModelInstance("regional-review.bpmn", withOneTask("regional-review"))
                .addModelInstance("imrf-review.bpmn", withOneTask("imrf-review"))
                .deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @Test
    void aNationalReviewAndTheConsultationItCallsBelongToTheCountry() {
        ProcessInstance review = runtimeService.startProcessInstanceByKey("national-review", "KEN-TEST",
                Map.of("countryIso3", "KEN"));
        assertThat(review.getTenantId()).isEqualTo("KEN");
        Task scoping = taskService.createTaskQuery().processInstanceId(review.getId()).singleResult();
        assertThat(scoping.getTenantId()).isEqualTo("KEN");

        taskService.complete(scoping.getId());

        ProcessInstance consultation = runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(review.getId()).singleResult();
        assertThat(consultation.getTenantId()).isEqualTo("KEN");
        assertThat(runtimeService.getVariables(consultation.getId())).doesNotContainKey("countryIso3");
        assertThat(taskService.createTaskQuery().processInstanceId(consultation.getId()).singleResult().getTenantId())
                .isEqualTo("KEN");
    }

    @Test
    void aConsultationStartedOnItsOwnTakesItsOwnCountry() {
        ProcessInstance consultation = runtimeService.startProcessInstanceByKey("stakeholder-consultation",
                Map.of("countryIso3", "GHA"));
        assertThat(consultation.getTenantId()).isEqualTo("GHA");
    }

    @Test
    void regionalAndImrfReviewsHaveNoTenant() {
        // even when a country variable happens to be present
        Map<String, Object> variables = Map.of("countryIso3", "KEN", "commissionCode", "ECA");
        assertThat(runtimeService.startProcessInstanceByKey("regional-review", variables).getTenantId()).isNull();
        assertThat(runtimeService.startProcessInstanceByKey("imrf-review", variables).getTenantId()).isNull();
    }

    @Test
    void aNationalReviewWithoutACountryDoesNotStart() {
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("national-review"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("countryIso3");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("national-review",
                Map.of("countryIso3", "Kenya")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("countryIso3");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("national-review")
                .deploymentId(deploymentId).count()).isZero();
    }

    private static BpmnModelInstance withOneTask(String key) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Work").endEvent().done();
    }
}
