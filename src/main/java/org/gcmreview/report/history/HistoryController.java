package org.gcmreview.report.history;

import org.gcmreview.report.Comments;
import org.gcmreview.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Revision history and word-level differences of report sections and ministry contributions. */
@Controller
class HistoryController {

    private final RevisionHistory history;
    private final Comments comments;

    HistoryController(RevisionHistory history, Comments comments) {
        this.history = history;
        this.comments = comments;
    }

    @GetMapping("/cycles/{cycleId}/sections/{sectionId}/history")
    String sectionHistory(@PathVariable long cycleId, @PathVariable long sectionId, CurrentUser user, Model model) {
        return showHistory(history.section(cycleId, sectionId, user), model);
    }

    @GetMapping("/cycles/{cycleId}/sections/{sectionId}/diff")
    String sectionDiff(@PathVariable long cycleId, @PathVariable long sectionId, @RequestParam int from,
            @RequestParam int to, CurrentUser user, Model model) {
        return showDiff(history.section(cycleId, sectionId, user), from, to, model);
    }

    @GetMapping("/cycles/{cycleId}/contributions/{contributionId}/history")
    String contributionHistory(@PathVariable long cycleId, @PathVariable long contributionId, CurrentUser user,
            Model model) {
        return showHistory(history.contribution(cycleId, contributionId, user), model);
    }

    @GetMapping("/cycles/{cycleId}/contributions/{contributionId}/diff")
    String contributionDiff(@PathVariable long cycleId, @PathVariable long contributionId, @RequestParam int from,
            @RequestParam int to, CurrentUser user, Model model) {
        return showDiff(history.contribution(cycleId, contributionId, user), from, to, model);
    }

    private String showHistory(HistorySubject subject, Model model) {
        model.addAttribute("subject", subject);
        model.addAttribute("revisions", history.revisions(subject));
        // issue 16.2: the comments made on each revision (internal: this page is the country team's only)
        model.addAttribute("commentsByRevision", comments.byRevision(subject.kind() == HistorySubject.Kind.SECTION,
                subject.id()));
        return "report/history/history";
    }

    private String showDiff(HistorySubject subject, int from, int to, Model model) {
        model.addAttribute("subject", subject);
        model.addAttribute("comparison", history.compare(subject, from, to));
        return "report/history/diff";
    }
}
