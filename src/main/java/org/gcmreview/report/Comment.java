package org.gcmreview.report;

import java.time.Instant;
import java.util.List;

/**
 * An internal comment on a report section or on a ministry's contribution (issue 16.2), with its replies when it
 * opens a thread (one level: a reply has none). Never published.
 *
 * @param sectionId the section commented on, or null for a contribution's comment
 * @param contributionId the contribution commented on, or null for a section's comment
 * @param parentId the thread's opening comment for a reply, null for an opening comment
 * @param revisionNo the revision of the text the comment was made on (0: before the first save)
 * @param subjectTitle the section's title, or the contribution's objective and ministry, for lists
 */
public record Comment(
        long id,
        long cycleId,
        Long sectionId,
        Long contributionId,
        Long parentId,
        int revisionNo,
        String body,
        long authorId,
        String authorName,
        Instant createdAt,
        Instant resolvedAt,
        String resolvedByName,
        String subjectTitle,
        List<Comment> replies) {

    public Comment {
        replies = replies == null ? List.of() : List.copyOf(replies);
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    public boolean onSection() {
        return sectionId != null;
    }

    /** The thread page's path, e.g. /cycles/4/sections/9/comments. */
    public String threadPath() {
        return "/cycles/" + cycleId + (onSection() ? "/sections/" + sectionId : "/contributions/" + contributionId)
                + "/comments";
    }

    Comment withReplies(List<Comment> list) {
        return new Comment(id, cycleId, sectionId, contributionId, parentId, revisionNo, body, authorId, authorName,
                createdAt, resolvedAt, resolvedByName, subjectTitle, list);
    }
}
