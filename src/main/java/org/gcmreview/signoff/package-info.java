/**
 * Inter-ministerial sign-off of the consolidated report (with the request-changes loop) and the coordinator's
 * endorsement of the frozen version.
 * <p>Owns the tables {@code signoff_decision}, {@code signoff_requested_section} and {@code endorsement}. Offers
 * {@link org.gcmreview.signoff.SignOffDecisions} and {@link org.gcmreview.signoff.Endorsements} to read them.
 */
package org.gcmreview.signoff;
