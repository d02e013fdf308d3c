package org.gcmreview.consultation;

import static org.gcmreview.support.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gcmreview.consultation.organisation.OrganisationStatus;
import org.gcmreview.consultation.organisation.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Consultation windows: when a cycle's consultation opens and closes, what it is open for (the cycle's objectives
 * in scope, the sections chosen, whether individuals may send input) and its extensions.
 */
@Repository
public class ConsultationWindows {

    private static final String SELECT_WINDOW = """
            select id, cycle_id, opens_at, closes_at, status, closed_at, allow_individuals, targets_chosen,
                   responses_completed_at
              from consultation_window
            """;

    private final JdbcClient jdbc;

    public ConsultationWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ConsultationWindow> windowOf(long cycleId) {
        return jdbc.sql(SELECT_WINDOW + " where cycle_id = ?").param(cycleId)
                .query(ConsultationWindows::mapWindow).optional();
    }

    /**
     * What a window is open for, as columns of the statement that reads the window {@code w} (issue 19.1: the
     * input form's page and its POST each read the window and, in a second statement, the objectives in scope):
     * the objectives in scope with their short titles, in order, and the coordinator's choice of targets, null
     * until one was made. {@link #openTargets(ResultSet)} maps them.
     */
    private static final String OPEN_TARGETS_COLUMNS = """
            s.scope_numbers, s.scope_titles,
            case when w.targets_chosen then array(
                select case when t.objective_number is not null then 'objective:' || t.objective_number
                            else 'section:' || t.section_kind end
                  from consultation_open_target t where t.window_id = w.id) end as chosen_targets
            """;
    private static final String OPEN_TARGETS_JOIN = """
            cross join lateral (
                select array_agg(co.objective_number::int order by co.objective_number) as scope_numbers,
                       array_agg(o.short_title order by co.objective_number) as scope_titles
                  from cycle_objective co join objective o on o.number = co.objective_number
                 where co.cycle_id = w.cycle_id) s
            """;

    /**
     * A window with what it is open for, and where the sending user's organisation stands with the coordinator
     * (read in the same statement, {@link Organisations#STATUS_JOIN}; pending when no organisation was asked for).
     */
    record WindowAndTargets(ConsultationWindow window, OpenTargets open, OrganisationStatus organisation) {
    }

    /**
     * The window, share-locked until the transaction ends: an input stored under this lock cannot slip in
     * after a concurrent close, which has to wait for it.
     */
    Optional<ConsultationWindow> windowOfForShare(long cycleId) {
        return jdbc.sql(SELECT_WINDOW + " where cycle_id = ? for share").param(cycleId)
                .query(ConsultationWindows::mapWindow).optional();
    }

    /**
     * {@link #windowOfForShare} with what the window is open for, for a form to check an input against, and the
     * status of the sender's organisation.
     *
     * @param organisationId the sender's organisation, null for an individual
     */
    Optional<WindowAndTargets> windowAndTargetsForShare(long cycleId, Long organisationId) {
        return jdbc.sql("select w.*, sender.*, " + OPEN_TARGETS_COLUMNS + " from consultation_window w "
                        + OPEN_TARGETS_JOIN + Organisations.STATUS_JOIN + " where w.cycle_id = ? for share of w")
                .params(organisationId, cycleId)
                .query((rs, n) -> new WindowAndTargets(mapWindow(rs, n), openTargets(rs), organisation(rs)))
                .optional();
    }

    private static OrganisationStatus organisation(ResultSet rs) throws SQLException {
        return Organisations.status(rs).orElse(OrganisationStatus.PENDING);
    }

    Optional<ConsultationWindow> windowOfForUpdate(long cycleId) {
        return jdbc.sql(SELECT_WINDOW + " where cycle_id = ? for update").param(cycleId)
                .query(ConsultationWindows::mapWindow).optional();
    }

    /** Creates the window ahead of its opening, with the dates scoping set; an existing window is kept. */
    void schedule(long cycleId, Instant opensAt, Instant closesAt) {
        jdbc.sql("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status) values (?, ?, ?, 'SCHEDULED')
                on conflict (cycle_id) do nothing""")
                .params(cycleId, Timestamp.from(opensAt), Timestamp.from(closesAt)).update();
    }

    /**
     * Opens the cycle's window with these dates. A window prepared beforehand keeps what the coordinator chose;
     * a re-opened window keeps its id and inputs.
     */
    long open(long cycleId, Instant opensAt, Instant closesAt) {
        return jdbc.sql("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status)
                values (?, ?, ?, 'OPEN')
                on conflict (cycle_id) do update set opens_at = excluded.opens_at, closes_at = excluded.closes_at,
                    status = 'OPEN', closed_at = null, withdrawn_at = null, withdrawal_notice = null
                returning id""")
                .params(cycleId, Timestamp.from(opensAt), Timestamp.from(closesAt)).query(Long.class).single();
    }

    void close(long windowId) {
        jdbc.sql("update consultation_window set status = 'CLOSED', closed_at = now() where id = ?").param(windowId)
                .update();
    }

    void extend(ConsultationWindow window, Instant newClosesAt, String reason, long userId) {
        jdbc.sql("update consultation_window set closes_at = ? where id = ?")
                .params(Timestamp.from(newClosesAt), window.id()).update();
        jdbc.sql("""
                insert into consultation_extension (window_id, previous_closes_at, new_closes_at, reason, extended_by)
                values (?, ?, ?, ?, ?)""")
                .params(window.id(), Timestamp.from(window.closesAt()), Timestamp.from(newClosesAt), reason, userId)
                .update();
    }

    /** Stores what the window is open for and whether individuals may send input. */
    void saveSettings(long windowId, boolean allowIndividuals, Set<InputTarget> open) {
        jdbc.sql("update consultation_window set allow_individuals = ?, targets_chosen = true where id = ?")
                .params(allowIndividuals, windowId).update();
        jdbc.sql("delete from consultation_open_target where window_id = ?").param(windowId).update();
        for (InputTarget target : open) {
            jdbc.sql("insert into consultation_open_target (window_id, objective_number, section_kind) values (?, ?, ?)")
                    .params(windowId, target.objectiveNumber(), target.sectionKind()).update();
        }
    }

    /** The columns of {@link #OPEN_TARGETS_COLUMNS}. */
    private static OpenTargets openTargets(ResultSet rs) throws SQLException {
        Integer[] numbers = array(rs, "scope_numbers", Integer[].class);
        String[] titles = array(rs, "scope_titles", String[].class);
        List<ObjectiveInScope> scope = new ArrayList<>(numbers.length);
        for (int i = 0; i < numbers.length; i++) {
            scope.add(new ObjectiveInScope(numbers[i], titles[i]));
        }
        Set<InputTarget> chosen = null;
        java.sql.Array chosenTargets = rs.getArray("chosen_targets");
        if (chosenTargets != null) {
            chosen = new LinkedHashSet<>();
            for (String value : (String[]) chosenTargets.getArray()) {
                InputTarget.parse(value).ifPresent(chosen::add);
            }
        }
        return new OpenTargets(List.copyOf(scope), chosen);
    }

    /** An array column; empty when null (array_agg of no rows). */
    private static <T> T[] array(ResultSet rs, String column, Class<T[]> type) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return type.cast(array == null ? java.lang.reflect.Array.newInstance(type.getComponentType(), 0)
                : array.getArray());
    }

    /** What the window is open for, read as the form's own reads read it ({@link #OPEN_TARGETS_COLUMNS}). */
    OpenTargets openTargets(ConsultationWindow window) {
        return jdbc.sql("select " + OPEN_TARGETS_COLUMNS + " from consultation_window w " + OPEN_TARGETS_JOIN
                        + " where w.id = ?").param(window.id())
                .query((rs, n) -> openTargets(rs)).single();
    }

    void completeResponses(long windowId) {
        jdbc.sql("update consultation_window set responses_completed_at = now() where id = ?").param(windowId)
                .update();
    }

    record Extension(Instant previousClosesAt, Instant newClosesAt, String reason, String extendedBy,
            Instant extendedAt) {
    }

    List<Extension> extensions(long windowId) {
        return jdbc.sql("""
                select e.previous_closes_at, e.new_closes_at, e.reason, u.display_name, e.extended_at
                  from consultation_extension e join app_user u on u.id = e.extended_by
                 where e.window_id = ? order by e.extended_at, e.id""")
                .param(windowId)
                .query((rs, n) -> mapExtension(rs))
                .list();
    }

    /** An extension from a row of {@link #extensions} or {@link #windowWithExtensions}, by column name. */
    private static Extension mapExtension(ResultSet rs) throws SQLException {
        return new Extension(rs.getTimestamp("previous_closes_at").toInstant(),
                rs.getTimestamp("new_closes_at").toInstant(), rs.getString("reason"), rs.getString("display_name"),
                rs.getTimestamp("extended_at").toInstant());
    }

    /**
     * A window with what it is open for, its extensions, oldest first, and where the user's organisation stands
     * (pending when no organisation was asked for).
     */
    record WindowWithExtensions(ConsultationWindow window, OpenTargets open, List<Extension> extensions,
            OrganisationStatus organisation) {
    }

    /**
     * The cycle's window, what it is open for, its extensions and the status of the user's organisation in one
     * statement, as the consultation page shows them.
     *
     * @param organisationId the signed-in user's organisation, null for none
     */
    Optional<WindowWithExtensions> windowWithExtensions(long cycleId, Long organisationId) {
        List<WindowAndTargets> window = new ArrayList<>(1);
        List<Extension> extensions = new ArrayList<>();
        jdbc.sql("""
                select w.id, w.cycle_id, w.opens_at, w.closes_at, w.status, w.closed_at, w.allow_individuals,
                       w.targets_chosen, w.responses_completed_at, e.previous_closes_at, e.new_closes_at, e.reason,
                       u.display_name, e.extended_at, sender.*, """ + OPEN_TARGETS_COLUMNS + """
                  from consultation_window w
                  left join (consultation_extension e join app_user u on u.id = e.extended_by) on e.window_id = w.id
                """ + OPEN_TARGETS_JOIN + Organisations.STATUS_JOIN + """
                 where w.cycle_id = ? order by e.extended_at, e.id""")
                .params(organisationId, cycleId)
                .query((ResultSet rs) -> {
                    if (window.isEmpty()) {
                        window.add(new WindowAndTargets(mapWindow(rs, 0), openTargets(rs), organisation(rs)));
                    }
                    if (rs.getTimestamp("new_closes_at") != null) {
                        extensions.add(mapExtension(rs));
                    }
                });
        return window.stream().findFirst()
                .map(w -> new WindowWithExtensions(w.window(), w.open(), List.copyOf(extensions), w.organisation()));
    }

    record ObjectiveInScope(int number, String shortTitle) {
    }

    List<ObjectiveInScope> objectivesInScope(long cycleId) {
        return jdbc.sql("""
                select co.objective_number, o.short_title
                  from cycle_objective co join objective o on o.number = co.objective_number
                 where co.cycle_id = ? order by co.objective_number""")
                .param(cycleId)
                .query((rs, n) -> new ObjectiveInScope(rs.getInt(1), rs.getString(2))).list();
    }

    static ConsultationWindow mapWindow(ResultSet rs, int row) throws SQLException {
        return new ConsultationWindow(
                rs.getLong("id"),
                rs.getLong("cycle_id"),
                rs.getTimestamp("opens_at").toInstant(),
                rs.getTimestamp("closes_at").toInstant(),
                WindowStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("closed_at")),
                rs.getBoolean("allow_individuals"),
                rs.getBoolean("targets_chosen"),
                instant(rs.getTimestamp("responses_completed_at")));
    }
}
