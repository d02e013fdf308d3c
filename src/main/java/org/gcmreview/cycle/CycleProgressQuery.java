package org.gcmreview.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gcmreview.reference.Objective;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.report.Contribution;
import org.gcmreview.report.Contributions;
import org.gcmreview.report.ReportVersions;
import org.springframework.stereotype.Service;

/** Assembles {@link CycleProgress} from the cycle's scope and contributions. */
@Service
class CycleProgressQuery {

    private final Ministries ministries;
    private final CycleScopes scopes;
    private final Contributions contributions;
    private final ReportVersions versions;
    private final ReferenceData reference;

    CycleProgressQuery(Ministries ministries, CycleScopes scopes, Contributions contributions,
            ReportVersions versions, ReferenceData reference) {
        this.ministries = ministries;
        this.scopes = scopes;
        this.contributions = contributions;
        this.versions = versions;
        this.reference = reference;
    }

    CycleProgress of(ReviewCycle cycle) {
        List<Ministry> columns = ministries.findInCycle(cycle.id());
        List<Contribution> all = contributions.forCycle(cycle.id());
        Map<Long, List<Contribution>> byMinistry = all.stream()
                .collect(Collectors.groupingBy(Contribution::ministryId));
        List<CycleProgress.MinistryProgress> progress = columns.stream().map(m -> {
            List<Contribution> own = byMinistry.getOrDefault(m.id(), List.of());
            int submitted = (int) own.stream().filter(Contribution::submitted).count();
            return new CycleProgress.MinistryProgress(m, submitted, own.size());
        }).toList();
        List<CycleProgress.ObjectiveRow> rows = new ArrayList<>();
        for (int number : scopes.objectives(cycle.id())) {
            List<Contribution> cells = new ArrayList<>();
            for (Ministry m : columns) {
                cells.add(all.stream().filter(c -> c.objectiveNumber() == number && c.ministryId() == m.id())
                        .findFirst().orElse(null));
            }
            String title = reference.objective(number).map(Objective::shortTitle).orElse("");
            rows.add(new CycleProgress.ObjectiveRow(number, title, cells));
        }
        return new CycleProgress(cycle, progress, columns, rows, versions.all(cycle.id()));
    }
}
