package org.gcmreview.submission.publication;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.Endorsement;
import org.gcmreview.signoff.Endorsements;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.support.FormBinder;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * national-review, PublishEndorsedReport (issue 14.3): the coordinator decides when the endorsed report becomes
 * public, apart from the regional review and the IMRF. Only the version endorsed last is published, and not while
 * a newer text (a clarification that changed sections) is still in sign-off, endorsement or validation: that
 * one is published once it is endorsed. PublishReport does the publishing in its own job.
 */
@Component
class PublishEndorsedReportForm implements TaskForm {

    /** Where the national review is while a newer text is on its way to endorsement. */
    private static final Set<String> NEW_TEXT_UNDER_WAY = Set.of("OpenSignOffRound", "SignOffReport",
            "ReviseRequestedSections", "FreezeReportVersion", NationalReview.ENDORSE_FINAL_REPORT, "ValidateReport");

    /** Who confirmed the publication: PublishReport records it with the published version. */
    static final String VAR_PUBLISHED_BY = "publishedBy";

    private final ReviewCycles cycles;
    private final ReportVersions versions;
    private final Endorsements endorsements;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final SubmissionMessages messages;
    private final FormBinder binder;

    /** The version the page showed, and the confirmation. */
    record Publication(String versionId,
            @Pattern(regexp = "yes", message = "submission.task.publish.error.confirm") String confirm) {
    }

    PublishEndorsedReportForm(ReviewCycles cycles, ReportVersions versions, Endorsements endorsements,
            RuntimeService runtime, AuditLog audit, SubmissionMessages messages, FormBinder binder) {
        this.cycles = cycles;
        this.versions = versions;
        this.endorsements = endorsements;
        this.runtime = runtime;
        this.audit = audit;
        this.messages = messages;
        this.binder = binder;
    }

    @Override
    public String formKey() {
        return "publish-report";
    }

    @Override
    public String view() {
        return "submission/publish-report";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        Optional<Endorsement> endorsed = endorsements.find(cycle.id());
        model.addAttribute("cycle", cycle);
        model.addAttribute("endorsement", endorsed.orElse(null));
        model.addAttribute("version", endorsed.flatMap(e -> versions.find(e.reportVersionId())).orElse(null));
        model.addAttribute("newTextUnderWay", newTextUnderWay(task, cycle, endorsed));
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission submission) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        Optional<Endorsement> endorsed = endorsements.find(cycle.id());
        FormBinder.Bound<Publication> bound = binder.bind(Publication.class, submission.fields());
        Map<String, String> errors = new LinkedHashMap<>();
        if (endorsed.isEmpty()) {
            errors.put("version", messages.get("submission.task.publish.error.notEndorsed"));
        } else if (newTextUnderWay(task, cycle, endorsed)) {
            errors.put("version", messages.get("submission.task.publish.error.newTextUnderWay"));
        } else if (!String.valueOf(endorsed.get().reportVersionId()).equals(bound.value().versionId())) {
            errors.put("version", messages.get("submission.task.publish.error.otherVersion",
                    String.valueOf(endorsed.get().versionNo())));
        }
        errors.putAll(binder.errors(bound));
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(errors);
        }
        Endorsement endorsement = endorsed.get();
        audit.record(AuditEntry.of(user.username(), "REPORT_PUBLICATION_CONFIRMED", cycle.countryIso3(),
                "report_version", endorsement.reportVersionId(),
                "version " + endorsement.versionNo() + " (" + endorsement.sha256() + ")"));
        return TaskOutcome.complete(Map.of(VAR_PUBLISHED_BY, user.username()), messages.get("submission.task.publish.done",
                String.valueOf(endorsement.versionNo())));
    }

    /** A version frozen after the last endorsement, or the review back in sign-off, endorsement or validation. */
    private boolean newTextUnderWay(UserTask task, ReviewCycle cycle, Optional<Endorsement> endorsed) {
        Optional<ReportVersion> latest = versions.latest(cycle.id());
        if (latest.isPresent() && endorsed.isPresent() && latest.get().id() != endorsed.get().reportVersionId()) {
            return true;
        }
        return runtime.getActiveActivityIds(task.processInstanceId()).stream().anyMatch(NEW_TEXT_UNDER_WAY::contains);
    }
}
