package org.gcmreview.submission.handover;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.submission.Submissions;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * national-review, SubmitToRegionalReview: the coordinator sees exactly which frozen version (number and
 * SHA-256) goes to which round, adds a cover note and confirms. The hand-over itself runs right after, as its
 * own job (SendToRegionalReview).
 */
@Component
class SubmitRegionalForm implements TaskForm {

    static final int COVER_NOTE_MAX = 4000;

    private final ReviewCycles cycles;
    private final ReportVersions versions;
    private final CycleRounds cycleRounds;
    private final Submissions submissions;
    private final AuditLog audit;
    private final SubmissionMessages messages;

    SubmitRegionalForm(ReviewCycles cycles, ReportVersions versions, CycleRounds cycleRounds, Submissions submissions,
            AuditLog audit,
            SubmissionMessages messages) {
        this.messages = messages;
        this.cycles = cycles;
        this.versions = versions;
        this.cycleRounds = cycleRounds;
        this.submissions = submissions;
        this.audit = audit;
    }

    @Override
    public String formKey() {
        return "submit-regional";
    }

    @Override
    public String view() {
        return "submission/submit-regional";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        model.addAttribute("cycle", cycle);
        model.addAttribute("version", versions.latest(cycle.id()).orElse(null));
        model.addAttribute("round", cycleRounds.regionalRound(cycle).orElse(null));
        model.addAttribute("history", submissions.forCycle(cycle.id()));
        model.addAttribute("coverNoteMax", COVER_NOTE_MAX);
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission submission) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        Optional<ReportVersion> version = versions.latest(cycle.id());
        Optional<ReviewRound> round = cycleRounds.regionalRound(cycle);
        Map<String, String> errors = new LinkedHashMap<>();
        if (version.isEmpty()) {
            errors.put("version", messages.get("submission.task.submit.error.noVersion"));
        } else if (!String.valueOf(version.get().id()).equals(submission.field("versionId"))) {
            errors.put("version", messages.get("submission.task.submit.error.newerVersion",
                    String.valueOf(version.get().versionNo())));
        }
        if (round.isEmpty()) {
            errors.put("round", messages.get("submission.task.submit.error.noRound"));
        } else if (round.get().closed()) {
            errors.put("round", messages.get("submission.task.submit.error.roundClosed", round.get().code()));
        }
        String coverNote = submission.field("coverNote");
        if (coverNote.length() > COVER_NOTE_MAX) {
            errors.put("coverNote", messages.get("submission.task.submit.error.coverNote", COVER_NOTE_MAX,
                    coverNote.length()));
        }
        if (!"yes".equals(submission.field("confirm"))) {
            errors.put("confirm", messages.get("submission.task.submit.error.confirm"));
        }
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(errors);
        }
        ReviewRound target = cycleRounds.assignRegionalRound(cycle).orElseThrow();
        cycleRounds.assignImrfEdition(cycle);
        ReportVersion confirmed = version.get();
        submissions.saveHandover(cycle.id(), confirmed.id(), coverNote.isEmpty() ? null : coverNote, user.id());
        audit.record(AuditEntry.of(user.username(), "REGIONAL_SUBMISSION_CONFIRMED", cycle.countryIso3(),
                "report_version", confirmed.id(), "version " + confirmed.versionNo() + " (" + confirmed.sha256()
                        + ") for " + target.code()));
        return TaskOutcome.complete(Map.of(), messages.get("submission.task.submit.done",
                String.valueOf(confirmed.versionNo()), target.name()));
    }
}
