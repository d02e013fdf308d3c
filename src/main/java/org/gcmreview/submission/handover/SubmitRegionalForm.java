package org.gcmreview.submission.handover;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Pattern;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.support.FormBinder;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.Endorsements;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.submission.Submissions;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.Validator;

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
    private final FormBinder binder;
    private final Endorsements endorsements;

    /** The hand-over: the version the page showed, the cover note and the confirmation. */
    record Handover(String versionId, String coverNote,
            @Pattern(regexp = "yes", message = "submission.task.submit.error.confirm") String confirm) {
    }

    /** The cover note's limit; the message also says how long the note is, which no constraint can tell. */
    private static final Validator COVER_NOTE = Validator.forInstanceOf(Handover.class, (h, errors) -> {
        if (h.coverNote().length() > COVER_NOTE_MAX) {
            errors.rejectValue("coverNote", "submission.task.submit.error.coverNote",
                    new Object[] {COVER_NOTE_MAX, h.coverNote().length()}, null);
        }
    });

    SubmitRegionalForm(ReviewCycles cycles, ReportVersions versions, CycleRounds cycleRounds, Submissions submissions,
            AuditLog audit, SubmissionMessages messages, FormBinder binder, Endorsements endorsements) {
        this.endorsements = endorsements;
        this.messages = messages;
        this.binder = binder;
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
        FormBinder.Bound<Handover> bound = binder.bind(Handover.class, submission.fields(), COVER_NOTE);
        Map<String, String> errors = new LinkedHashMap<>();
        if (version.isEmpty()) {
            errors.put("version", messages.get("submission.task.submit.error.noVersion"));
        } else if (!String.valueOf(version.get().id()).equals(bound.value().versionId())) {
            errors.put("version", messages.get("submission.task.submit.error.newerVersion",
                    version.get().versionNo()));
        } else if (!endorsements.endorsed(cycle.id(), version.get().id())) {
            errors.put("version", messages.get("submission.task.submit.error.notEndorsed",
                    version.get().versionNo()));
        }
        // A round that closes after this confirmation, or a clarification answer with no open round, ends in the
        // coordinator's ChooseRegionalRound task (issue 14.3); here the coordinator sees it at once and waits.
        Optional<ReviewRound> round = cycleRounds.regionalRound(cycle);
        if (round.isEmpty()) {
            errors.put("round", messages.get("submission.task.submit.error.noRound"));
        } else if (round.get().closed()) {
            errors.put("round", messages.get("submission.task.submit.error.roundClosed", round.get().code()));
        }
        errors.putAll(binder.errors(bound));
        String coverNote = bound.value().coverNote();
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(errors);
        }
        Optional<ReviewRound> target = cycleRounds.assignRegionalRound(cycle);
        cycleRounds.assignImrfEdition(cycle);
        ReportVersion confirmed = version.get();
        submissions.saveHandover(cycle.id(), confirmed.id(), coverNote.isEmpty() ? null : coverNote, user.id());
        audit.record(AuditEntry.of(user.username(), "REGIONAL_SUBMISSION_CONFIRMED", cycle.countryIso3(),
                "report_version", confirmed.id(), "version " + confirmed.versionNo() + " (" + confirmed.sha256()
                        + ") for " + target.map(ReviewRound::code).orElse("the next open round")));
        return TaskOutcome.complete(Map.of(), target.isPresent()
                ? messages.get("submission.task.submit.done", String.valueOf(confirmed.versionNo()), target.get().name())
                : messages.get("submission.task.submit.doneNoRound", String.valueOf(confirmed.versionNo())));
    }
}
