package org.gcmreview.report;

/**
 * One row of a task list (issue 16.5): a section of the form, its status and where to go to work on it.
 *
 * @param anchor the id of the row (errors on the "check your answers" page link to it)
 * @param href the section of the form, null while it cannot start yet
 */
public record TaskListItem(long id, String anchor, String title, TaskStatus status, String href) {
}
