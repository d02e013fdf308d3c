package org.gcmreview.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.CycleScoped;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.springframework.stereotype.Component;

/**
 * Builds a newly scoped report on the endorsed version the coordinator chose when starting the cycle (issue
 * 16.3): every section of the new report the old one had (same kind, same objective) starts with its text,
 * structured fields, indicators and principles, as the section's first revision, marked "carried over"; the
 * ministries' contributions start from the old report's section of their objective, marked the same way; the
 * old report's "Next steps" become the new cycle's follow-up items. Sections and objectives the old report
 * did not have start empty.
 */
@Component
class CarryOver {

    private final ReportVersions versions;
    private final ReportSections sections;
    private final Contributions contributions;
    private final FollowUpItems followUps;
    private final ReviewCycles cycles;
    private final AuditLog audit;

    CarryOver(ReportVersions versions, ReportSections sections, Contributions contributions,
            FollowUpItems followUps, ReviewCycles cycles,
            AuditLog audit) {
        this.versions = versions;
        this.sections = sections;
        this.contributions = contributions;
        this.followUps = followUps;
        this.cycles = cycles;
        this.audit = audit;
    }

    void apply(CycleScoped scoped) {
        ReportVersion version = versions.find(scoped.carriedFromVersionId()).orElseThrow();
        List<FrozenSection> previous = versions.sections(version);
        int carried = 0;
        for (ReportSection section : sections.forCycle(scoped.cycleId())) {
            Optional<FrozenSection> before = previous.stream()
                    .filter(p -> section.kind().name().equals(p.kind())
                            && Objects.equals(section.objectiveNumber(), p.objective()))
                    .findFirst();
            SectionContent content = before.map(FrozenSection::content)
                    .map(c -> section.objective() ? c : SectionContent.narrativeOnly(c.narrative()))
                    .orElse(SectionContent.EMPTY);
            if (!content.isEmpty()) {
                sections.carryOver(section.id(), content, scoped.scopedBy());
                carried++;
            }
        }
        // each ministry's contribution starts from the old report's section of its objective, tags included
        int carriedContributions = 0;
        for (Contribution contribution : contributions.forCycle(scoped.cycleId())) {
            Optional<SectionContent> before = previous.stream()
                    .filter(p -> SectionKind.OBJECTIVE.name().equals(p.kind())
                            && Objects.equals(contribution.objectiveNumber(), p.objective()))
                    .findFirst().map(FrozenSection::content).filter(c -> !c.isEmpty());
            if (before.isPresent()) {
                contributions.carryOver(contribution.id(), before.get(), scoped.scopedBy());
                carriedContributions++;
            }
        }
        String nextSteps = previous.stream().filter(p -> SectionKind.NEXT_STEPS.name().equals(p.kind()))
                .map(FrozenSection::body).filter(Objects::nonNull).findFirst().orElse("");
        int items = followUps.create(scoped.cycleId(), version.id(), nextSteps);
        ReviewCycle cycle = cycles.findById(scoped.cycleId()).orElseThrow();
        audit.record(AuditEntry.of(scoped.scopedByUsername(), "REPORT_CARRIED_OVER", cycle.countryIso3(),
                "review_cycle", cycle.id(), carried + " sections and " + carriedContributions
                        + " contributions carried over and " + items + " follow-up items from report version " + version.id()));
    }
}
