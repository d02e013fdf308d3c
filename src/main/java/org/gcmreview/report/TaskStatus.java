package org.gcmreview.report;

/**
 * The status of one section in a person's task list (GOV.UK "complete multiple tasks" pattern, issue 16.5). The
 * rules, also explained on the pages:
 * <ul>
 * <li>a ministry's contribution for an objective: <em>completed</em> once it has an implementation status and a
 * narrative (what submitting needs), <em>in progress</em> once anything is written, otherwise <em>not
 * started</em>;</li>
 * <li>a report section, for the coordinator: <em>completed</em> once its text (and, for an objective, its status)
 * is given, <em>in progress</em> once anything is written; an empty objective section <em>cannot start yet</em>
 * while a ministry assigned to the objective is still drafting its contribution (consolidation starts from what
 * the ministries drafted; a ministry the coordinator went on without, or removed, is not waited for), otherwise it
 * is <em>not started</em>;</li>
 * <li>the last step of each list, "check your answers" and submit (or send the report on to sign-off),
 * <em>cannot start yet</em> until every section is completed, as in the GOV.UK pattern: submitting and the
 * sign-off depend on it; then it is <em>not started</em>.</li>
 * </ul>
 */
public enum TaskStatus {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED,
    CANNOT_START_YET;

    /** Message key of the status's words. */
    public String key() {
        return "tasklist.status." + name();
    }

    static TaskStatus of(Contribution c) {
        return c.drafted() ? COMPLETED : c.content().isEmpty() ? NOT_STARTED : IN_PROGRESS;
    }

    /** A report section whose objective's ministries all drafted (or were gone on without). */
    static TaskStatus of(ReportSection s, java.util.List<Contribution> drafts) {
        return of(s, drafts, java.util.Set.of());
    }

    /** The last step: it can start once every section is completed. */
    static TaskStatus finalStep(java.util.List<TaskListItem> sections) {
        return sections.stream().allMatch(t -> t.status() == COMPLETED) ? NOT_STARTED : CANNOT_START_YET;
    }

    /**
     * A report section, for the coordinator.
     *
     * @param stillDrafting the ministries whose drafting task is still open (not submitted, not gone on without,
     *        not removed): only their unsubmitted contributions keep an empty objective section waiting
     */
    static TaskStatus of(ReportSection s, java.util.List<Contribution> drafts, java.util.Set<Long> stillDrafting) {
        SectionContent content = s.content();
        if (!content.narrative().isEmpty() && (!s.objective() || content.hasStatus())) {
            return COMPLETED;
        }
        if (!content.isEmpty()) {
            return IN_PROGRESS;
        }
        boolean waiting = s.objective() && drafts != null
                && drafts.stream().anyMatch(c -> !c.submitted() && stillDrafting.contains(c.ministryId()));
        return waiting ? CANNOT_START_YET : NOT_STARTED;
    }
}
