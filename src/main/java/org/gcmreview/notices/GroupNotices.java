package org.gcmreview.notices;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.springframework.stereotype.Service;

/**
 * News for the people of candidate groups or for one person (issue 18.4: a clarification requested, a decision
 * taken), through {@link Notices}: the notification centre, and mail at once, in the digest or not at all as each
 * chose, in each one's language. Each group is read with one query of its own members. Whoever took the decision
 * is not told about it: it is no news to them.
 */
@Service
public class GroupNotices {

    private final Notices notices;
    private final UserAccountRepository users;

    GroupNotices(Notices notices, UserAccountRepository users) {
        this.notices = notices;
        this.users = users;
    }

    /** To the enabled members of each group (a person in two groups is told once), except {@code actorId}. */
    public void toGroups(NoticeKind kind, Collection<String> groups, NoticeText text, Long actorId) {
        List<CurrentUser> recipients = new ArrayList<>();
        for (String group : groups) {
            users.findEnabledInGroup(group).stream().filter(u -> actorId == null || u.id() != actorId)
                    .forEach(recipients::add);
        }
        if (!recipients.isEmpty()) {
            notices.notify(kind, recipients, text, null);
        }
    }

    /** To one person, if their account exists and is enabled. */
    public void toUser(NoticeKind kind, long userId, NoticeText text) {
        users.findById(userId).flatMap(u -> users.findByUsername(u.username()))
                .ifPresent(user -> notices.notify(kind, List.of(user), text, null));
    }
}
