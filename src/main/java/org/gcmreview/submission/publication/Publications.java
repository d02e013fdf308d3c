package org.gcmreview.submission.publication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each publication of a cycle's report (issue 14.4; table {@code report_publication}): the first publication and
 * every re-publication of a version endorsed after a clarification changed the text. The public sees the version
 * published last; the earlier ones stay at their own address.
 */
@Repository
public class Publications {

    /** One version made public: when and by whom. */
    public record Publication(long reportVersionId, String publishedBy, Instant publishedAt) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Publications(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records the version as published; publishing it again (a retried job) keeps the first moment. */
    boolean record(long cycleId, long reportVersionId, String username) {
        boolean recorded = jdbc.sql("""
                insert into report_publication (cycle_id, report_version_id, published_by) values (?, ?, ?)
                on conflict (cycle_id, report_version_id) do nothing""")
                .params(cycleId, reportVersionId, username).update() == 1;
        if (recorded) {
            events.publishEvent(new PublishedReportChanged(cycleId));
        }
        return recorded;
    }

    /** The cycle's publications, oldest first. */
    public List<Publication> of(long cycleId) {
        return jdbc.sql("""
                select report_version_id, published_by, published_at from report_publication
                 where cycle_id = ? order by published_at, id""").param(cycleId)
                .query((rs, n) -> new Publication(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** The version published last; empty for a cycle never published (or published before publications were kept). */
    Optional<Long> latest(long cycleId) {
        List<Publication> all = of(cycleId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).reportVersionId());
    }

    boolean published(long cycleId, long reportVersionId) {
        return jdbc.sql("select count(*) from report_publication where cycle_id = ? and report_version_id = ?")
                .params(cycleId, reportVersionId).query(Integer.class).single() > 0;
    }
}
