package org.gcmreview.cycle;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The country's review cycles: the list, starting a new cycle, and a cycle's progress. */
@Controller
@RequestMapping("/cycles")
class CycleController {

    private final ReviewCycles cycles;
    private final CycleStarter starter;
    private final CycleProgressQuery progress;
    private final CycleMessages messages;
    private final CycleStory story;

    CycleController(ReviewCycles cycles, CycleStarter starter, CycleProgressQuery progress, CycleMessages messages,
            CycleStory story) {
        this.messages = messages;
        this.story = story;
        this.cycles = cycles;
        this.starter = starter;
        this.progress = progress;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        requireCountryTeam(user);
        return listView(user, model, Map.of(), Map.of());
    }

    @PostMapping
    String start(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String title,
            CurrentUser user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CycleStarter.Outcome outcome = starter.start(user, code, title);
        if (!outcome.started()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return listView(user, model, Map.of("code", code, "title", title), outcome.errors());
        }
        redirect.addFlashAttribute("flash", messages.get("cycle.start.started"));
        return "redirect:/cycles/" + outcome.cycleId();
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, CurrentUser user, Model model) {
        requireCountryTeam(user);
        ReviewCycle cycle = cycles.findVisible(id, user);
        model.addAttribute("progress", progress.of(cycle));
        model.addAttribute("story", story.of(cycle, user));
        return "cycle/progress";
    }

    private String listView(CurrentUser user, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("cycles", cycles.findByCountry(user.countryIso3()));
        model.addAttribute("canStart", user.is(Role.COORDINATOR));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "cycle/list";
    }

    /** Cycles in the making are the business of the country's coordinator and ministries only. */
    private static void requireCountryTeam(CurrentUser user) {
        if (!user.is(Role.COORDINATOR) && !user.is(Role.MINISTRY)) {
            throw new AccessDeniedException("Review cycles are visible to the country's coordinator and ministries");
        }
    }
}
