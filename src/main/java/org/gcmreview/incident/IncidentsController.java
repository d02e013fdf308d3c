package org.gcmreview.incident;

import org.gcmreview.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's list of every failed job, with a retry; /admin/** is for ADMIN only. */
@Controller
class IncidentsController {

    private final ProcessIncidents incidents;
    private final MessageSource messages;

    IncidentsController(ProcessIncidents incidents, MessageSource messages) {
        this.incidents = incidents;
        this.messages = messages;
    }

    @GetMapping("/admin/incidents")
    String list(Model model) {
        model.addAttribute("incidents", incidents.all());
        return "incident/list";
    }

    @PostMapping("/admin/incidents/{id}/retry")
    String retry(@PathVariable String id, CurrentUser user, RedirectAttributes redirect) {
        ProcessIncident incident = incidents.find(id).filter(ProcessIncident::retryable)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        incidents.retry(incident, user.username(), null);
        redirect.addFlashAttribute("flash",
                messages.getMessage("incident.retried", null, LocaleContextHolder.getLocale()));
        return "redirect:/admin/incidents";
    }
}
