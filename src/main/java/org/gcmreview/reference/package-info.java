/**
 * The GCM reference data: objectives with their actions and SDG targets, guiding principles, member states,
 * regional commissions and stakeholder types; public pages and JSON of the objectives.
 * <p>Owns the tables {@code objective}, {@code objective_action}, {@code objective_sdg_target},
 * {@code guiding_principle}, {@code country}, {@code regional_commission} and {@code stakeholder_type} (filled by
 * Flyway, read only). Offers {@link org.gcmreview.reference.ReferenceData}.
 */
package org.gcmreview.reference;
