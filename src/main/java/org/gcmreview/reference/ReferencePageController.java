package org.gcmreview.reference;

import java.util.Map;

import org.gcmreview.web.PublicPages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Public pages presenting the GCM objectives and guiding principles that reports refer to. The reference data
 * changes only with a deployment (a migration), and a deployment changes the pages' tags: an anonymous reader gets
 * the page rendered once per language and build ({@link PublicPages#pageUntilRedeployed}).
 */
@Controller
@RequestMapping("/reference")
class ReferencePageController {

    private final ReferenceData referenceData;
    private final PublicPages pages;

    ReferencePageController(ReferenceData referenceData, PublicPages pages) {
        this.referenceData = referenceData;
        this.pages = pages;
    }

    @GetMapping("/objectives")
    ModelAndView objectives(ServletWebRequest request) {
        return pages.pageUntilRedeployed(request, "reference/objectives", "/reference/objectives",
                () -> Map.of("objectives", referenceData.objectives()), "objectives");
    }

    @GetMapping("/principles")
    ModelAndView principles(ServletWebRequest request) {
        return pages.pageUntilRedeployed(request, "reference/principles", "/reference/principles",
                () -> Map.of("principles", referenceData.guidingPrinciples()), "principles");
    }
}
