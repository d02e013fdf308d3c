package org.gcmreview.web;

import org.gcmreview.identity.LoginThrottling;
import org.gcmreview.identity.SingleSignOn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class HomeController {

    private final LoginThrottling throttling;
    private final SingleSignOn singleSignOn;

    HomeController(LoginThrottling throttling, SingleSignOn singleSignOn) {
        this.throttling = throttling;
        this.singleSignOn = singleSignOn;
    }

    @GetMapping("/")
    String home() {
        return "web/home";
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "sso-refused", required = false) String ssoRefused, Model model) {
        // shown when signing in is paused after too many failures (/login?locked)
        model.addAttribute("lockMinutes", throttling.lockDuration().toMinutes());
        // the configured OpenID Connect providers, offered beside the form (none by default)
        model.addAttribute("providers", singleSignOn.offers());
        if (ssoRefused != null) {
            model.addAttribute("ssoRefused", singleSignOn.refusalMessage(ssoRefused));
        }
        return "web/login";
    }
}
