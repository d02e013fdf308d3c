package org.gcmreview.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Uploaded contribution files waiting for confirmation (table {@code word_import}): the checked edits, with the
 * lock versions they were mapped against, so that confirming stores exactly what was shown, or nothing when
 * someone saved the contribution meanwhile. In the database, not the session, so any node can confirm.
 */
@Repository
class WordImports {

    /** How long an upload waits for its confirmation. */
    static final Duration VALIDITY = Duration.ofHours(2);

    public record Pending(UUID id, long cycleId, long ministryId, String taskId, long uploadedBy, String fileName,
            Locale language, List<ContentEdit> edits) {
    }

    // a mapper of its own: the application's Jackson settings never change what is stored
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<List<ContentEdit>> EDITS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    WordImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(long cycleId, long ministryId, String taskId, long userId, String fileName, String sha256,
            Locale language, List<ContentEdit> edits) {
        jdbc.sql("delete from word_import where expires_at < now() or (task_id = ? and uploaded_by = ?)")
                .params(taskId, userId).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into word_import (id, cycle_id, ministry_id, task_id, uploaded_by, file_name, file_sha256,
                                         language, edits, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, cycleId, ministryId, taskId, userId, fileName, sha256, language.toLanguageTag(),
                        write(edits), java.sql.Timestamp.from(Instant.now().plus(VALIDITY)))
                .update();
        return id;
    }

    /**
     * This user's upload for the task that waits with exactly this result (the same file mapped to the same
     * changes): a form sent twice (double click, resend) is one upload, not a second preview.
     */
    Optional<UUID> waiting(String taskId, long userId, String sha256, Locale language, List<ContentEdit> edits) {
        return jdbc.sql("""
                select id from word_import
                 where task_id = ? and uploaded_by = ? and file_sha256 = ? and language = ? and edits = ?
                   and expires_at > now()""")
                .params(taskId, userId, sha256, language.toLanguageTag(), write(edits))
                .query((rs, n) -> rs.getObject("id", UUID.class)).optional();
    }

    /** The upload, if it is this user's for this task and has not expired. */
    Optional<Pending> find(UUID id, String taskId, long userId) {
        return jdbc.sql("""
                select id, cycle_id, ministry_id, task_id, uploaded_by, file_name, language, edits from word_import
                 where id = ? and task_id = ? and uploaded_by = ? and expires_at > now()""")
                .params(id, taskId, userId)
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getLong("cycle_id"),
                        rs.getLong("ministry_id"), rs.getString("task_id"), rs.getLong("uploaded_by"),
                        rs.getString("file_name"), Locale.forLanguageTag(rs.getString("language")),
                        read(rs.getString("edits"))))
                .optional();
    }

    void delete(UUID id) {
        jdbc.sql("delete from word_import where id = ?").param(id).update();
    }

    private static String write(List<ContentEdit> edits) {
        try {
            return JSON.writeValueAsString(edits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ContentEdit> read(String json) {
        try {
            return JSON.readValue(json, EDITS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
