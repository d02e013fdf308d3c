/**
 * Camunda user tasks as pages: the inbox, one entry point for every task form, claiming and completing in one
 * transaction with the form's writes.
 * <p>Owns no table of its own (Camunda's {@code ACT_*} tables through its API). Offers
 * {@link org.gcmreview.tasks.TaskForm}, which each feature implements for its form keys, and
 * {@link org.gcmreview.tasks.TaskAccess}.
 */
package org.gcmreview.tasks;
