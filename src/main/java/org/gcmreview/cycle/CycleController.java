package org.gcmreview.cycle;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.web.SupportedLanguages;
import org.springframework.stereotype.Controller;
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

    CycleController(ReviewCycles cycles, CycleStarter starter, CycleMessages messages) {
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
    String start(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String language, CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        CycleStarter.Outcome outcome = starter.start(user, code, title, language);
        if (!outcome.started()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return listView(user, model, Map.of("code", code, "title", title, "language", language),
                    outcome.errors());
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
        return "cycle/list";
    }
}
