package org.gcmreview.reliability.authorization;

import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The users and the data the matrix's requests need. Users are made once per caller; data is made on demand,
 * fresh for each request that asks for it.
 */
final class MatrixFixture {

    private final TestUsers users;
    private final CycleFixture cycles;
    private final Map<Caller, CurrentUser> callers = new EnumMap<>(Caller.class);

    MatrixFixture(MockMvc mvc, JdbcClient jdbc, TaskService tasks, RuntimeService runtime) {
        this.users = new TestUsers(jdbc);
        this.cycles = new CycleFixture(mvc, jdbc, tasks, runtime);
    }

    /** The caller's user (null for anonymous); the same user for every request of that caller. */
    CurrentUser user(Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return null;
        }
        return callers.computeIfAbsent(caller, c -> c.create(users));
    }

    /** A new review cycle of Kenya, begun by the matrix's coordinator: its "Scope the review" task's id. */
    String newCoordinatorTask() throws Exception {
        long cycleId = cycles.start(user(Caller.COORDINATOR), CycleFixture.uniqueCode());
        return cycles.task(cycleId, "ScopeReview").getId();
    }
}
