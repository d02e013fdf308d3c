package org.gcmreview.submission;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.report.ReportVersions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The secretariats' workspace: what was submitted to their rounds, and one cycle's submissions. */
@Controller
class SecretariatController {

    private final SecretariatWorkspace workspace;
    private final ReviewRounds rounds;
    private final ReviewCycles cycles;
    private final Submissions submissions;
    private final ReportVersions versions;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    SecretariatController(SecretariatWorkspace workspace, ReviewRounds rounds, ReviewCycles cycles,
            Submissions submissions, ReportVersions versions, ObjectMapper json) {
        this.workspace = workspace;
        this.rounds = rounds;
        this.cycles = cycles;
        this.submissions = submissions;
        this.versions = versions;
        this.json = json;
    }

    @GetMapping("/secretariat")
    String workspace(CurrentUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        if (user.is(Role.REGIONAL_SECRETARIAT)) {
            model.addAttribute("heading", "Regional review " + user.commissionCode());
            model.addAttribute("rounds", rounds.forCommission(user.commissionCode()));
            model.addAttribute("rows", workspace.regional(user.commissionCode(), today));
        } else if (user.is(Role.IMRF_SECRETARIAT)) {
            model.addAttribute("heading", "International Migration Review Forum");
            model.addAttribute("rounds", rounds.imrfEditions());
            model.addAttribute("rows", workspace.imrf(today));
        } else {
            throw new AccessDeniedException("The workspace is for the regional and IMRF secretariats");
        }
        model.addAttribute("today", today);
        return "submission/secretariat";
    }

    /** One submitted cycle as its secretariat sees it: its submissions and the latest version it received. */
    @GetMapping("/secretariat/cycles/{id}")
    String cycle(@PathVariable long id, CurrentUser user, Model model) {
        if (!user.is(Role.REGIONAL_SECRETARIAT) && !user.is(Role.IMRF_SECRETARIAT)) {
            throw new AccessDeniedException("The workspace is for the regional and IMRF secretariats");
        }
        ReviewCycle cycle = cycles.findVisible(id, user);
        RoundKind kind = user.is(Role.REGIONAL_SECRETARIAT) ? RoundKind.REGIONAL : RoundKind.IMRF;
        List<Submission> history = submissions.forCycle(id).stream().filter(s -> s.kind() == kind).toList();
        model.addAttribute("cycle", cycle);
        model.addAttribute("history", history);
        if (!history.isEmpty()) {
            Submission latest = history.get(history.size() - 1);
            model.addAttribute("latest", latest);
            model.addAttribute("report", FrozenReport.parse(json,
                    versions.find(latest.reportVersionId()).orElseThrow().content()));
        }
        return "submission/secretariat-cycle";
    }
}
