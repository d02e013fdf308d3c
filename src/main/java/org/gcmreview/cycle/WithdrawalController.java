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

/** The coordinator withdraws the cycle: a page that says what will happen and asks why, then the withdrawal. */
@Controller
class WithdrawalController {

    private final ReviewCycles cycles;
    private final CycleWithdrawals withdrawals;
    private final CycleMessages messages;

    WithdrawalController(ReviewCycles cycles, CycleWithdrawals withdrawals, CycleMessages messages) {
        this.cycles = cycles;
        this.withdrawals = withdrawals;
        this.messages = messages;
    }

    @GetMapping("/cycles/{id}/withdraw")
    String confirm(@PathVariable long id, CurrentUser user, Model model) {
        return page(cycles.findSteerable(id, user), model, "", Map.of());
    }

    @PostMapping("/cycles/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ReviewCycle cycle = cycles.findSteerable(id, user);
        try {
            Map<String, String> errors = withdrawals.withdraw(id, user, reason);
            if (!errors.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return page(cycle, model, reason, errors);
            }
            redirect.addFlashAttribute("flash", messages.get("cycle.withdraw.done"));
        } catch (WithdrawalRefusedException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(cycle, model, reason, Map.of("form", e.getMessage()));
        }
        return "redirect:/cycles/" + id;
    }

    private String page(ReviewCycle cycle, Model model, String reason, Map<String, String> errors) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("withdrawable", withdrawals.withdrawable(cycle));
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("reasonMax", CycleWithdrawals.REASON_MAX);
        model.addAttribute("errors", errors);
        return "cycle/withdraw";
    }
}
