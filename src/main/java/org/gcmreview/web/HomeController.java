package org.gcmreview.web;

import org.gcmreview.identity.LoginThrottling;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final LoginThrottling throttling;

    HomeController(LoginThrottling throttling) {
        this.throttling = throttling;
    }

    @GetMapping("/")
    String home() {
        return "web/home";
    }

    @GetMapping("/login")
    String login(Model model) {
        // shown when signing in is paused after too many failures (/login?locked)
        model.addAttribute("lockMinutes", throttling.lockDuration().toMinutes());
        return "web/login";
    }
}
