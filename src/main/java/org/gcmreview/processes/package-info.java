/**
 * The names Java shares with the BPMN files in {@code processes/}: for each process its id, the activity ids, message
 * names and variables that Java uses, each named once (one class per process). {@code ProcessNamesTest} checks them
 * against the BPMN files.
 * <p>Owns no table. Offers {@link org.gcmreview.processes.NationalReview},
 * {@link org.gcmreview.processes.StakeholderConsultation}, {@link org.gcmreview.processes.RegionalReview} and
 * {@link org.gcmreview.processes.ImrfReview}; depends on nothing.
 */
package org.gcmreview.processes;
