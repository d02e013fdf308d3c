package org.gcmreview.reference;

import java.util.List;

/**
 * One of the 23 GCM objectives with its associated actions and the SDG targets the booklet relates to it.
 * {@code allSdgs} is true where the booklet calls every SDG relevant (objectives 2 and 19); the listed
 * targets are then only those it names explicitly.
 */
public record Objective(int number, String shortTitle, String title, boolean allSdgs, List<ObjectiveAction> actions,
        List<String> sdgTargets) {

    public Objective {
        actions = List.copyOf(actions);
        sdgTargets = List.copyOf(sdgTargets);
    }
}
