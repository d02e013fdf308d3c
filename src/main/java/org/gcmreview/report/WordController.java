package org.gcmreview.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.gcmreview.attachment.AttachmentService;
import org.gcmreview.identity.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Word downloads of drafts, and a ministry's upload of its edited contribution file (see {@link ContributionFiles}). */
@Controller
class WordController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ContributionFiles files;
    private final AttachmentService attachments;
    private final DraftingMessages messages;

    WordController(ContributionFiles files, AttachmentService attachments, DraftingMessages messages) {
        this.files = files;
        this.attachments = attachments;
        this.messages = messages;
    }

    @GetMapping("/cycles/{cycleId}/report.docx")
    ResponseEntity<byte[]> draftReport(@PathVariable long cycleId, CurrentUser user, Locale locale) {
        return docx(files.draftReport(cycleId, user, locale), "draft-report-" + cycleId + ".docx");
    }

    @GetMapping("/cycles/{cycleId}/ministries/{ministryId}/contribution.docx")
    ResponseEntity<byte[]> contribution(@PathVariable long cycleId, @PathVariable long ministryId, CurrentUser user,
            Locale locale) {
        return docx(files.contribution(cycleId, ministryId, user, locale),
                "contribution-" + cycleId + "-" + ministryId + ".docx");
    }

    @GetMapping("/tasks/{taskId}/word")
    String uploadPage(@PathVariable String taskId, CurrentUser user, Model model) {
        return page(files.drafting(taskId, user), List.of(), model);
    }

    @PostMapping("/tasks/{taskId}/word")
    String upload(@PathVariable String taskId, @RequestParam(name = "file", required = false) MultipartFile file,
            CurrentUser user, Model model, HttpServletResponse response) {
        ContributionFiles.Drafting drafting = files.drafting(taskId, user);
        if (file == null || file.isEmpty()) {
            return refused(drafting, List.of(messages.get("word.refused.noFile")), model, response);
        }
        try {
            UUID id = files.upload(drafting, file, user);
            return "redirect:/tasks/" + taskId + "/word/" + id;
        } catch (WordRefusal refusal) {
            return refused(drafting, refusal.problems(), model, response);
        }
    }

    @GetMapping("/tasks/{taskId}/word/{importId}")
    String preview(@PathVariable String taskId, @PathVariable UUID importId, CurrentUser user, Model model) {
        ContributionFiles.Drafting drafting = files.drafting(taskId, user);
        ContributionFiles.Preview preview = files.preview(drafting, importId, user);
        model.addAttribute("task", drafting.task());
        model.addAttribute("cycle", drafting.cycle());
        model.addAttribute("ministry", drafting.ministry());
        model.addAttribute("upload", preview.pending());
        model.addAttribute("changes", preview.changes());
        return "report/word-preview";
    }

    @PostMapping("/tasks/{taskId}/word/{importId}")
    String confirm(@PathVariable String taskId, @PathVariable UUID importId, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        ContributionFiles.Drafting drafting = files.drafting(taskId, user);
        try {
            int changed = files.confirm(drafting, importId, user);
            redirect.addFlashAttribute("flash", messages.get("word.flash.saved", changed));
            return "redirect:/tasks/" + taskId;
        } catch (WordRefusal refusal) {
            return refused(drafting, refusal.problems(), model, response);
        }
    }

    /** The upload page again with what to fix (400); every problem is about the file, so each links to it. */
    private String refused(ContributionFiles.Drafting drafting, List<String> problems, Model model,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(drafting, problems, model);
    }

    private String page(ContributionFiles.Drafting drafting, List<String> problems, Model model) {
        model.addAttribute("task", drafting.task());
        model.addAttribute("cycle", drafting.cycle());
        model.addAttribute("ministry", drafting.ministry());
        // field -> message for the error summary: several messages, all about the one field, the file
        model.addAttribute("problems", problems.stream().map(problem -> Map.entry("file", problem)).toList());
        model.addAttribute("maxSize", attachments.maxSizeLabel());
        return "report/word-upload";
    }

    private static ResponseEntity<byte[]> docx(byte[] content, String fileName) {
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }
}
