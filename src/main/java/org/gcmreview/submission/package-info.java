/**
 * After endorsement: the hand-over to regional review rounds and IMRF editions (national-review's sending steps,
 * the regional-review and imrf-review processes), the secretariats' workspace, synthesis and exports, and, in
 * internal sub-packages, the secretariats' read-only JSON API and tokens ({@code api}), the review calendar
 * ({@code calendar}) and publication ({@code publication}).
 * <p>Owns the tables {@code review_round}, {@code submission}, {@code submission_handover} and
 * {@code secretariat_api_token}. Offers {@link org.gcmreview.submission.ReviewRounds} and
 * {@link org.gcmreview.submission.Submissions} to read them.
 */
package org.gcmreview.submission;
