package org.gcmreview.reference;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Public pages presenting the GCM objectives and guiding principles that reports refer to. */
@Controller
@RequestMapping("/reference")
class ReferencePageController {

    private final ReferenceData referenceData;

    ReferencePageController(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    @GetMapping("/objectives")
    String objectives(Model model) {
        model.addAttribute("objectives", referenceData.objectives());
        return "reference/objectives";
    }

    @GetMapping("/principles")
    String principles(Model model) {
        model.addAttribute("principles", referenceData.guidingPrinciples());
        return "reference/principles";
    }
}
