/**
 * After endorsement: the hand-over to regional review rounds and IMRF editions (national-review's sending steps,
 * the regional-review and imrf-review processes), the secretariats' workspace, synthesis and exports. The root
 * package is the module's API and the core the steps share (rounds, submissions, the round processes, the
 * secretariats' access rule and task-form base); the internal sub-packages are the stages: {@code handover}
 * (national hand-over), {@code regional} (regional review), {@code imrf}, {@code workspace} (the secretariats'
 * pages, synthesis, exports), {@code calendar}, {@code publication} and {@code api} (the secretariats' read-only
 * JSON API and tokens).
 * <p>Owns the tables {@code review_round}, {@code submission}, {@code submission_handover} and
 * {@code secretariat_api_token}. Offers {@link org.gcmreview.submission.ReviewRounds} and
 * {@link org.gcmreview.submission.Submissions} to read them.
 */
package org.gcmreview.submission;
