package org.gcmreview.submission.handover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.support.FormBinder;
import org.gcmreview.support.FormBinder.Verbatim;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.submission.SubmissionStatus;
import org.gcmreview.submission.Submissions;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;

/**
 * national-review, AnswerClarification: the coordinator reads the regional secretariat's question, answers it
 * and may revise objective sections. Without changes the endorsed version goes back to the round with the answer
 * as its cover note. Changed sections make the text differ from what was endorsed (issue 14.4): nothing is sent;
 * the process takes the revision through sign-off by the ministries of those sections ({@code signOffGroups}),
 * freezing and endorsement, and the coordinator submits the new version from there.
 */
@Component
class AnswerClarificationForm implements TaskForm {

    static final int ANSWER_MIN = 10;
    static final int ANSWER_MAX = 5000;
    static final int SECTION_MAX = 20000;
    private static final String REVISION_NOTE = "Revised in answer to the regional secretariat's clarification request";

    private final ReviewCycles cycles;
    private final Submissions submissions;
    private final ObjectiveSections sections;
    private final ReportVersions versions;
    private final Ministries ministries;
    private final AuditLog audit;
    private final SubmissionMessages messages;
    private final FormBinder binder;

    /**
     * The answer to the secretariat. The revised sections ({@code section-<id>} with {@code lock-<id>}) are as
     * many as the report has: each binds to a {@link RevisedSection}.
     */
    record Answer(@Size(min = ANSWER_MIN, max = ANSWER_MAX, message = "submission.task.answer.error.length")
            String answer) {
    }

    /**
     * One objective section as the page sent it (bound partially: a section not on the page is left alone), its
     * text normalised as stored. The lock the page was loaded with is checked against the stored one by
     * {@link #unchangedSince}; a conflict is named before a length.
     */
    record RevisedSection(String lock,
            @Verbatim @Size(max = SECTION_MAX, message = "submission.task.answer.error.sectionLength")
            String section) {
    }

    /** The section's lock must be the one the page was loaded with, or someone else revised it meanwhile. */
    private static Validator unchangedSince(ObjectiveSections.Section stored) {
        return Validator.forInstanceOf(RevisedSection.class, (revised, errors) -> {
            if (!String.valueOf(stored.lockVersion()).equals(revised.lock() == null ? "" : revised.lock())) {
                errors.rejectValue("lock", "submission.task.answer.error.conflict");
            }
        });
    }

    AnswerClarificationForm(ReviewCycles cycles, Submissions submissions, ObjectiveSections sections,
            ReportVersions versions, Ministries ministries, AuditLog audit,
            SubmissionMessages messages, FormBinder binder) {
        this.ministries = ministries;
        this.messages = messages;
        this.binder = binder;
        this.cycles = cycles;
        this.submissions = submissions;
        this.sections = sections;
        this.versions = versions;
        this.audit = audit;
    }

    @Override
    public String formKey() {
        return "answer-clarification";
    }

    @Override
    public String view() {
        return "submission/answer-clarification";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        model.addAttribute("cycle", cycle);
        model.addAttribute("request", submissions.latest(cycle.id(), RoundKind.REGIONAL)
                .filter(s -> s.status() == SubmissionStatus.CLARIFICATION_REQUESTED
                        || s.status() == SubmissionStatus.RELEASED)
                .orElse(null));
        model.addAttribute("sections", sections.of(cycle.id()));
        model.addAttribute("answerMax", ANSWER_MAX);
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission submission) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        FormBinder.Bound<Answer> bound = binder.bind(Answer.class, submission.fields());
        Map<String, String> errors = new LinkedHashMap<>(binder.errors(bound));
        String answer = bound.value().answer();
        List<ObjectiveSections.Section> changed = new ArrayList<>();
        Map<Long, String> newBodies = new LinkedHashMap<>();
        for (ObjectiveSections.Section section : sections.lockAll(cycle.id())) {
            MultiValueMap<String, String> fields = FormBinder.section(submission.fields(), section.id());
            if (!fields.containsKey("section")) {
                continue;
            }
            String body = normalise(fields.getFirst("section"));
            if (body.equals(normalise(section.body()))) {
                continue;
            }
            fields.put("section", List.of(body));
            FormBinder.Bound<RevisedSection> revised = binder.bindPartial(RevisedSection.class, fields,
                    unchangedSince(section));
            Map<String, String> found = binder.errors(revised, String.valueOf(section.objectiveNumber()));
            if (!found.isEmpty()) {
                errors.put("section-" + section.id(), found.getOrDefault("lock", found.get("section")));
            } else {
                changed.add(section);
                newBodies.put(section.id(), body);
            }
        }
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(errors);
        }
        if (!changed.isEmpty()) {
            return resignOff(task, cycle, user, answer, changed, newBodies);
        }
        // the latest frozen version is the endorsed one: freezing happens only before endorsement
        ReportVersion version = versions.latest(cycle.id())
                .orElseThrow(() -> new IllegalStateException("Cycle " + cycle.businessKey() + " has no frozen version"));
        submissions.saveHandover(cycle.id(), version.id(), answer, user.id());
        audit.record(AuditEntry.of(user.username(), "REGIONAL_CLARIFICATION_ANSWERED", cycle.countryIso3(),
                "report_version", version.id(), "version " + version.versionNo() + " (" + version.sha256() + "), "
                        + "no section revised, endorsed version sent again"));
        return TaskOutcome.complete(Map.of(NationalReview.VAR_TEXT_CHANGED, false),
                messages.get("submission.task.answer.done", version.versionNo()));
    }

    /**
     * The revised sections are saved; the ministries assigned to their objectives sign the revision off (none when
     * no ministry had a part in them: the coordinator's endorsement then suffices). The answer is kept in the
     * audit trail; the coordinator writes the cover note when submitting the endorsed new version.
     */
    private TaskOutcome resignOff(UserTask task, ReviewCycle cycle, CurrentUser user, String answer,
            List<ObjectiveSections.Section> changed, Map<Long, String> newBodies) {
        for (ObjectiveSections.Section section : changed) {
            sections.revise(section, newBodies.get(section.id()), user.id(), REVISION_NOTE);
        }
        List<?> inCycle = task.variable(NationalReview.VAR_MINISTRY_GROUPS, List.class);
        ArrayList<String> signOffGroups = new ArrayList<>(ministries
                .findForObjectives(cycle.id(), changed.stream().map(ObjectiveSections.Section::objectiveNumber).toList())
                .stream().map(Ministry::group).filter(group -> inCycle == null || inCycle.contains(group)).toList());
        audit.record(AuditEntry.of(user.username(), "REGIONAL_CLARIFICATION_ANSWERED", cycle.countryIso3(),
                "review_cycle", cycle.id(), changed.size() + " objective section(s) revised; sign-off again by "
                        + (signOffGroups.isEmpty() ? "no ministry" : String.join(", ", signOffGroups))
                        + ", then endorsement. Answer: " + answer));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(NationalReview.VAR_TEXT_CHANGED, true);
        variables.put(NationalReview.VAR_SIGN_OFF_GROUPS, signOffGroups);
        return TaskOutcome.complete(variables, messages.get("submission.task.answer.doneChanged"));
    }

    /** Browsers send CRLF line breaks; the stored text uses LF, so an untouched textarea is not a change. */
    private static String normalise(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }
}
