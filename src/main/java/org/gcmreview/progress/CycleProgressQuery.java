package org.gcmreview.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.gcmreview.cycle.CycleScopes;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.reference.Objective;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.report.Contribution;
import org.gcmreview.report.Contributions;
import org.gcmreview.report.ImplementationStatus;
import org.gcmreview.report.ReportSection;
import org.gcmreview.report.ReportSections;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.SignOffDecisions;
import org.springframework.stereotype.Service;

/** Assembles {@link CycleProgress} from the cycle's scope, contributions, report and decisions. */
@Service
class CycleProgressQuery {

    private final Ministries ministries;
    private final CycleScopes scopes;
    private final Contributions contributions;
    private final ReportSections sections;
    private final SignOffDecisions decisions;
    private final ReportVersions versions;
    private final ReferenceData reference;

    CycleProgressQuery(Ministries ministries, CycleScopes scopes, Contributions contributions,
            ReportSections sections, SignOffDecisions decisions, ReportVersions versions, ReferenceData reference) {
        this.ministries = ministries;
        this.scopes = scopes;
        this.contributions = contributions;
        this.sections = sections;
        this.decisions = decisions;
        this.versions = versions;
        this.reference = reference;
    }

    CycleProgress of(ReviewCycle cycle) {
        List<Contribution> all = contributions.forCycle(cycle.id());
        Map<Long, List<Contribution>> byMinistry = all.stream()
                .collect(Collectors.groupingBy(Contribution::ministryId));
        List<CycleProgress.MinistryProgress> progress = ministries.findInCycle(cycle.id()).stream().map(m -> {
            List<Contribution> own = byMinistry.getOrDefault(m.id(), List.of());
            int drafted = (int) own.stream().filter(Contribution::drafted).count();
            int submitted = (int) own.stream().filter(Contribution::submitted).count();
            return new CycleProgress.MinistryProgress(m, drafted, submitted, own.size());
        }).toList();

        List<String> columns = new ArrayList<>();
        columns.add(null);
        for (ImplementationStatus status : ImplementationStatus.values()) {
            columns.add(status.name());
        }
        Map<Integer, String> reportStatus = sections.forCycle(cycle.id()).stream()
                .filter(s -> s.objective() && s.status() != null)
                .collect(Collectors.toMap(ReportSection::objectiveNumber, ReportSection::status));
        List<CycleProgress.ObjectiveRow> rows = new ArrayList<>();
        for (int number : scopes.objectives(cycle.id())) {
            List<List<Contribution>> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(all.stream().filter(c -> c.objectiveNumber() == number)
                        .filter(c -> Objects.equals(c.status(), column)).toList());
            }
            String title = reference.objective(number).map(Objective::shortTitle).orElse("");
            rows.add(new CycleProgress.ObjectiveRow(number, title, cells, reportStatus.get(number)));
        }
        return new CycleProgress(cycle, progress, columns, rows, decisions.all(cycle.id()),
                versions.all(cycle.id()));
    }
}
