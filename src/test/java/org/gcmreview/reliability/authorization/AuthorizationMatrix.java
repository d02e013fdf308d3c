package org.gcmreview.reliability.authorization;

import static org.gcmreview.reliability.authorization.Access.ALLOWED;
import static org.gcmreview.reliability.authorization.Access.FORBIDDEN;
import static org.gcmreview.reliability.authorization.Access.SIGN_IN;
import static org.gcmreview.reliability.authorization.Caller.ANONYMOUS;
import static org.gcmreview.reliability.authorization.Caller.COORDINATOR;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Set;

/**
 * The expected outcome of every endpoint for every caller. So far it covers the endpoints of the packages in
 * {@link #COVERED_PACKAGES}; the feature packages join once their endpoints settle, and then the scope becomes
 * every controller of the application.
 */
final class AuthorizationMatrix {

    /** Packages (under org.gcmreview) every endpoint of which must have an entry. */
    static final Set<String> COVERED_PACKAGES = Set.of("identity", "web", "tasks", "reference");

    private AuthorizationMatrix() {
    }

    static List<MatrixEntry> entries() {
        return List.of(
                // ---------------------------------------------------------------- web
                MatrixEntry.of("GET", "/", f -> get("/")).everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/login", f -> get("/login")).everyone(ALLOWED).build(),
                MatrixEntry.of("POST", "/language", f -> post("/language").param("lang", "fr").param("return", "/"))
                        .everyone(ALLOWED).build(),

                // ---------------------------------------------------------------- reference (public)
                MatrixEntry.of("GET", "/reference/objectives", f -> get("/reference/objectives"))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/reference/principles", f -> get("/reference/principles"))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/api/reference/objectives", f -> get("/api/reference/objectives"))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/api/reference/objectives/{number}", f -> get("/api/reference/objectives/7"))
                        .everyone(ALLOWED).build(),

                // ---------------------------------------------------------------- tasks: a Kenyan coordinator's task
                MatrixEntry.of("GET", "/tasks", f -> get("/tasks")).everyone(ALLOWED).but(SIGN_IN, ANONYMOUS).build(),
                MatrixEntry.of("GET", "/tasks/{taskId}", f -> get("/tasks/" + f.newCoordinatorTask()))
                        .everyone(FORBIDDEN).but(SIGN_IN, ANONYMOUS).but(ALLOWED, COORDINATOR).build(),
                // an empty form: refused as invalid (400) once through the access checks
                MatrixEntry.of("POST", "/tasks/{taskId}", f -> post("/tasks/" + f.newCoordinatorTask()))
                        .everyone(FORBIDDEN).but(SIGN_IN, ANONYMOUS).but(ALLOWED, COORDINATOR).build(),
                MatrixEntry.of("POST", "/tasks/{taskId}/claim", f -> post("/tasks/" + f.newCoordinatorTask() + "/claim"))
                        .everyone(FORBIDDEN).but(SIGN_IN, ANONYMOUS).but(ALLOWED, COORDINATOR).build(),
                MatrixEntry.of("POST", "/tasks/{taskId}/release",
                                f -> post("/tasks/" + f.newCoordinatorTask() + "/release"))
                        .everyone(FORBIDDEN).but(SIGN_IN, ANONYMOUS).but(ALLOWED, COORDINATOR).build());
    }
}
