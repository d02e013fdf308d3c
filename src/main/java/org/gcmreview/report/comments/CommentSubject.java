package org.gcmreview.report.comments;

import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.report.SectionContent;

/**
 * What a thread is about: a report section ({@code section} true) or a ministry's contribution, checked to be
 * one the user may comment on.
 *
 * @param objectiveNumber the objective, null for a section that is not an objective's
 * @param ministryId the contribution's ministry, null for a section
 */
public record CommentSubject(ReviewCycle cycle, boolean section, long id, String title, Integer objectiveNumber,
        Long ministryId, SectionContent content, int revision) {

    public String path() {
        return "/cycles/" + cycle.id() + (section ? "/sections/" : "/contributions/") + id + "/comments";
    }

    public String historyPath() {
        return "/cycles/" + cycle.id() + (section ? "/sections/" : "/contributions/") + id + "/history";
    }
}
