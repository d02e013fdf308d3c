package org.gcmreview.submission.publication;

/**
 * A report was published (again) or translated: announced in the change's transaction, so that what a published
 * page looked up is forgotten ({@link PublishedLookups}).
 */
record PublishedReportChanged(long cycleId) {
}
