package org.gcmreview.signoff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.report.ReportEditingForm;
import org.gcmreview.report.Comments;
import org.gcmreview.report.ReportEditorParts;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * "Revise the requested sections": the report editor with the ministries' requests of the last round. The
 * sections they named come first, each with the requests and reasons that concern it; the rest of the report
 * follows, still editable.
 */
@Component
class ReviseRequestedSectionsForm extends ReportEditingForm {

    private final SignOffDecisions decisions;

    private final Comments comments;

    ReviseRequestedSectionsForm(ReportEditorParts parts, SignOffDecisions decisions, Comments comments) {
        super(parts);
        this.comments = comments;
        this.decisions = decisions;
    }

    @Override
    public String formKey() {
        return "revise-requested-sections";
    }

    @Override
    protected String purposeKey() {
        return "report.purpose.requested";
    }

    @Override
    protected String sendLabelKey() {
        return "report.send.requested";
    }

    @Override
    protected String sentAction() {
        return "REPORT_REVISED_FOR_SIGNOFF";
    }

    @Override
    protected Set<Long> shownFirst(ReviewCycle cycle) {
        return decisions.latestChangeRequests(cycle.id()).stream().flatMap(d -> d.sections().stream())
                .map(SignOffDecision.NamedSection::id).collect(Collectors.toSet());
    }

    @Override
    protected void addContext(ReviewCycle cycle, Model model) {
        List<SignOffDecision> requests = decisions.latestChangeRequests(cycle.id());
        Map<Long, List<SignOffDecision>> bySection = new LinkedHashMap<>();
        for (SignOffDecision request : requests) {
            for (SignOffDecision.NamedSection section : request.sections()) {
                bySection.computeIfAbsent(section.id(), k -> new ArrayList<>()).add(request);
            }
        }
        model.addAttribute("changeRequests", requests);
        model.addAttribute("requestsBySection", bySection);
        // the comments each request points at (issue 16.2)
        model.addAttribute("commentsByDecision", comments.linkedToDecisions(requests.stream()
                .map(SignOffDecision::id).toList()));
    }
}
