package org.gcmreview.cycle;

import static org.gcmreview.support.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import org.springframework.web.server.ResponseStatusException;

/** Reads and updates review cycles; the visibility rule for a cycle lives here, once. */
@Repository
public class ReviewCycles {

    private static final String SELECT = """
            select c.id, c.country_iso3, k.name as country_name, c.code, c.business_key, c.title,
                   c.regional_round_id, c.imrf_round_id, c.period_start, c.period_end, c.drafting_due, c.status,
                   c.process_instance_id, c.started_at, c.last_activity_at, c.published_at
              from review_cycle c join country k on k.iso3 = c.country_iso3
            """;

    private final JdbcClient jdbc;

    public ReviewCycles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cycles in the making are the business of the country's coordinator and ministries only. */
    public static void requireCountryTeam(CurrentUser user) {
        if (!user.is(Role.COORDINATOR) && !user.is(Role.MINISTRY)) {
            throw new AccessDeniedException("Review cycles are visible to the country's coordinator and ministries");
        }
    }

    public Optional<ReviewCycle> findById(long id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(this::map).optional();
    }

    public Optional<ReviewCycle> findByBusinessKey(String businessKey) {
        return jdbc.sql(SELECT + " where c.business_key = ?").param(businessKey).query(this::map).optional();
    }

    public List<ReviewCycle> findByCountry(String iso3) {
        return jdbc.sql(SELECT + " where c.country_iso3 = ? order by c.started_at desc").param(iso3).query(this::map)
                .list();
    }

    /**
     * The cycle if this user may see its working data: the country's own users and the secretariat of the
     * round it submits to (regional commission or IMRF). Otherwise 403, so ids are not probed. Administrators
     * run the platform (review calendar, Camunda's Cockpit, where process variables carry ids only), not a
     * country's report: they see what the public sees.
     */
    public ReviewCycle findVisible(long id, CurrentUser user) {
        ReviewCycle cycle = findById(id).orElseThrow(() -> new AccessDeniedException("No such review cycle"));
        if (!mayView(cycle, user)) {
            throw new AccessDeniedException("This review cycle belongs to another country");
        }
        return cycle;
    }

    public boolean mayView(ReviewCycle cycle, CurrentUser user) {
        return switch (user.role()) {
            case COORDINATOR, MINISTRY, STAKEHOLDER -> user.belongsToCountry(cycle.countryIso3());
            case REGIONAL_SECRETARIAT -> cycle.regionalRoundId() != null && jdbc.sql(
                    "select count(*) from review_round where id = ? and commission_code = ?")
                    .params(cycle.regionalRoundId(), user.commissionCode()).query(Integer.class).single() > 0
                    && submitted(cycle);
            case IMRF_SECRETARIAT -> submitted(cycle);
            case ADMIN, PENDING -> false;
        };
    }

    /** Secretariats see a cycle once it has been submitted to them. */
    private boolean submitted(ReviewCycle cycle) {
        return jdbc.sql("select count(*) from submission where cycle_id = ?").param(cycle.id()).query(Integer.class)
                .single() > 0;
    }

    /** Only the country's coordinator steers the cycle. */
    public ReviewCycle findSteerable(long id, CurrentUser user) {
        ReviewCycle cycle = findVisible(id, user);
        if (!user.is(Role.COORDINATOR)) {
            throw new AccessDeniedException("Only the national coordinator can do this");
        }
        return cycle;
    }

    /**
     * The cycle its own country's coordinator steers from a page of its own: another country's cycle is not found
     * (its id is not confirmed), anyone else of the country is refused.
     */
    public ReviewCycle findSteerableInCountry(long id, CurrentUser user) {
        ReviewCycle cycle = findById(id).filter(c -> user.belongsToCountry(c.countryIso3()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!user.is(Role.COORDINATOR)) {
            throw new AccessDeniedException("Only the national coordinator can do this");
        }
        return cycle;
    }

    public void updateStatus(long cycleId, CycleStatus status) {
        // Publication runs apart from the regional review and the IMRF (issue 14.3): a published cycle stays
        // PUBLISHED while its hand-over goes on (the submissions carry their own status).
        jdbc.sql("update review_cycle set status = ?, last_activity_at = now() where id = ? and status <> 'PUBLISHED'")
                .params(status.name(), cycleId).update();
    }

    /**
     * Locks the cycle's row until the transaction ends, so that steps of one cycle that count or number things
     * (sign-off decisions of a round, frozen version numbers) run one at a time.
     */
    public void lock(long cycleId) {
        jdbc.sql("select id from review_cycle where id = ? for update").param(cycleId).query(Long.class).single();
    }

    /** Marks the cycle published; publishing again (a retried job) keeps the first moment. */
    public void markPublished(long cycleId) {
        jdbc.sql("update review_cycle set published_at = coalesce(published_at, now()) where id = ?")
                .param(cycleId).update();
    }

    /** The regional round the cycle's report goes to, once known. */
    public void assignRegionalRound(long cycleId, long roundId) {
        jdbc.sql("update review_cycle set regional_round_id = ? where id = ?").params(roundId, cycleId).update();
    }

    /** The IMRF edition the cycle's report goes to, once known. */
    /**
     * The cycle leaves its regional round (the secretariat released it when closing the round): its next
     * submission goes to the commission's open round.
     */
    public void releaseRegionalRound(long cycleId) {
        jdbc.sql("update review_cycle set regional_round_id = null where id = ?").param(cycleId).update();
    }

    /** The cycle leaves its IMRF edition (released when the edition closed): it waits for the next one. */
    public void releaseImrfEdition(long cycleId) {
        jdbc.sql("update review_cycle set imrf_round_id = null where id = ?").param(cycleId).update();
    }

    public void assignImrfEdition(long cycleId, long roundId) {
        jdbc.sql("update review_cycle set imrf_round_id = ? where id = ?").params(roundId, cycleId).update();
    }

    /** True when the country already has a cycle with this code, ignoring case (business keys must stay unique). */
    public boolean codeTaken(String iso3, String code) {
        return jdbc.sql("select count(*) from review_cycle where country_iso3 = ? and lower(code) = lower(?)")
                .params(iso3, code).query(Integer.class).single() > 0;
    }

    /** Inserts a new cycle in status SCOPING and returns its id; the process instance is attached afterwards. */
    long insert(NewCycle cycle) {
        return jdbc.sql("""
                insert into review_cycle (country_iso3, code, business_key, title, regional_round_id, imrf_round_id,
                                          started_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(cycle.countryIso3(), cycle.code(), cycle.businessKey(), cycle.title(),
                        cycle.regionalRoundId(), cycle.imrfRoundId(), cycle.startedBy())
                .query(Long.class).single();
    }

    /** The language the cycle's report is written in, when the coordinator said so (one of the UN languages). */
    public Optional<String> reportLanguage(long cycleId) {
        return jdbc.sql("select report_language from review_cycle where id = ?").param(cycleId)
                .query(String.class).optional();
    }

    /** The endorsed report version the cycle was started from (issue 16.3), if the coordinator chose one. */
    public Optional<Long> carriedFrom(long cycleId) {
        return jdbc.sql("select carried_from_version_id from review_cycle where id = ?").param(cycleId)
                .query((rs, n) -> rs.getObject(1, Long.class)).optional().filter(java.util.Objects::nonNull);
    }

    void setCarriedFrom(long cycleId, long reportVersionId) {
        jdbc.sql("update review_cycle set carried_from_version_id = ? where id = ?").params(reportVersionId, cycleId)
                .update();
    }

    void setReportLanguage(long cycleId, String language) {
        jdbc.sql("update review_cycle set report_language = ? where id = ?").params(language, cycleId).update();
    }

    void attachProcessInstance(long cycleId, String processInstanceId) {
        jdbc.sql("update review_cycle set process_instance_id = ? where id = ?").params(processInstanceId, cycleId)
                .update();
    }

    /**
     * The submission deadline of the regional round the cycle is tied to, which scoping plans back from
     * (issue 16.6); empty when the cycle has no round.
     */
    public Optional<LocalDate> regionalDeadline(long cycleId) {
        return jdbc.sql("""
                select r.submission_deadline from review_cycle c join review_round r on r.id = c.regional_round_id
                 where c.id = ?""").param(cycleId).query(LocalDate.class).optional();
    }

    /** Stores what scoping decided about the period and the drafting deadline. */
    void updateScope(long cycleId, LocalDate periodStart, LocalDate periodEnd, LocalDate draftingDue) {
        jdbc.sql("""
                update review_cycle set period_start = ?, period_end = ?, drafting_due = ?, last_activity_at = now()
                 where id = ?""").params(periodStart, periodEnd, draftingDue, cycleId).update();
    }

    /**
     * Marks activity on the cycle, to the minute. Every stakeholder input touches its cycle, so an exact timestamp
     * would make all inputs of a busy consultation queue behind one row lock until each commits (the benchmark
     * measured 25-60 ms of waiting per input at 32 concurrent senders, docs/benchmarks.md); within a minute of the
     * last mark the row is left alone and not locked.
     */
    public void touch(long cycleId) {
        jdbc.sql("""
                update review_cycle set last_activity_at = now()
                 where id = ? and last_activity_at < now() - interval '1 minute'""").param(cycleId).update();
    }

    private static final Duration RECENT_MARK = Duration.ofMinutes(1);

    /**
     * {@link #touch(long)} for a cycle read in this request: when that read shows a mark within the minute, the
     * update would change nothing, and is not sent (a mark further ahead of this node's clock is not trusted).
     * The same minute as the update's own condition: with 50 seconds here, every input in the last 10 seconds of
     * each minute sent an update that changed nothing (the benchmark saw whole levels of them, issue 19.1). Clocks
     * a little apart only move the mark by as much: a little early or a little late, never lost.
     */
    public void touch(ReviewCycle cycle) {
        Instant marked = cycle.lastActivityAt();
        Instant now = Instant.now();
        if (marked == null || marked.isBefore(now.minus(RECENT_MARK)) || marked.isAfter(now.plus(RECENT_MARK))) {
            touch(cycle.id());
        }
    }

    private ReviewCycle map(ResultSet rs, int row) throws SQLException {
        return new ReviewCycle(
                rs.getLong("id"),
                rs.getString("country_iso3").trim(),
                rs.getString("country_name"),
                rs.getString("code"),
                rs.getString("business_key"),
                rs.getString("title"),
                rs.getObject("regional_round_id", Long.class),
                rs.getObject("imrf_round_id", Long.class),
                rs.getObject("period_start", java.time.LocalDate.class),
                rs.getObject("period_end", java.time.LocalDate.class),
                rs.getObject("drafting_due", java.time.LocalDate.class),
                CycleStatus.valueOf(rs.getString("status")),
                rs.getString("process_instance_id"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("last_activity_at")),
                instant(rs.getTimestamp("published_at")));
    }
}
