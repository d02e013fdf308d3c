package org.gcmreview.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a consultation window is open for: the objectives in scope and the general sections the coordinator
 * chose. Until the coordinator chooses, everything in the report is open.
 *
 * @param objectivesInScope the cycle's objectives, in order, with their short titles
 * @param chosen the coordinator's choice, or null when none was made
 */
record OpenTargets(List<ConsultationWindows.ObjectiveInScope> objectivesInScope, Set<InputTarget> chosen) {

    /** Every target the coordinator could open, in report order. */
    List<InputTarget> possible() {
        List<InputTarget> all = new ArrayList<>();
        objectivesInScope.forEach(o -> all.add(InputTarget.objective(o.number())));
        InputTarget.SECTION_KINDS.forEach(kind -> all.add(InputTarget.section(kind)));
        return all;
    }

    boolean isOpen(InputTarget target) {
        // without building possible(): the page asks this for every objective in scope (a list search of a new
        // list each time was a measurable part of the page at 23 objectives, issue 19.1, JFR)
        boolean possible = target.isObjective()
                ? objectivesInScope.stream().anyMatch(o -> o.number() == target.objectiveNumber())
                : InputTarget.SECTION_KINDS.contains(target.sectionKind());
        return possible && (chosen == null || chosen.contains(target));
    }

    List<ConsultationWindows.ObjectiveInScope> openObjectives() {
        return objectivesInScope.stream().filter(o -> isOpen(InputTarget.objective(o.number()))).toList();
    }

    List<String> openSections() {
        return InputTarget.SECTION_KINDS.stream().filter(kind -> isOpen(InputTarget.section(kind))).toList();
    }

    boolean everythingOpen() {
        return possible().stream().allMatch(this::isOpen);
    }
}
