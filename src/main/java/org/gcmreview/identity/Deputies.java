package org.gcmreview.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Out of office (issue 14 part 2): a person names a deputy for a period, and while it runs the deputy is offered
 * what the person is offered: the tasks of the person's candidate groups (the task inbox and the task pages add
 * {@link #groupsCoveredBy} to the deputy's own groups) and the notices of tasks offered. A deputy has the person's
 * role where the person works ({@link #mayStandIn}), so nothing outside their country or commission becomes visible
 * to them. Owns {@code deputy}.
 */
@Repository
public class Deputies {

    /** One period of absence with its deputy. */
    public record Absence(long id, long userId, CurrentUser deputy, LocalDate startsOn, LocalDate endsOn) {
    }

    private final JdbcClient jdbc;
    private final UserAccountRepository users;

    Deputies(JdbcClient jdbc, UserAccountRepository users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * Whether {@code deputy} may stand in for {@code person}: another account with the same role where the person
     * works (same country for a country's team, same commission for a regional secretariat). The same role, because
     * each task form checks the role of whoever opens it; a coordinator's colleagues share the coordinator's tasks
     * already, so out of office matters most for a ministry's focal point, whose deputy may be of another ministry.
     */
    public static boolean mayStandIn(CurrentUser person, CurrentUser deputy) {
        if (person.id() == deputy.id() || person.role() != deputy.role() || person.role() == Role.STAKEHOLDER) {
            return false;
        }
        return java.util.Objects.equals(person.countryIso3(), deputy.countryIso3())
                && java.util.Objects.equals(person.commissionCode(), deputy.commissionCode());
    }

    /** Whether the user stands in today for someone of this ministry. */
    public boolean standsInForMinistry(CurrentUser user, long ministryId, LocalDate today) {
        return standingInFor(user, today).stream()
                .anyMatch(person -> person.ministryId() != null && person.ministryId() == ministryId);
    }

    public long name(long userId, long deputyId, LocalDate startsOn, LocalDate endsOn) {
        return jdbc.sql("insert into deputy (user_id, deputy_id, starts_on, ends_on) values (?, ?, ?, ?) returning id")
                .params(userId, deputyId, startsOn, endsOn).query(Long.class).single();
    }

    /** Ends one of the person's absences now; false when they have no such open absence. */
    public boolean end(long userId, long absenceId) {
        return jdbc.sql("update deputy set ended_at = now() where id = ? and user_id = ? and ended_at is null")
                .params(absenceId, userId).update() == 1;
    }

    /** The person's absences that have not ended, the current and planned ones. */
    public List<Absence> of(long userId, LocalDate today) {
        return jdbc.sql("select id, deputy_id, starts_on, ends_on from deputy where user_id = ? and ended_at is null "
                        + "and ends_on >= ? order by starts_on")
                .params(userId, today)
                .query((rs, row) -> new Object[] {rs.getLong("id"), rs.getLong("deputy_id"),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class)})
                .list().stream()
                .flatMap(r -> users.findById((Long) r[1]).stream()
                        .map(d -> new Absence((Long) r[0], userId, d, (LocalDate) r[2], (LocalDate) r[3])))
                .toList();
    }

    /** The people this user stands in for today. */
    public List<CurrentUser> standingInFor(CurrentUser deputy, LocalDate today) {
        List<CurrentUser> absent = new ArrayList<>();
        jdbc.sql("select user_id from deputy where deputy_id = ? and ended_at is null and ? between starts_on and ends_on")
                .params(deputy.id(), today).query(Long.class).list()
                .forEach(id -> users.findAccountById(id).filter(UserAccount::enabled).map(UserAccount::user)
                        .filter(person -> mayStandIn(person, deputy)).ifPresent(absent::add));
        return absent;
    }

    /** The user's own candidate groups and those of everyone they stand in for today. */
    public List<String> groupsCoveredBy(CurrentUser user, LocalDate today) {
        Set<String> groups = new LinkedHashSet<>(user.candidateGroups());
        standingInFor(user, today).forEach(person -> groups.addAll(person.candidateGroups()));
        return List.copyOf(groups);
    }

    /** Today's deputies of the person. */
    public List<CurrentUser> deputiesOf(CurrentUser person, LocalDate today) {
        List<CurrentUser> deputies = new ArrayList<>();
        jdbc.sql("select deputy_id from deputy where user_id = ? and ended_at is null and ? between starts_on and ends_on")
                .params(person.id(), today).query(Long.class).list()
                .forEach(id -> users.findAccountById(id).filter(UserAccount::enabled).map(UserAccount::user)
                        .filter(deputy -> mayStandIn(person, deputy)).ifPresent(deputies::add));
        return deputies;
    }

    Optional<CurrentUser> user(long id) {
        return users.findById(id);
    }
}
