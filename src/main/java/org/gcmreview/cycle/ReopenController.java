package org.gcmreview.cycle;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's list of withdrawn cycles, each with its reason, and reopening one withdrawn by mistake
 * (/admin/** is for administrators only, SecurityConfiguration). Shows what the public notice shows, no report.
 */
@Controller
class ReopenController {

    private final CycleWithdrawals withdrawals;
    private final CycleMessages messages;

    ReopenController(CycleWithdrawals withdrawals, CycleMessages messages) {
        this.withdrawals = withdrawals;
        this.messages = messages;
    }

    @GetMapping("/admin/withdrawn-cycles")
    String list(Model model) {
        return page(model, null, "", Map.of());
    }

    @PostMapping("/admin/withdrawn-cycles/{cycleId}/reopen")
    String reopen(@PathVariable long cycleId, @RequestParam(required = false) String reason, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Map<String, String> errors = withdrawals.reopen(cycleId, user, reason);
            if (!errors.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return page(model, cycleId, reason, errors);
            }
        } catch (WithdrawalRefusedException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(model, cycleId, reason, Map.of("form", e.getMessage()));
        }
        redirect.addFlashAttribute("flash", messages.get("cycle.reopen.done"));
        return "redirect:/admin/withdrawn-cycles";
    }

    private String page(Model model, Long failedCycleId, String reason, Map<String, String> errors) {
        model.addAttribute("withdrawals", withdrawals.waitingToBeReopened());
        model.addAttribute("failedCycleId", failedCycleId);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("reasonMax", CycleWithdrawals.REASON_MAX);
        model.addAttribute("errors", errors);
        return "cycle/withdrawn";
    }
}
