package org.gcmreview.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.audit.LogText;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What an administrator may do under /camunda: look, and retry failed jobs. Nothing else.
 *
 * <p>Cockpit reads through Camunda's engine REST API and its own plugin API, with GETs and with POSTs that are
 * queries (a filter in the body). The engine REST API is a REST API: its GETs change nothing, and its writes are
 * either other methods (PUT, DELETE) or POSTs to paths other than the query collections. So an allow-list of
 * method + path is small and stays correct: GET/HEAD everywhere except the removed webapps (Tasklist, Admin), POST
 * to the named query collections only, and the three job-retry endpoints. Deploying, starting, completing a task,
 * setting variables, deleting, suspending, modifying, messages and signals all fall outside it and get 403.
 * Turning on Camunda's authorizations with tenant checks instead would mean keeping a second permission model
 * in step with ours; an allow-list cannot drift from anything.
 */
public final class CamundaCockpitAccess {

    private static final String ENGINE = "/camunda/api/engine/engine/[^/?]+/";
    private static final String QUERY = "(\\?.*)?$";
    /** Engine REST collections whose POST is a query (the create/delete/async variants have other paths). */
    private static final String QUERY_RESOURCES = "(process-instance|task|variable-instance|execution|job"
            + "|external-task|activity-instance|decision-instance|job-log|detail|user-operation|identity-link-log)";

    private CamundaCockpitAccess() {
    }

    /** Tasklist and Admin are gone: nobody works tasks or edits users, groups or authorizations there. */
    public static RequestMatcher removedWebapps() {
        return new OrRequestMatcher(
                regex("/camunda/app/(tasklist|admin)(/.*)?(\\?.*)?$", null),
                regex("/camunda/api/tasklist(/.*)?$", null),
                // the admin API only for Cockpit's "who is signed in" (GET); setup, users and groups are not ours
                new AndRequestMatcher(regex("/camunda/api/admin(/.*)?$", null),
                        new NotMatcher(new OrRequestMatcher(
                                regex("/camunda/api/admin/auth/user/[^/?]+" + QUERY, "GET"),
                                regex("/camunda/api/admin/auth/user/[^/?]+" + QUERY, "HEAD")))));
    }

    /** Reading: Cockpit's pages, assets and every GET of its APIs, and the POSTs that are queries. */
    public static RequestMatcher reads() {
        return new OrRequestMatcher(
                regex("/camunda/.*", "GET"),
                regex("/camunda/.*", "HEAD"),
                regex(ENGINE + "(history/)?" + QUERY_RESOURCES + "(/count)?" + QUERY, "POST"),
                // Cockpit's own plugin API: queries of process instances, incidents and the like
                regex("/camunda/api/cockpit/plugin/base/[^/?]+/[a-z-]+(/count)?" + QUERY, "POST"));
    }

    /** The one change an administrator makes: giving failed jobs (and external tasks) their retries back. */
    public static RequestMatcher retries() {
        return new OrRequestMatcher(
                regex(ENGINE + "job/[^/?]+/retries" + QUERY, "PUT"),
                regex(ENGINE + "job-definition/[^/?]+/retries" + QUERY, "PUT"),
                regex(ENGINE + "external-task/[^/?]+/retries" + QUERY, "PUT"),
                regex(ENGINE + "job/retries" + QUERY, "POST"));
    }

    private static RequestMatcher regex(String pattern, String method) {
        return new RegexRequestMatcher(pattern, method);
    }

    private record NotMatcher(RequestMatcher matcher) implements RequestMatcher {
        @Override
        public boolean matches(HttpServletRequest request) {
            return !matcher.matches(request);
        }
    }

    /**
     * Records every administrative engine action that got through (a retry) in the audit log, with its answer;
     * the refused ones are recorded as ACCESS_DENIED by org.gcmreview.audit.AccessDeniedAudit.
     */
    static final class Audit extends OncePerRequestFilter {

        private final AuditLog audit;
        private final RequestMatcher actions = retries();

        Audit(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !actions.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            String actor = authentication == null ? "anonymous" : authentication.getName();
            String path = request.getRequestURI();
            List<String> segments = List.of(path.split("/"));
            String subject = segments.size() > 2 ? segments.get(segments.size() - 2) : null;
            audit.record(AuditEntry.of(actor, "ENGINE_RETRIES_SET", null, "camunda", subject,
                    request.getMethod() + " " + LogText.clip(path, 300) + " answered " + response.getStatus()));
        }
    }
}
