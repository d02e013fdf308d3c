/**
 * The national stakeholder consultation: the window (stakeholder-consultation process), the public pages and input
 * forms, intake with rate limits and e-mail confirmation, moderation, exports, the coordinator's responses and the
 * "what we heard" report; stakeholder organisations and their registration ({@code organisation}, internal).
 * <p>Owns the tables {@code consultation_window}, {@code consultation_open_target}, {@code consultation_extension},
 * {@code consultation_input}, {@code submission_rate_event} and {@code organisation}. Offers nothing other
 * modules call; the published report reads its inputs in SQL (a known exception, see docs/architecture.md).
 */
package org.gcmreview.consultation;
