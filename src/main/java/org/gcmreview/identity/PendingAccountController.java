package org.gcmreview.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The one page a pending account sees; anybody else signed in is sent on to their start page. */
@Controller
class PendingAccountController {

    @GetMapping(PendingAccountGate.PAGE)
    String page(CurrentUser user, Model model) {
        if (!user.is(Role.PENDING)) {
            return "redirect:/";
        }
        model.addAttribute("account", user);
        return "identity/pending";
    }
}
