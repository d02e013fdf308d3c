package org.gcmreview.cycle;

import java.util.List;
import java.util.Set;

import org.gcmreview.reference.Objective;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The objectives in scope of a cycle and which ministry drafts which objective. */
@Repository
public class CycleScopes {

    private final JdbcClient jdbc;

    CycleScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void store(long cycleId, CycleScope scope) {
        for (Objective objective : scope.objectives()) {
            int n = objective.number();
            jdbc.sql("insert into cycle_objective (cycle_id, objective_number) values (?, ?)").params(cycleId, n)
                    .update();
            assign(cycleId, scope.leads().get(n), n, true);
            for (Ministry other : scope.contributors().getOrDefault(n, Set.of())) {
                assign(cycleId, other, n, false);
            }
        }
    }

    /** Objective numbers in scope, ascending. */
    public List<Integer> objectives(long cycleId) {
        return jdbc.sql("select objective_number from cycle_objective where cycle_id = ? order by objective_number")
                .param(cycleId).query(Integer.class).list();
    }


    private void assign(long cycleId, Ministry ministry, int objective, boolean lead) {
        jdbc.sql("""
                insert into ministry_assignment (cycle_id, ministry_id, objective_number, lead, ministry_name)
                values (?, ?, ?, ?, (select name from ministry where id = ?))""")
                .params(cycleId, ministry.id(), objective, lead, ministry.id()).update();
    }
}
