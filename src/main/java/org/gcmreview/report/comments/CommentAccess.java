package org.gcmreview.report.comments;

import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Deputies;
import org.gcmreview.identity.Role;
import org.gcmreview.report.Comment;
import org.gcmreview.report.Comments;
import org.gcmreview.report.Contribution;
import org.gcmreview.report.Contributions;
import org.gcmreview.report.DraftingMessages;
import org.gcmreview.report.ReportSection;
import org.gcmreview.report.ReportSections;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read and write comments (issue 16.2). Comments are internal to the country's government: its
 * coordinator and the ministries of the cycle (drafting and signing off) comment on the report's sections; a
 * contribution's comments are between its ministry and the coordinator. Stakeholders, secretariats and
 * administrators are refused (403) whatever they ask; another country's users, a ministry outside the cycle and
 * an id that is not the cycle's get "not found". A deputy standing in today for a ministry's focal point (out of
 * office) acts for that ministry here, as with its tasks.
 */
@Component
class CommentAccess {

    private final ReviewCycles cycles;
    private final ReportSections sections;
    private final Contributions contributions;
    private final Comments comments;
    private final DraftingMessages messages;
    private final Deputies deputies;

    CommentAccess(ReviewCycles cycles, ReportSections sections, Contributions contributions,
            Comments comments, DraftingMessages messages, Deputies deputies) {
        this.deputies = deputies;
        this.cycles = cycles;
        this.sections = sections;
        this.contributions = contributions;
        this.comments = comments;
        this.messages = messages;
    }

    CommentSubject section(long cycleId, long sectionId, CurrentUser user) {
        ReviewCycle cycle = cycle(cycleId, user);
        ReportSection s = sections.forCycle(cycle.id()).stream().filter(x -> x.id() == sectionId).findFirst()
                .orElseThrow(this::notFound);
        return new CommentSubject(cycle, true, s.id(), s.title(), s.objectiveNumber(), null, s.content(),
                s.lockVersion());
    }

    CommentSubject contribution(long cycleId, long contributionId, CurrentUser user) {
        ReviewCycle cycle = cycle(cycleId, user);
        Contribution c = contributions.forCycle(cycle.id()).stream().filter(x -> x.id() == contributionId)
                .findFirst().orElseThrow(this::notFound);
        if (user.is(Role.MINISTRY) && !actsFor(user, c.ministryId())) {
            throw notFound();
        }
        return new CommentSubject(cycle, false, c.id(), messages.get("comments.contributionTitle",
                String.valueOf(c.objectiveNumber()), c.objectiveTitle(), c.ministryName()), c.objectiveNumber(),
                c.ministryId(), c.content(), c.lockVersion());
    }

    /** A thread's opening comment (a reply's id is not a thread) and its subject, both checked for the user. */
    Thread thread(long cycleId, long commentId, CurrentUser user) {
        cycle(cycleId, user);
        Comment opening = comments.find(cycleId, commentId).filter(c -> c.parentId() == null)
                .orElseThrow(this::notFound);
        CommentSubject subject = opening.onSection() ? section(cycleId, opening.sectionId(), user)
                : contribution(cycleId, opening.contributionId(), user);
        return new Thread(opening, subject);
    }

    record Thread(Comment opening, CommentSubject subject) {
    }

    private ReviewCycle cycle(long cycleId, CurrentUser user) {
        if (!user.is(Role.COORDINATOR) && !user.is(Role.MINISTRY)) {
            throw new AccessDeniedException("Comments are internal to the country's coordinator and ministries");
        }
        ReviewCycle cycle = cycles.findById(cycleId).filter(c -> user.belongsToCountry(c.countryIso3()))
                .orElseThrow(this::notFound);
        // a ministry takes part in the cycle when it has a contribution (they are made from its assignments)
        if (user.is(Role.MINISTRY) && contributions.forCycle(cycleId).stream()
                .noneMatch(c -> actsFor(user, c.ministryId()))) {
            throw notFound();
        }
        return cycle;
    }

    /** The user's own ministry, or one whose focal point they stand in for today (out of office, V182). */
    private boolean actsFor(CurrentUser user, long ministryId) {
        return Long.valueOf(ministryId).equals(user.ministryId())
                || deputies.standsInForMinistry(user, ministryId, LocalDate.now(ZoneOffset.UTC));
    }

    private CommentNotFoundException notFound() {
        return new CommentNotFoundException(messages.get("comments.error.notFound"));
    }
}
