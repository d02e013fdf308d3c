package org.gcmreview.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19.4: Camunda's history cleanup is on. The cleanup job waits for the night window, and an ended review's
 * history rows carry the time they will be removed: ten years (each BPMN file's time to live) after the end.
 */
@ApplicationTest
class HistoryCleanupTest {

    private static final Duration TIME_TO_LIVE = Duration.ofDays(3650);

    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    CycleFixture cycles;
    @Autowired
    TestUsers users;

    @Test
    void everyProcessOfTheProductKeepsItsHistoryTenYears() throws Exception {
        // the removal time is end + the definition's time to live: a process without one would never be cleaned up
        List<String> files = new java.util.ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            files.add(file.getFilename());
        }
        List<ProcessDefinition> product = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(definition -> files.stream().anyMatch(definition.getResourceName()::endsWith)).toList();
        assertThat(product).extracting(ProcessDefinition::getKey)
                .contains("national-review", "stakeholder-consultation", "regional-review", "imrf-review");
        assertThat(product.stream().map(ProcessDefinition::getResourceName).distinct().count())
                .as("deployed product files").isEqualTo(files.size());
        assertThat(product).allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
                .as(definition.getKey()).isEqualTo((int) TIME_TO_LIVE.toDays()));
    }

    @Test
    void theCleanupJobRunsInTheNightWindowOnly() {
        List<Job> jobs = history.findHistoryCleanupJobs();
        assertThat(jobs).as("history cleanup jobs").isNotEmpty();
        for (Job job : jobs) {
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            assertThat(due).as("due time of the cleanup job").isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
        }
    }

    @Test
    void anEndedReviewsHistoryIsStampedForRemovalTenYearsAfterItsEnd() throws Exception {
        long cycleId = cycles.start(users.coordinator("KEN"), CycleFixture.uniqueCode());
        String processInstanceId = cycles.processInstanceId(cycleId);
        // still running: nothing is stamped yet, so a long review is never cut short
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list())
                .isNotEmpty().allMatch(activity -> activity.getRemovalTime() == null);

        runtime.deleteProcessInstance(processInstanceId, "history cleanup test");

        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        assertThat(ended.getEndTime()).isNotNull();
        Date removal = ended.getRemovalTime();
        assertThat(removal).isNotNull();
        assertThat(Duration.between(ended.getEndTime().toInstant(), removal.toInstant())).isEqualTo(TIME_TO_LIVE);
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).list();
        assertThat(activities).isNotEmpty().allMatch(activity -> removal.equals(activity.getRemovalTime()));
    }
}
