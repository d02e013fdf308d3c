package org.gcmreview.report;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Deputies;
import org.gcmreview.identity.Role;
import org.gcmreview.support.Sha256;
import org.gcmreview.tasks.TaskAccess;
import org.gcmreview.tasks.TaskNotFoundException;
import org.gcmreview.tasks.UserTask;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Word round trip (issue 16.1): the draft report and a ministry's contribution as .docx, and a ministry's
 * edited file back into its contribution, through a confirmation of the differences.
 *
 * <p>Access. Drafts are the government's: the country's coordinator and ministries download the draft report,
 * the coordinator and the ministry (or its deputy) its contribution; the country's stakeholders get 403; anyone
 * of another country, a secretariat or an administrator gets 404, as if there were no such cycle. Uploading
 * goes with the ministry's open drafting task: only the people who may work on it, while it is open. Downloads
 * of drafts, uploads and confirmed imports are audited.
 */
@Service
class ContributionFiles {

    static final String DRAFTING_FORM = "draft-contribution";

    /** The drafting task an upload belongs to, checked for the user. */
    record Drafting(UserTask task, ReviewCycle cycle, Ministry ministry, List<Contribution> contributions) {
    }

    record Preview(WordImports.Pending pending, WordChanges changes) {
    }

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final Contributions contributions;
    private final ReportSections sections;
    private final WordExport export;
    private final WordImport imports;
    private final WordImports pending;
    private final TaskAccess tasks;
    private final TaskService taskService;
    private final Deputies deputies;
    private final DraftingMessages messages;
    private final AuditLog audit;

    ContributionFiles(ReviewCycles cycles, Ministries ministries, Contributions contributions,
            ReportSections sections, WordExport export, WordImport imports, WordImports pending, TaskAccess tasks,
            TaskService taskService, Deputies deputies, DraftingMessages messages, AuditLog audit) {
        this.cycles = cycles;
        this.ministries = ministries;
        this.contributions = contributions;
        this.sections = sections;
        this.export = export;
        this.imports = imports;
        this.pending = pending;
        this.tasks = tasks;
        this.taskService = taskService;
        this.deputies = deputies;
        this.messages = messages;
        this.audit = audit;
    }

    @Transactional
    public byte[] draftReport(long cycleId, CurrentUser user, Locale locale) {
        ReviewCycle cycle = countrysCycle(cycleId, user);
        byte[] file = export.report(cycle, sections.forCycle(cycleId), locale);
        audit.record(AuditEntry.of(user.username(), "DRAFT_REPORT_DOWNLOADED", cycle.countryIso3(), "review_cycle",
                cycle.id(), "the draft report as Word (" + file.length + " bytes)"));
        return file;
    }

    @Transactional
    public byte[] contribution(long cycleId, long ministryId, CurrentUser user, Locale locale) {
        ReviewCycle cycle = countrysCycle(cycleId, user);
        Ministry ministry = ministries.findInCycle(cycleId).stream().filter(m -> m.id() == ministryId).findFirst()
                .orElseThrow(ContributionFiles::notFound);
        boolean own = user.ministryId() != null && user.ministryId() == ministryId;
        if (user.is(Role.MINISTRY) && !own && !deputies.standsInForMinistry(user, ministryId,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC))) {
            throw new AccessDeniedException("Another ministry's contribution");
        }
        byte[] file = export.contribution(cycle, ministry, contributions.forMinistry(cycleId, ministryId), locale);
        audit.record(AuditEntry.of(user.username(), "CONTRIBUTION_DOWNLOADED", cycle.countryIso3(), "review_cycle",
                cycle.id(), ministry.code() + "'s contribution as Word (" + file.length + " bytes)"));
        return file;
    }

    /** The ministry's open drafting task, if this user may work on it; another country's users get 404. */
    public Drafting drafting(String taskId, CurrentUser user) {
        UserTask task;
        try {
            task = tasks.find(taskId, user);
        } catch (AccessDeniedException e) {
            Task found = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (found == null || !user.belongsToCountry(found.getTenantId())) {
                throw new TaskNotFoundException(taskId);
            }
            throw e;
        }
        if (!DRAFTING_FORM.equals(task.formKey())) {
            throw new TaskNotFoundException(taskId);
        }
        Ministry ministry = ministries.requireOwnMinistry(task, user);
        ReviewCycle cycle = cycles.findVisible(task.cycleId(), user);
        return new Drafting(task, cycle, ministry, contributions.forMinistry(cycle.id(), ministry.id()));
    }

    /** Checks and maps the file and holds it for confirmation; a refused file stores nothing. */
    @Transactional
    public UUID upload(Drafting d, MultipartFile file, CurrentUser user) {
        WordImport.Mapped mapped = imports.map(file, d.cycle(), d.ministry(), d.contributions());
        String sha256;
        try {
            sha256 = Sha256.hex(file.getBytes());
        } catch (IOException e) {
            throw new WordRefusal(messages.get("word.refused.unreadable"));
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        java.util.Optional<UUID> waiting = pending.waiting(d.task().id(), user.id(), sha256, mapped.language(),
                mapped.changes());
        if (waiting.isPresent()) {
            return waiting.get();
        }
        UUID id = pending.insert(d.cycle().id(), d.ministry().id(), d.task().id(), user.id(), name, sha256,
                mapped.language(), mapped.changes());
        audit.record(AuditEntry.of(user.username(), "CONTRIBUTION_FILE_UPLOADED", d.cycle().countryIso3(),
                "review_cycle", d.cycle().id(), d.ministry().code() + " uploaded a Word file (SHA-256 " + sha256
                        + ") changing " + mapped.changes().size() + " objectives; waiting for confirmation"));
        return id;
    }

    public Preview preview(Drafting d, UUID id, CurrentUser user) {
        WordImports.Pending p = pending.find(id, d.task().id(), user.id()).orElseThrow(ContributionFiles::notFound);
        return new Preview(p, WordChanges.of(p.edits(), d.contributions(), messages));
    }

    /**
     * Stores the upload's changes as new revisions, as the drafting form's save does; refused (nothing stored)
     * when someone saved one of the objectives since the upload. Returns how many objectives changed.
     */
    @Transactional
    public int confirm(Drafting d, UUID id, CurrentUser user) {
        WordImports.Pending p = pending.find(id, d.task().id(), user.id()).orElseThrow(ContributionFiles::notFound);
        List<FormEdit> edits = p.edits().stream().map(e -> new FormEdit(e.id(), e.baseVersion(), true,
                e.content().status(), e.content().narrative(), e.content().measures(), e.content().practices(),
                e.content().challenges(), e.content().indicators())).toList();
        VersionedContent.Check check = contributions.check(edits);
        if (!check.clean()) {
            throw new WordRefusal(check.conflicts().stream().map(conflict -> messages.get("word.refused.conflict",
                    d.contributions().stream().filter(c -> c.id() == conflict.edit().id()).findFirst()
                            .map(c -> String.valueOf(c.objectiveNumber())).orElse("?"))).toList());
        }
        contributions.write(check, user.id());
        pending.delete(p.id());
        if (!check.changes().isEmpty()) {
            cycles.touch(d.cycle().id());
        }
        audit.record(AuditEntry.of(user.username(), "CONTRIBUTION_IMPORTED", d.cycle().countryIso3(),
                "review_cycle", d.cycle().id(), d.ministry().code() + " saved its Word file \"" + p.fileName()
                        + "\": objectives " + check.changes().stream().map(c -> d.contributions().stream()
                                .filter(x -> x.id() == c.id()).findFirst().map(x -> String.valueOf(x.objectiveNumber()))
                                .orElse("?")).collect(Collectors.joining(", "))));
        return check.changes().size();
    }

    /** The cycle for its country's coordinator and ministries; 403 for its stakeholders; 404 for anyone else. */
    private ReviewCycle countrysCycle(long cycleId, CurrentUser user) {
        ReviewCycle cycle = cycles.findById(cycleId).filter(c -> user.belongsToCountry(c.countryIso3()))
                .orElseThrow(ContributionFiles::notFound);
        if (!user.is(Role.COORDINATOR) && !user.is(Role.MINISTRY)) {
            throw new AccessDeniedException("Drafts are not for stakeholders");
        }
        return cycle;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
