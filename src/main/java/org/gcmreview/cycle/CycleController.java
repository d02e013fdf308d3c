package org.gcmreview.cycle;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.web.SupportedLanguages;
import org.gcmreview.support.FormBinder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The country's review cycles: the list and starting a new cycle (a cycle's progress page is the progress module's). */
@Controller
@RequestMapping("/cycles")
class CycleController {

    private final ReviewCycles cycles;
    private final CycleStarter starter;
    private final CycleMessages messages;
    private final FormBinder binder;
    private final PreviousReports previousReports;

    CycleController(ReviewCycles cycles, CycleStarter starter, CycleMessages messages, FormBinder binder,
            PreviousReports previousReports) {
        this.binder = binder;
        this.previousReports = previousReports;
        this.messages = messages;
        this.cycles = cycles;
        this.starter = starter;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        ReviewCycles.requireCountryTeam(user);
        return listView(user, model, Map.of(), Map.of());
    }

    @PostMapping
    String start(@RequestParam MultiValueMap<String, String> fields, CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!user.is(Role.COORDINATOR)) {
            throw new AccessDeniedException("Only a national coordinator can start a review cycle");
        }
        FormBinder.Bound<StartCycleForm> form = binder.bind(StartCycleForm.class, fields);
        Map<String, String> values = Map.of("code", fields.getFirst("code") == null ? "" : fields.getFirst("code"),
                "title", fields.getFirst("title") == null ? "" : fields.getFirst("title"),
                "language", fields.getFirst("language") == null ? "" : fields.getFirst("language"),
                "startFrom", fields.getFirst("startFrom") == null ? "" : fields.getFirst("startFrom"));
        if (!form.valid()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return listView(user, model, values, binder.errors(form));
        }
        StartCycleForm start = form.value();
        CycleStarter.Outcome outcome = starter.start(user, start.code(), start.title(), start.language(),
                start.fromPrevious());
        if (!outcome.started()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return listView(user, model, values, outcome.errors());
        }
        redirect.addFlashAttribute("flash", messages.get("cycle.start.started"));
        return "redirect:/cycles/" + outcome.cycleId();
    }

    private String listView(CurrentUser user, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("cycles", cycles.findByCountry(user.countryIso3()));
        model.addAttribute("canStart", user.is(Role.COORDINATOR));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("languages", SupportedLanguages.CODES);
        // issue 16.3: the last endorsed report is offered (and chosen unless the coordinator said otherwise)
        PreviousReports.PreviousReport previous = user.is(Role.COORDINATOR)
                ? previousReports.latestEndorsed(user.countryIso3()).orElse(null) : null;
        model.addAttribute("previous", previous);
        Map<String, String> startFrom = new java.util.LinkedHashMap<>();
        if (previous != null) {
            // the report's title and key are isolated, as someone's text in any page's direction
            startFrom.put(StartCycleForm.PREVIOUS, messages.get("cycle.start.from.previous", previous.cycleTitle(),
                    previous.businessKey(), previous.versionNo()));
            model.addAttribute("startFromIsolated", Map.of(StartCycleForm.PREVIOUS,
                    java.util.List.of(previous.cycleTitle(), previous.businessKey())));
        }
        startFrom.put(StartCycleForm.EMPTY, messages.get("cycle.start.from.empty"));
        model.addAttribute("startFromOptions", startFrom);
        model.addAttribute("startFromChosen", values.getOrDefault("startFrom", "").isEmpty()
                ? startFrom.keySet().iterator().next() : values.get("startFrom"));
        return "cycle/list";
    }
}
