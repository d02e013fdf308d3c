package org.gcmreview.cycle;

/**
 * Published, synchronously and inside the transaction that changed it, when a cycle's plan changed (issue 14.1):
 * a module that keeps planned dates of its own (the consultation window's) follows the new plan.
 */
public record CyclePlanChanged(long cycleId, CyclePlan before, CyclePlan plan) {
}
