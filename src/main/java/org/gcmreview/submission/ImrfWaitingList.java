package org.gcmreview.submission;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reports ready for the IMRF while no edition is open (table imrf_waiting). The national process does not stop
 * for them (publication does not wait on the IMRF); they are handed over when an edition is added.
 */
@Component
public class ImrfWaitingList {

    private final JdbcClient jdbc;

    ImrfWaitingList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long cycleId) {
        jdbc.sql("insert into imrf_waiting (cycle_id) values (?) on conflict (cycle_id) do nothing").param(cycleId)
                .update();
    }

    public boolean contains(long cycleId) {
        return jdbc.sql("select count(*) from imrf_waiting where cycle_id = ?").param(cycleId).query(Integer.class)
                .single() > 0;
    }

    /** Removes and returns every waiting cycle, oldest first; rows another node is taking are skipped. */
    public List<Long> takeAll() {
        return jdbc.sql("""
                delete from imrf_waiting where cycle_id in
                    (select cycle_id from imrf_waiting order by waiting_since, cycle_id for update skip locked)
                returning cycle_id""").query(Long.class).list();
    }
}
