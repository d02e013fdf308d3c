package org.gcmreview.incident;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.submission.ReviewFixtures;

/**
 * Makes a real incident: a new cycle of the coordinator's country whose national review tries to send its report
 * to the regional review before any version was frozen. The job fails on its last retry, as after five in life.
 */
public final class FailedJobs {

    /** The cycle and the incident of its failed hand-over. */
    public record Failure(ReviewCycle cycle, String processInstanceId, String jobId, String incidentId) {
    }

    private final ReviewFixtures reviews;
    private final RuntimeService runtime;
    private final ManagementService management;

    public FailedJobs(ReviewFixtures reviews, RuntimeService runtime, ManagementService management) {
        this.reviews = reviews;
        this.runtime = runtime;
        this.management = management;
    }

    private void fail(String jobId) {
        try {
            management.executeJob(jobId);
        } catch (RuntimeException expected) {
            return; // the job executor would log it; the failure is what the test needs
        }
        throw new AssertionError("the hand-over without a frozen version was expected to fail");
    }

    public Failure newFailure(CurrentUser coordinator) {
        ReviewCycle cycle = reviews.cycle(coordinator);
        ProcessInstance national = reviews.nationalReviewAt(cycle, "SendToRegionalReview");
        Job job = management.createJobQuery().processInstanceId(national.getId()).singleResult();
        // the first failure sets the retries from the BPMN's retry cycle (R5); then one attempt is left
        fail(job.getId());
        management.setJobRetries(job.getId(), 1);
        fail(job.getId());
        String incident = runtime.createIncidentQuery().processInstanceId(national.getId()).singleResult().getId();
        return new Failure(cycle, national.getId(), job.getId(), incident);
    }
}
