package org.gcmreview.notices;

import org.gcmreview.identity.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * The figure beside "Notices" in every page's header ({@code ${@noticeCount.unread()}}): asked only when the
 * header renders for a signed-in person, one count on the partial index {@code notice_unread_idx}. A visitor costs
 * nothing (and gets no session: the security context is only read).
 */
@Component("noticeCount")
public class NoticeCount {

    private final NoticeStore store;

    NoticeCount(NoticeStore store) {
        this.store = store;
    }

    public long unread() {
        return SignedInUser.current().map(user -> store.unread(user.id())).orElse(0L);
    }
}
