package org.gcmreview.notices;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notice} table: each person's notices, read or not. */
@Repository
class NoticeStore {

    /** The centre shows this many, newest first; older ones are not lost, only not listed. */
    static final int PAGE_ROWS = 100;

    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long userId, NoticeKind kind, NoticeText text, boolean forDigest) {
        return jdbc.sql("insert into notice (user_id, kind, message_key, arguments, link, cycle_key, digest_due) "
                        + "values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(userId, kind.name(), text.messageKey(), text.arguments().toArray(String[]::new), text.link(),
                        text.cycleKey(), forDigest)
                .query(Long.class).single();
    }

    List<Notice> latest(long userId) {
        return jdbc.sql("select * from notice where user_id = ? order by created_at desc, id desc limit " + PAGE_ROWS)
                .param(userId).query(NoticeStore::notice).list();
    }

    /** The header's figure: one count on a partial index. */
    long unread(long userId) {
        return jdbc.sql("select count(*) from notice where user_id = ? and read_at is null").param(userId)
                .query(Long.class).single();
    }

    /** False when the person has no such notice (another person's notice is no different from none). */
    boolean markRead(long userId, long id) {
        return jdbc.sql("update notice set read_at = coalesce(read_at, now()) where id = ? and user_id = ?")
                .params(id, userId).update() == 1;
    }

    int markAllRead(long userId) {
        return jdbc.sql("update notice set read_at = now() where user_id = ? and read_at is null").param(userId)
                .update();
    }

    /** People with notices waiting for their digest. */
    List<Long> awaitingDigest() {
        return jdbc.sql("select distinct user_id from notice where digest_due and digested_at is null")
                .query(Long.class).list();
    }

    /** A person's notices waiting for the digest, locked so that a second node skips them. */
    List<Notice> claimForDigest(long userId) {
        return jdbc.sql("select * from notice where user_id = ? and digest_due and digested_at is null "
                        + "order by cycle_key nulls last, created_at, id for update skip locked")
                .param(userId).query(NoticeStore::notice).list();
    }

    void digested(List<Long> ids) {
        jdbc.sql("update notice set digested_at = now() where id = any(?)").param(ids.toArray(Long[]::new)).update();
    }

    static Notice notice(ResultSet rs, int row) throws SQLException {
        Array arguments = rs.getArray("arguments");
        Timestamp read = rs.getTimestamp("read_at");
        return new Notice(rs.getLong("id"), rs.getLong("user_id"), NoticeKind.valueOf(rs.getString("kind")),
                rs.getString("message_key"), Arrays.asList((String[]) arguments.getArray()), rs.getString("link"),
                rs.getString("cycle_key"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
