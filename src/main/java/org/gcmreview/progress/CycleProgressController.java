package org.gcmreview.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gcmreview.cycle.CyclePlans;
import org.gcmreview.cycle.Milestone;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.incident.ProcessIncident;
import org.gcmreview.incident.ProcessIncidents;
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

/** A cycle's progress page, for the country's coordinator and ministries. */
@Controller
class CycleProgressController {

    private final ReviewCycles cycles;
    private final CycleProgressQuery progress;
    private final CycleStory story;
    private final ProcessIncidents incidents;
    private final MessageSource messages;
    private final CyclePlans plans;
    private final ReportEvidenceQuery evidence;

    CycleProgressController(ReviewCycles cycles, CycleProgressQuery progress, CycleStory story,
            ProcessIncidents incidents, MessageSource messages, CyclePlans plans, ReportEvidenceQuery evidence) {
        this.plans = plans;
        this.evidence = evidence;
        this.incidents = incidents;
        this.messages = messages;
        this.cycles = cycles;
        this.progress = progress;
        this.story = story;
    }

    @GetMapping("/cycles/{id}")
    String show(@PathVariable long id, CurrentUser user, Model model) {
        ReviewCycles.requireCountryTeam(user);
        ReviewCycle cycle = cycles.findVisible(id, user);
        model.addAttribute("progress", progress.of(cycle));
        model.addAttribute("story", story.of(cycle, user));
        model.addAttribute("evidence", evidence.of(cycle));
        // a failed step of this cycle's processes, in plain words; the coordinator may retry it
        model.addAttribute("incidents", incidents.forBusinessKeys(List.of(cycle.businessKey())));
        model.addAttribute("mayRetry", user.role() == Role.COORDINATOR);
        // the plan beside the timeline (issues 14.1, 16.6): each date, and its last change with the reason
        model.addAttribute("plan", plans.of(cycle.id()).orElse(null));
        Map<Milestone, CyclePlans.Change> lastChange = new LinkedHashMap<>();
        List<CyclePlans.Change> changes = plans.changes(cycle.id());
        changes.forEach(c -> lastChange.put(c.milestone(), c));
        model.addAttribute("lastChange", lastChange);
        model.addAttribute("planChanges", changes.size());
        return "cycle/progress";
    }

    @PostMapping("/cycles/{id}/incidents/{incidentId}/retry")
    String retry(@PathVariable long id, @PathVariable String incidentId, CurrentUser user,
            RedirectAttributes redirect) {
        ReviewCycles.requireCountryTeam(user);
        ReviewCycle cycle = cycles.findSteerable(id, user);
        ProcessIncident incident = incidents.find(incidentId)
                .filter(i -> cycle.businessKey().equals(i.businessKey()) && i.retryable())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        incidents.retry(incident, user.username(), cycle.countryIso3());
        redirect.addFlashAttribute("flash",
                messages.getMessage("incident.retried", null, LocaleContextHolder.getLocale()));
        return "redirect:/cycles/" + id;
    }
}
