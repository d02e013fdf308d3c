package org.gcmreview.notices;

import java.time.Instant;
import java.util.List;

/** One notice as stored for its recipient (public for the templates' expressions). */
public record Notice(long id, long userId, NoticeKind kind, String messageKey, List<String> arguments, String link,
        String cycleKey, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
