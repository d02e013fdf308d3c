package org.gcmreview.progress;

import java.util.ArrayList;
import java.util.List;

import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.reference.GuidingPrinciple;
import org.gcmreview.reference.Objective;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.report.Contribution;
import org.gcmreview.report.Contributions;
import org.gcmreview.report.FollowUpItem;
import org.gcmreview.report.FollowUpItems;
import org.gcmreview.report.ReportSection;
import org.gcmreview.report.ReportSections;
import org.springframework.stereotype.Service;

/** Assembles {@link ReportEvidence} from the cycle's report sections and follow-up items. */
@Service
class ReportEvidenceQuery {

    private final ReportSections sections;
    private final FollowUpItems followUps;
    private final Contributions contributions;
    private final ReferenceData reference;

    ReportEvidenceQuery(ReportSections sections, FollowUpItems followUps, ReferenceData reference,
            Contributions contributions) {
        this.contributions = contributions;
        this.sections = sections;
        this.followUps = followUps;
        this.reference = reference;
    }

    ReportEvidence of(ReviewCycle cycle) {
        List<ReportSection> report = sections.forCycle(cycle.id());
        List<GuidingPrinciple> principles = reference.guidingPrinciples();
        int carried = 0;
        int drafted = 0;
        int empty = 0;
        List<ReportEvidence.Row> rows = new ArrayList<>();
        for (ReportSection s : report) {
            if (s.carriedOver()) {
                carried++;
            } else if (s.content().isEmpty()) {
                empty++;
            } else {
                drafted++;
            }
            if (s.objective()) {
                String title = reference.objective(s.objectiveNumber()).map(Objective::shortTitle).orElse(s.title());
                rows.add(new ReportEvidence.Row(s.objectiveNumber(), title, s.carriedOver(), principles.stream()
                        .map(p -> s.content().principles().contains(p.number())).toList()));
            }
        }
        List<FollowUpItem> items = followUps.forCycle(cycle.id());
        return new ReportEvidence(carried, drafted, empty, items.size(),
                (int) items.stream().filter(FollowUpItem::recorded).count(), principles, rows,
                contributionCounts(contributions.forCycle(cycle.id())));
    }

    /** Issue 16.3 for the ministries: their contributions counted apart in the same three groups. */
    private static ReportEvidence.Contributions contributionCounts(List<Contribution> all) {
        int carried = (int) all.stream().filter(Contribution::carriedOver).count();
        int empty = (int) all.stream().filter(c -> !c.carriedOver() && c.content().isEmpty()).count();
        return new ReportEvidence.Contributions(carried, all.size() - carried - empty, empty);
    }
}
