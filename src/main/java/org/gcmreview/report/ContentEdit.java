package org.gcmreview.report;

/**
 * A user's complete edit of one section or contribution.
 *
 * @param baseVersion the lock_version the user's form was loaded with
 */
record ContentEdit(long id, SectionContent content, int baseVersion) {
}
