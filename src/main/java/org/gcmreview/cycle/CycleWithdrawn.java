package org.gcmreview.cycle;

/**
 * Published, synchronously and inside the withdrawal's transaction (national-review, WithdrawReview), when a
 * coordinator withdraws a cycle. Listeners close what their module keeps open for the cycle (the consultation with
 * a public notice, open submissions); a listener that fails undoes the withdrawal.
 */
public record CycleWithdrawn(long cycleId, String countryIso3, String reason) {
}
