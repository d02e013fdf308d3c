package org.gcmreview.report.comments;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Deputies;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.notices.NoticeKind;
import org.gcmreview.notices.NoticeText;
import org.gcmreview.notices.Notices;
import org.gcmreview.report.Comments;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned about a new comment or reply (kind COMMENT, so each chooses how it comes by mail):
 * the focal points of the ministries the text belongs to (the contribution's ministry; for an objective's section
 * the ministries assigned to the objective), the country's coordinator, and whoever already wrote in the thread,
 * never the comment's author; and the deputies of those of them who are out of office today.
 */
@Component
class CommentNotifier {

    private final Ministries ministries;
    private final UserAccountRepository users;
    private final Comments comments;
    private final Notices notices;
    private final Deputies deputies;

    CommentNotifier(Ministries ministries, UserAccountRepository users, Comments comments, Notices notices,
            Deputies deputies) {
        this.deputies = deputies;
        this.ministries = ministries;
        this.users = users;
        this.comments = comments;
        this.notices = notices;
    }

    /** @return how many people were told */
    int tell(CommentSubject subject, long threadId, long commentId, boolean reply, CurrentUser author) {
        List<CurrentUser> people = new ArrayList<>(users.findEnabledInGroup(
                CandidateGroups.coordinator(subject.cycle().countryIso3())));
        List<Ministry> concerned = subject.section()
                ? (subject.objectiveNumber() == null ? List.of()
                        : ministries.findForObjectives(subject.cycle().id(), List.of(subject.objectiveNumber())))
                : ministries.findInCycle(subject.cycle().id()).stream()
                        .filter(m -> Long.valueOf(m.id()).equals(subject.ministryId())).toList();
        concerned.forEach(m -> people.addAll(users.findEnabledInGroup(m.group())));
        comments.participants(threadId).forEach(id -> users.findById(id).ifPresent(people::add));
        // whoever of them is out of office today: their deputies are told too, as with tasks offered (V182)
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List.copyOf(people).forEach(person -> people.addAll(deputies.deputiesOf(person, today)));
        List<CurrentUser> recipients = people.stream().filter(p -> p.id() != author.id()).toList();
        if (recipients.isEmpty()) {
            return 0;
        }
        notices.notify(NoticeKind.COMMENT, recipients, new NoticeText(
                reply ? "comments.notice.replied" : "comments.notice.added",
                List.of(author.displayName(), subject.title(), subject.cycle().title()),
                subject.path() + "#comment-" + commentId, subject.cycle().businessKey()), null);
        return (int) recipients.stream().map(CurrentUser::id).distinct().count();
    }
}
