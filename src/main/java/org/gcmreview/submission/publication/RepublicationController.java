package org.gcmreview.submission.publication;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.Endorsement;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.support.FormBinder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Publish the endorsed report" again (issue 14.4): a clarification changed the text of a report already
 * published, and the new version went through sign-off and endorsement. It is not public until the coordinator
 * publishes it, here, as they did the first version; the public page then shows it with the history ("updated on
 * … after a clarification"), and the earlier version stays at its own address. Audited. Another country's cycle
 * is not found.
 */
@Controller
class RepublicationController {

    /** The version the page showed, and the confirmation. */
    record Publication(String versionId,
            @Pattern(regexp = "yes", message = "submission.task.publish.error.confirm") String confirm) {
    }

    private final ReviewCycles cycles;
    private final Republication republication;
    private final ReportVersions versions;
    private final Publications publications;
    private final FormBinder binder;
    private final AuditLog audit;
    private final SubmissionMessages messages;

    RepublicationController(ReviewCycles cycles, Republication republication, ReportVersions versions,
            Publications publications, FormBinder binder, AuditLog audit, SubmissionMessages messages) {
        this.cycles = cycles;
        this.republication = republication;
        this.versions = versions;
        this.publications = publications;
        this.binder = binder;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/cycles/{id}/publication")
    String page(@PathVariable long id, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerableInCountry(id, user);
        return page(cycle, Map.of(), model);
    }

    @PostMapping("/cycles/{id}/publication")
    String publish(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ReviewCycle cycle = cycles.findSteerableInCountry(id, user);
        fields.remove("_csrf");
        FormBinder.Bound<Publication> bound = binder.bind(Publication.class, fields);
        Optional<Endorsement> waiting = waiting(cycle);
        Map<String, String> errors = new LinkedHashMap<>();
        if (waiting.isEmpty()) {
            errors.put("version", messages.get("submission.republish.error.nothing"));
        } else if (!String.valueOf(waiting.get().reportVersionId()).equals(bound.value().versionId())) {
            errors.put("version", messages.get("submission.task.publish.error.otherVersion",
                    String.valueOf(waiting.get().versionNo())));
        }
        errors.putAll(binder.errors(bound));
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(cycle, errors, model);
        }
        Endorsement endorsement = waiting.get();
        publications.record(cycle.id(), endorsement.reportVersionId(), user.username());
        audit.record(AuditEntry.of(user.username(), "REPORT_REPUBLISHED", cycle.countryIso3(), "report_version",
                endorsement.reportVersionId(), "version " + endorsement.versionNo() + " (" + endorsement.sha256()
                        + ") after a clarification"));
        redirect.addFlashAttribute("flash", messages.get("submission.republish.done",
                String.valueOf(endorsement.versionNo())));
        return "redirect:/cycles/" + cycle.id();
    }

    private Optional<Endorsement> waiting(ReviewCycle cycle) {
        return republication.waiting(cycle);
    }

    private String page(ReviewCycle cycle, Map<String, String> errors, Model model) {
        Optional<Endorsement> waiting = waiting(cycle);
        model.addAttribute("cycle", cycle);
        model.addAttribute("endorsement", waiting.orElse(null));
        model.addAttribute("version", waiting.flatMap(e -> versions.find(e.reportVersionId())).orElse(null));
        model.addAttribute("errors", errors);
        return "submission/publication/republish";
    }
}
