package org.gcmreview.reference;

import org.gcmreview.web.PublicPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/** Public pages presenting the GCM objectives and guiding principles that reports refer to. */
@Controller
@RequestMapping("/reference")
class ReferencePageController {

    private final ReferenceData referenceData;
    private final PublicPages pages;

    ReferencePageController(ReferenceData referenceData, PublicPages pages) {
        this.referenceData = referenceData;
        this.pages = pages;
    }

    // the reference data changes only with a deployment (a migration), and a deployment changes the tags
    @GetMapping("/objectives")
    String objectives(Model model, ServletWebRequest request) {
        if (pages.notModifiedUntilRedeployed(request, "objectives")) {
            return null;
        }
        model.addAttribute("objectives", referenceData.objectives());
        return "reference/objectives";
    }

    @GetMapping("/principles")
    String principles(Model model, ServletWebRequest request) {
        if (pages.notModifiedUntilRedeployed(request, "principles")) {
            return null;
        }
        model.addAttribute("principles", referenceData.guidingPrinciples());
        return "reference/principles";
    }
}
