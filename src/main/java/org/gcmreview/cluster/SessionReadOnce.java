package org.gcmreview.cluster;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session repository as Spring Session's filter sees it: the stored sessions, except that a request's second
 * read of the session it has just saved is answered from memory.
 * <p>Why: when a response is committed before the request ends (every redirect, every page Thymeleaf flushes),
 * SessionRepositoryFilter commits the session twice, and the second commit looks the session up in the database
 * again only to learn the id the browser sent, which it already knows (spring-session issues 1424 and 1731, open
 * in 3.5). That lookup was one statement of every request, a third of the session's statements (issue 19).
 * <p>The memory lasts one request on one thread ({@link RequestScope}, outside Spring Session's filter), holds
 * only the session this request saved, and forgets it when it is deleted, so no request sees another's state.
 */
@SuppressWarnings({"unchecked", "rawtypes"}) // the JDBC repository's session class is not public
final class SessionReadOnce implements FindByIndexNameSessionRepository<Session> {

    /** The session the current request saved last; the thread has no entry outside a request. */
    private static final ThreadLocal<Saved> SAVED = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository stored;

    SessionReadOnce(FindByIndexNameSessionRepository<?> stored) {
        this.stored = stored;
    }

    @Override
    public Session createSession() {
        return stored.createSession();
    }

    @Override
    public void save(Session session) {
        stored.save(session);
        Saved saved = SAVED.get();
        if (saved != null) {
            saved.session = session;
        }
    }

    @Override
    public Session findById(String id) {
        Saved saved = SAVED.get();
        if (saved != null && saved.session != null && saved.session.getId().equals(id)) {
            return saved.session;
        }
        return stored.findById(id);
    }

    @Override
    public void deleteById(String id) {
        Saved saved = SAVED.get();
        if (saved != null && saved.session != null && saved.session.getId().equals(id)) {
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
