package org.gcmreview.cycle;

import java.util.List;

import org.gcmreview.reference.Objective;

/**
 * Published, synchronously and inside the scoping transaction, once a cycle's scope is stored: its objectives and
 * ministry assignments exist. Listeners set up what other modules keep per objective (the report's sections, the
 * ministries' contributions); a listener that fails undoes the scoping.
 */
public record CycleScoped(long cycleId, List<Objective> objectives) {
}
