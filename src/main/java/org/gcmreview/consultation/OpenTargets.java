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
        return possible().contains(target) && (chosen == null || chosen.contains(target));
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
