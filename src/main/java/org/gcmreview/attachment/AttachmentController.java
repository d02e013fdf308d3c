package org.gcmreview.attachment;

import org.gcmreview.identity.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Downloading and removing evidence files; adding them is part of the forms that own them. */
@Controller
class AttachmentController {

    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    /**
     * Always a download with the type found at upload: never rendered inline, never sniffed, never cached
     * by shared caches, so a file cannot act as a page of this site.
     */
    @GetMapping("/attachments/{publicId}")
    ResponseEntity<byte[]> download(@PathVariable String publicId, CurrentUser user) {
        AttachmentService.StoredFile file = attachments.download(publicId, user);
        Attachment attachment = file.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.type().mediaType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(attachment.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .eTag("\"" + attachment.sha256() + "\"")
                .body(file.content());
    }

    /** Removes the file and goes back to the page the button was on (a local path only). */
    @PostMapping("/attachments/{publicId}/delete")
    String remove(@PathVariable String publicId, @RequestParam(defaultValue = "/tasks") String returnTo,
            CurrentUser user, RedirectAttributes redirect) {
        Attachment removed = attachments.remove(publicId, user);
        redirect.addFlashAttribute("flash", "\"" + removed.fileName() + "\" was removed.");
        return "redirect:" + localPath(returnTo);
    }

    /** Only paths of this site: no scheme, no host, no "//evil.example" and no backslash tricks. */
    static String localPath(String returnTo) {
        boolean local = returnTo.startsWith("/") && !returnTo.startsWith("//") && returnTo.indexOf('\\') < 0
                && returnTo.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
        return local ? returnTo : "/tasks";
    }
}
