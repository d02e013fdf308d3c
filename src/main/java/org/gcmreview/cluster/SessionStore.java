package org.gcmreview.cluster;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The stored sessions as Spring Session's filter sees them, with two statements of every request left out (issue
 * 19: they were two of the five or six statements of the lightest page or form).
 * <ul>
 * <li>A request reads its session once. When a response is committed before the request ends (every redirect,
 * every page Thymeleaf flushes), SessionRepositoryFilter commits the session twice, and for the second commit it
 * looked the session up again only to learn the id the browser sent, which it already had (spring-session issues
 * 1424 and 1731, open in 3.5). That lookup is answered from the session this request saved. The memory lasts one
 * request on one thread ({@link RequestScope}, outside Spring Session's filter) and forgets a deleted session, so
 * no request sees another's state.
 * <li>A session's last access is written at most once every {@link #LAST_ACCESS_STEP}. Spring Session wrote it on
 * every request, a row update even when nothing else changed. A session thus ends at most that much before 30
 * minutes without a request (server.servlet.session.timeout), never later.
 * </ul>
 */
@SuppressWarnings({"unchecked", "rawtypes"}) // the JDBC repository's session class is not public
final class SessionStore implements FindByIndexNameSessionRepository<Session> {

    /** How stale a stored last access may be before a request writes it again. */
    static final Duration LAST_ACCESS_STEP = Duration.ofMinutes(1);

    /** The session the current request saved last; the thread has no entry outside a request. */
    private static final ThreadLocal<Saved> SAVED = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository stored;

    SessionStore(FindByIndexNameSessionRepository<?> stored) {
        this.stored = stored;
    }

    @Override
    public Session createSession() {
        return stored.createSession();
    }

    @Override
    public void save(Session session) {
        stored.save(session instanceof CoarseLastAccess coarse ? coarse.stored : session);
        Saved saved = SAVED.get();
        if (saved != null) {
            saved.session = session;
        }
    }

    @Override
    public Session findById(String id) {
        Saved saved = SAVED.get();
        if (saved != null && saved.holds(id)) {
            return saved.session;
        }
        Session found = stored.findById(id);
        return found == null ? null : new CoarseLastAccess(found);
    }

    @Override
    public void deleteById(String id) {
        Saved saved = SAVED.get();
        if (saved != null && saved.holds(id)) {
            saved.session = null;
        }
        stored.deleteById(id);
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return stored.findByIndexNameAndIndexValue(indexName, indexValue);
    }

    private static final class Saved {
        private Session session;

        boolean holds(String id) {
            return session != null && session.getId().equals(id);
        }
    }

    /**
     * A stored session whose last access moves only in steps of {@link #LAST_ACCESS_STEP}: a smaller move would
     * mark the session changed, and saving it would update its row for nothing else.
     */
    private record CoarseLastAccess(Session stored) implements Session {

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(LAST_ACCESS_STEP))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }

    /**
     * One request's memory, opened before Spring Session's filter and dropped after it (an error page's dispatch
     * runs after the request's and opens its own), so a worker thread carries nothing into its next request.
     */
    static final class RequestScope extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Saved outer = SAVED.get();
            SAVED.set(new Saved());
            try {
                chain.doFilter(request, response);
            } finally {
                if (outer == null) {
                    SAVED.remove();
                } else {
                    SAVED.set(outer);
                }
            }
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected boolean shouldNotFilterAsyncDispatch() {
            return false;
        }
    }
}
