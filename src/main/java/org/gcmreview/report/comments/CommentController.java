package org.gcmreview.report.comments;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.report.Comments;
import org.gcmreview.report.DraftingMessages;
import org.gcmreview.support.FormBinder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A section's or contribution's comment threads (issue 16.2): read them beside the text, comment, reply,
 * resolve and reopen. Each form is a plain POST that comes back to the thread page; a refused comment (empty,
 * too long) shows the page again with what was typed and says why. Who may: {@link CommentAccess}.
 */
@Controller
class CommentController {

    /** A comment or reply as typed. */
    record CommentForm(
            @NotBlank(message = "comments.error.empty")
            @Size(max = Comments.MAX_LENGTH, message = "comments.error.tooLong") String body) {
    }

    private final CommentAccess access;
    private final Comments comments;
    private final CommentNotifier notifier;
    private final FormBinder binder;
    private final AuditLog audit;
    private final DraftingMessages messages;

    CommentController(CommentAccess access, Comments comments, CommentNotifier notifier, FormBinder binder,
            AuditLog audit, DraftingMessages messages) {
        this.access = access;
        this.comments = comments;
        this.notifier = notifier;
        this.binder = binder;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/cycles/{cycleId}/sections/{sectionId}/comments")
    String sectionThreads(@PathVariable long cycleId, @PathVariable long sectionId,
            @RequestParam(required = false) String back, CurrentUser user, Model model) {
        return page(access.section(cycleId, sectionId, user), back, new LinkedMultiValueMap<>(), Map.of(), model);
    }

    @GetMapping("/cycles/{cycleId}/contributions/{contributionId}/comments")
    String contributionThreads(@PathVariable long cycleId, @PathVariable long contributionId,
            @RequestParam(required = false) String back, CurrentUser user, Model model) {
        return page(access.contribution(cycleId, contributionId, user), back, new LinkedMultiValueMap<>(), Map.of(),
                model);
    }

    @PostMapping("/cycles/{cycleId}/sections/{sectionId}/comments")
    @Transactional
    String commentOnSection(@PathVariable long cycleId, @PathVariable long sectionId,
            @RequestParam MultiValueMap<String, String> fields, CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return add(access.section(cycleId, sectionId, user), fields, user, model, response, redirect);
    }

    @PostMapping("/cycles/{cycleId}/contributions/{contributionId}/comments")
    @Transactional
    String commentOnContribution(@PathVariable long cycleId, @PathVariable long contributionId,
            @RequestParam MultiValueMap<String, String> fields, CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return add(access.contribution(cycleId, contributionId, user), fields, user, model, response, redirect);
    }

    @PostMapping("/cycles/{cycleId}/comments/{commentId}/replies")
    @Transactional
    String reply(@PathVariable long cycleId, @PathVariable long commentId,
            @RequestParam MultiValueMap<String, String> fields, CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        CommentAccess.Thread thread = access.thread(cycleId, commentId, user);
        CommentSubject subject = thread.subject();
        FormBinder.Bound<CommentForm> bound = binder.bind(CommentForm.class, fields);
        String field = "reply-" + commentId;
        if (!bound.valid()) {
            MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
            values.add(field, fields.getFirst("body"));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(subject, fields.getFirst("back"), values, Map.of(field, binder.errors(bound).get("body")),
                    model);
        }
        java.util.Optional<Long> repeated = comments.repeated(thread.opening().onSection(), subject.id(),
                commentId, bound.value().body(), user.id());
        if (repeated.isPresent()) {
            return back(subject, fields.getFirst("back"), repeated.get());
        }
        long id = comments.reply(thread.opening(), bound.value().body(), user.id());
        int told = notifier.tell(subject, commentId, id, true, user);
        audit.record(AuditEntry.of(user.username(), "COMMENT_REPLIED", subject.cycle().countryIso3(),
                "report_comment", id, describe(subject, bound.value().body(), told) + ", thread " + commentId));
        redirect.addFlashAttribute("flash", messages.get("comments.flash.replied"));
        return back(subject, fields.getFirst("back"), id);
    }

    @PostMapping("/cycles/{cycleId}/comments/{commentId}/resolve")
    @Transactional
    String resolve(@PathVariable long cycleId, @PathVariable long commentId,
            @RequestParam(required = false) String back, CurrentUser user, RedirectAttributes redirect) {
        return resolve(cycleId, commentId, true, back, user, redirect);
    }

    @PostMapping("/cycles/{cycleId}/comments/{commentId}/reopen")
    @Transactional
    String reopen(@PathVariable long cycleId, @PathVariable long commentId,
            @RequestParam(required = false) String back, CurrentUser user, RedirectAttributes redirect) {
        return resolve(cycleId, commentId, false, back, user, redirect);
    }

    private String resolve(long cycleId, long commentId, boolean resolved, String back, CurrentUser user,
            RedirectAttributes redirect) {
        CommentAccess.Thread thread = access.thread(cycleId, commentId, user);
        boolean changed = comments.resolve(commentId, resolved, user.id());
        if (changed) {
            audit.record(AuditEntry.of(user.username(), resolved ? "COMMENT_RESOLVED" : "COMMENT_REOPENED",
                    thread.subject().cycle().countryIso3(), "report_comment", commentId, thread.subject().title()));
        }
        redirect.addFlashAttribute("flash", messages.get(!changed ? "comments.flash.unchanged"
                : resolved ? "comments.flash.resolved" : "comments.flash.reopened"));
        return back(thread.subject(), back, commentId);
    }

    private String add(CommentSubject subject, MultiValueMap<String, String> fields, CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        FormBinder.Bound<CommentForm> bound = binder.bind(CommentForm.class, fields);
        if (!bound.valid()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(subject, fields.getFirst("back"), fields, binder.errors(bound), model);
        }
        java.util.Optional<Long> repeated = comments.repeated(subject.section(), subject.id(), null,
                bound.value().body(), user.id());
        if (repeated.isPresent()) {
            // the same form again: the comment is there already
            return back(subject, fields.getFirst("back"), repeated.get());
        }
        long id = comments.add(subject.cycle().id(), subject.section(), subject.id(), bound.value().body(), user.id());
        int told = notifier.tell(subject, id, id, false, user);
        audit.record(AuditEntry.of(user.username(), "COMMENT_ADDED", subject.cycle().countryIso3(), "report_comment",
                id, describe(subject, bound.value().body(), told)));
        redirect.addFlashAttribute("flash", messages.get("comments.flash.added"));
        return back(subject, fields.getFirst("back"), id);
    }

    private String page(CommentSubject subject, String back, MultiValueMap<String, String> values,
            Map<String, String> errors, Model model) {
        model.addAttribute("subject", subject);
        model.addAttribute("threads", comments.threads(subject.section(), subject.id()));
        model.addAttribute("back", ReturnPath.safe(back));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("max", Comments.MAX_LENGTH);
        return "report/comments/thread";
    }

    private static String back(CommentSubject subject, String back, long commentId) {
        String safe = ReturnPath.safe(back);
        return "redirect:" + subject.path() + (safe == null ? "" : "?back=" + java.net.URLEncoder.encode(safe,
                java.nio.charset.StandardCharsets.UTF_8)) + "#comment-" + commentId;
    }

    /** The audit line: what was commented on, at which revision, how long, and how many were told (not the text). */
    private static String describe(CommentSubject subject, String body, int told) {
        return subject.title() + ", revision " + subject.revision() + ", " + body.length() + " characters, "
                + told + " people notified";
    }

}
