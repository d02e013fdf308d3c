package org.gcmreview.notices;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Mails the outbox gave up on, for the administrator (/admin/** is for ADMIN): to whom, what, how often it was
 * tried and the mail server's last answer, with a retry. A retry puts the mail back in the queue; it is tried once
 * the retry is committed and then on the outbox's schedule.
 */
@Controller
class FailedMailsController {

    private final FailedMails mails;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final MessageSource messages;

    FailedMailsController(FailedMails mails, MailOutbox outbox, AuditLog audit, MessageSource messages) {
        this.mails = mails;
        this.outbox = outbox;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/admin/notices")
    String list(Model model) {
        model.addAttribute("failed", mails.failed());
        model.addAttribute("retrying", mails.retrying());
        model.addAttribute("pageRows", FailedMails.PAGE_ROWS);
        return "notices/failed-mails";
    }

    @PostMapping("/admin/notices/{id}/retry")
    @Transactional
    String retry(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        OutboxMail mail = mails.retry(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        outbox.tryAfterCommit(mail.id(), true);
        audit.record(AuditEntry.of(user.username(), "MAIL_RETRIED", null, "mail_outbox", mail.id(),
                "a mail given up on is queued again"));
        redirect.addFlashAttribute("flash", messages.getMessage("notices.failed.retried", null,
                LocaleContextHolder.getLocale()));
        return "redirect:/admin/notices";
    }
}
