package org.gcmreview.cycle;

import java.util.List;

import org.gcmreview.reference.Objective;

/**
 * Published, synchronously and inside the scoping transaction, once a cycle's scope is stored: its objectives and
 * ministry assignments exist. Listeners set up what other modules keep per objective (the report's sections, the
 * ministries' contributions); a listener that fails undoes the scoping.
 *
 * @param carriedFromVersionId the endorsed report version the coordinator chose to start from when starting the
 *        cycle (issue 16.3), or null for an empty report
 * @param scopedBy the coordinator who scoped it (user id and user name), the author of what is carried over
 */
public record CycleScoped(long cycleId, List<Objective> objectives, Long carriedFromVersionId, long scopedBy,
        String scopedByUsername) {

    /** A cycle started empty, scoped by nobody in particular (tests). */
    public CycleScoped(long cycleId, List<Objective> objectives) {
        this(cycleId, objectives, null, 0, "");
    }
}
