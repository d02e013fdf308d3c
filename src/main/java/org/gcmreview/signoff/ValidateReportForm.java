package org.gcmreview.signoff;

import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.report.DraftingMessages;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.support.FormBinder;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.Validator;

/**
 * national-review, ValidateReport (issue 14.4): the government's cabinet or minister group of a country that asks
 * for it approves the endorsed version, or returns it with a reason to the coordinator's revision, after which it
 * is signed off and endorsed again as a new version.
 */
@Component
class ValidateReportForm implements TaskForm {

    static final int MAX_REASON = 2_000;

    private final ReviewCycles cycles;
    private final ReportVersions versions;
    private final Endorsements endorsements;
    private final DraftingMessages messages;
    private final AuditLog audit;
    private final FormBinder binder;
    private final GovernmentValidation government;

    /** approve, or return with a reason. */
    record Validation(@Pattern(regexp = "approve|return", message = "validate.error.action") String action,
            @Size(max = MAX_REASON, message = "validate.error.reasonTooLong") String reason) {
    }

    private static final Validator REASON_WHEN_RETURNED = Validator.forInstanceOf(Validation.class, (v, errors) -> {
        if ("return".equals(v.action()) && v.reason().isEmpty()) {
            errors.rejectValue("reason", "validate.error.reason");
        }
    });

    ValidateReportForm(ReviewCycles cycles, ReportVersions versions, Endorsements endorsements,
            DraftingMessages messages, AuditLog audit, FormBinder binder, GovernmentValidation government) {
        this.government = government;
        this.cycles = cycles;
        this.versions = versions;
        this.endorsements = endorsements;
        this.messages = messages;
        this.audit = audit;
        this.binder = binder;
    }

    @Override
    public String formKey() {
        return "validate-report";
    }

    @Override
    public String view() {
        return "signoff/validate-report";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findVisible(task.cycleId(), user);
        ReportVersion version = endorsedVersion(cycle);
        model.addAttribute("cycle", cycle);
        model.addAttribute("version", version);
        model.addAttribute("frozenSections", versions.sections(version));
        model.addAttribute("reasonMax", MAX_REASON);
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        ReviewCycle cycle = cycles.findVisible(task.cycleId(), user);
        ReportVersion version = endorsedVersion(cycle);
        FormBinder.Bound<Validation> bound = binder.bind(Validation.class, form.fields(), REASON_WHEN_RETURNED);
        if (!bound.valid()) {
            return TaskOutcome.invalid(binder.errors(bound));
        }
        boolean approved = "approve".equals(bound.value().action());
        // who decided, when and why: shown with the sign-off record on the cycle page
        government.recordDecision(cycle.id(), version.id(), version.versionNo(), government.of(cycle.countryIso3())
                .map(GovernmentValidation.Setting::groupName).orElse(""), approved, bound.value().reason(),
                user.username());
        audit.record(AuditEntry.of(user.username(), approved ? "REPORT_VALIDATED" : "REPORT_RETURNED_BY_GOVERNMENT",
                cycle.countryIso3(), "report_version", version.id(), "version " + version.versionNo()
                        + (approved ? "" : ": " + bound.value().reason())));
        return TaskOutcome.complete(Map.of(NationalReview.VAR_GOVERNMENT_APPROVED, approved),
                messages.get(approved ? "validate.flash.approved" : "validate.flash.returned", version.versionNo()));
    }

    private ReportVersion endorsedVersion(ReviewCycle cycle) {
        return endorsements.find(cycle.id()).flatMap(e -> versions.find(e.reportVersionId()))
                .orElseThrow(() -> new IllegalStateException("Cycle " + cycle.id() + " has no endorsed version"));
    }
}
