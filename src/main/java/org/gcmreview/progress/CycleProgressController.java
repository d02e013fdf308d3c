package org.gcmreview.progress;

import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A cycle's progress page, for the country's coordinator and ministries. */
@Controller
class CycleProgressController {

    private final ReviewCycles cycles;
    private final CycleProgressQuery progress;
    private final CycleStory story;

    CycleProgressController(ReviewCycles cycles, CycleProgressQuery progress, CycleStory story) {
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
        return "cycle/progress";
    }
}
