package org.gcmreview.signoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.notices.GroupNotices;
import org.gcmreview.notices.NoticeKind;
import org.gcmreview.notices.NoticeText;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.support.FormBinder;
import org.gcmreview.report.DraftingMessages;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * "Endorse the final report": the coordinator endorses exactly the version frozen after sign-off, identified
 * by its number and SHA-256, which the page shows together with a fresh check of the stored content.
 */
@Component
class EndorseReportForm implements TaskForm {

    static final String ENDORSE = "endorse";
    static final int MAX_NOTE = 2_000;

    private final ReviewCycles cycles;
    private final ReportVersions versions;
    private final Endorsements endorsements;
    private final DraftingMessages messages;
    private final AuditLog audit;
    private final FormBinder binder;
    private final GroupNotices notices;
    private final Ministries ministries;
    private final GovernmentValidation government;

    /** The endorsement: the one button, and an optional note such as the decision adopting the report. */
    record Endorsement(@Pattern(regexp = ENDORSE, message = "endorse.error.action") String action,
            @Size(max = MAX_NOTE, message = "endorse.error.noteTooLong") String note) {
    }

    EndorseReportForm(ReviewCycles cycles, ReportVersions versions, Endorsements endorsements,
            DraftingMessages messages, AuditLog audit, FormBinder binder, GroupNotices notices,
            Ministries ministries, GovernmentValidation government) {
        this.government = government;
        this.notices = notices;
        this.ministries = ministries;
        this.binder = binder;
        this.cycles = cycles;
        this.versions = versions;
        this.endorsements = endorsements;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public String formKey() {
        return "endorse-report";
    }

    @Override
    public String view() {
        return "signoff/endorse-report";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        ReportVersion version = frozenVersion(task, cycle);
        model.addAttribute("cycle", cycle);
        model.addAttribute("version", version);
        model.addAttribute("intact", versions.intact(version));
        model.addAttribute("frozenSections", versions.sections(version));
        model.addAttribute("noteMax", MAX_NOTE);
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        ReportVersion version = frozenVersion(task, cycle);
        FormBinder.Bound<Endorsement> bound = binder.bind(Endorsement.class, form.fields());
        if (!bound.valid()) {
            return TaskOutcome.invalid(binder.errors(bound));
        }
        String note = bound.value().note();
        if (!versions.intact(version)) {
            throw new IllegalStateException("Report version " + version.id() + " does not match its SHA-256");
        }
        if (endorsements.endorsed(cycle.id(), version.id())) {
            return TaskOutcome.invalid(Map.of("action", messages.get("endorse.error.already")));
        }
        endorsements.insert(cycle.id(), version.id(), user.id(), note.isEmpty() ? null : note);
        audit.record(AuditEntry.of(user.username(), "REPORT_ENDORSED", cycle.countryIso3(), "report_version",
                version.id(), "version " + version.versionNo() + ", SHA-256 " + version.sha256()));
        // issue 18.4: the endorsement is news for the country's coordinators and the cycle's ministries
        List<String> groups = new ArrayList<>(List.of(CandidateGroups.coordinator(cycle.countryIso3())));
        ministries.findInCycle(cycle.id()).stream().map(Ministry::group).forEach(groups::add);
        notices.toGroups(NoticeKind.DECISION, groups, new NoticeText("notices.text.DECISION.endorsed",
                List.of(String.valueOf(version.versionNo()), cycle.businessKey()), "/cycles/" + cycle.id(),
                cycle.businessKey()), user.id());
        // issue 14.4: when the country has its government validate the report, the process offers it to that group
        // next; null (validation off) goes straight on. Set on every endorsement: the setting may have changed.
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(NationalReview.VAR_GOVERNMENT_GROUP, government.candidateGroup(cycle.countryIso3()));
        return TaskOutcome.complete(variables, messages.get("endorse.flash", version.versionNo()));
    }

    /** The version the process froze for this endorsement ({@code reportVersionId}), of this cycle only. */
    private ReportVersion frozenVersion(UserTask task, ReviewCycle cycle) {
        Number id = task.variable("reportVersionId", Number.class);
        ReportVersion version = id == null ? null : versions.find(id.longValue()).orElse(null);
        if (version == null || version.cycleId() != cycle.id()) {
            throw new IllegalStateException("Task " + task.id() + " has no frozen report version of its cycle");
        }
        return version;
    }
}
