package org.gcmreview.cycle;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Deputies;
import org.gcmreview.identity.Role;
import org.gcmreview.tasks.UserTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;

/** The ministries of a country, and which ministry a multi-instance task ({@code ministryGroup}) is for. */
@Repository
public class Ministries {

    /** {@code ministry-<ISO3>-<CODE>}, as built by {@link org.gcmreview.identity.CandidateGroups#ministry}. */
    private static final Pattern GROUP = Pattern.compile("^ministry-([A-Z]{3})-([A-Z0-9_]+)$");

    private static final String SELECT = "select id, country_iso3, code, name from ministry";

    private final JdbcClient jdbc;
    private final Deputies deputies;

    public Ministries(JdbcClient jdbc, Deputies deputies) {
        this.deputies = deputies;
        this.jdbc = jdbc;
    }

    /** The ministries a new cycle can be scoped with: the country's, less the retired ones. */
    public List<Ministry> findActiveByCountry(String iso3) {
        return jdbc.sql(SELECT + " where country_iso3 = ? and retired_at is null order by name, code").param(iso3)
                .query(this::map).list();
    }


    public Optional<Ministry> findByGroup(String group) {
        if (group == null) {
            return Optional.empty();
        }
        Matcher m = GROUP.matcher(group);
        if (!m.matches()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where country_iso3 = ? and code = ?").params(m.group(1), m.group(2))
                .query(this::map).optional();
    }

    /** The ministries taking part in a cycle (those with at least one assigned objective). */
    public List<Ministry> findInCycle(long cycleId) {
        // with the name each had when the cycle was scoped: a later rename does not rewrite this cycle
        return jdbc.sql("""
                select m.id, m.country_iso3, m.code, coalesce(a.ministry_name, m.name) as name
                  from ministry m
                  join (select ministry_id, max(ministry_name) as ministry_name from ministry_assignment
                         where cycle_id = ? group by ministry_id) a on a.ministry_id = m.id
                 order by 4, m.code""").param(cycleId).query(this::map).list();
    }

    /**
     * The ministries assigned (lead or contributing) to any of these objectives of the cycle: when those objectives'
     * sections change after endorsement, they sign off again (issue 14.4).
     */
    public List<Ministry> findForObjectives(long cycleId, java.util.Collection<Integer> objectives) {
        if (objectives.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select distinct m.id, m.country_iso3, m.code, m.name
                  from ministry m join ministry_assignment a on a.ministry_id = m.id
                 where a.cycle_id = ? and a.objective_number = any(?)
                 order by m.code""")
                .params(cycleId, objectives.toArray(Integer[]::new))
                .query(this::map).list();
    }

    /**
     * The ministry a drafting or sign-off task is for, from the task's {@code ministryGroup} variable. The task
     * inbox already routes by candidate group; this checks again that the user works for exactly that ministry,
     * because the form writes in the ministry's name.
     */
    public Ministry requireOwnMinistry(UserTask task, CurrentUser user) {
        Ministry ministry = findByGroup(task.variable("ministryGroup", String.class))
                .orElseThrow(() -> new IllegalStateException("Task " + task.id() + " names no known ministry"));
        boolean own = user.ministryId() != null && user.ministryId() == ministry.id();
        // a focal point of another ministry standing in for one of this ministry who is out of office
        if (!user.is(Role.MINISTRY) || !(own || deputies.standsInForMinistry(user, ministry.id(),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC)))) {
            throw new AccessDeniedException("This task is for " + ministry.name());
        }
        return ministry;
    }

    private Ministry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Ministry(rs.getLong("id"), rs.getString("country_iso3").trim(), rs.getString("code"),
                rs.getString("name"));
    }
}
