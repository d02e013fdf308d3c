package org.gcmreview.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the attachment table; the rules about who may do what are in {@link AttachmentService}. */
@Repository
class AttachmentRepository {

    private static final String SELECT = """
            select a.public_id, a.owner_kind, a.owner_id, a.cycle_id, a.country_iso3, a.file_name, a.media_type,
                   a.size_bytes, a.sha256, a.uploaded_by, u.display_name as uploaded_by_name, a.uploaded_at
              from attachment a join app_user u on u.id = a.uploaded_by
            """;

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(OwnerKind ownerKind, long ownerId, long cycleId, String iso3, InspectedFile file, long userId) {
        return jdbc.sql("""
                insert into attachment (owner_kind, owner_id, cycle_id, country_iso3, file_name, media_type, size_bytes,
                                        sha256, content, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning public_id""")
                .params(ownerKind.name(), ownerId, cycleId, iso3, file.fileName(), file.type().mediaType(), file.size(),
                        file.sha256(), file.content(), userId)
                .query(UUID.class).single();
    }

    Optional<Attachment> find(UUID publicId) {
        return jdbc.sql(SELECT + " where a.public_id = ?").param(publicId).query(this::map).optional();
    }

    byte[] content(UUID publicId) {
        return jdbc.sql("select content from attachment where public_id = ?").param(publicId)
                .query((rs, row) -> rs.getBytes(1)).single();
    }

    List<Attachment> byOwners(OwnerKind ownerKind, Collection<Long> ownerIds) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        // one array parameter, so the statement's text (and its prepared plan) is the same for any number of owners
        return jdbc.sql(SELECT + " where a.owner_kind = :kind and a.owner_id = any(:ids) order by a.uploaded_at, a.id")
                .param("kind", ownerKind.name()).param("ids", ownerIds.toArray(Long[]::new)).query(this::map).list();
    }

    void delete(UUID publicId) {
        jdbc.sql("delete from attachment where public_id = ?").param(publicId).update();
    }

    /** The cycle the owner belongs to, if the owner exists. */
    Optional<Long> cycleOfOwner(OwnerKind ownerKind, long ownerId) {
        String sql = switch (ownerKind) {
            case CONTRIBUTION -> "select cycle_id from contribution where id = ?";
            case REPORT_SECTION -> "select cycle_id from report_section where id = ?";
            case CONSULTATION_INPUT -> """
                    select w.cycle_id from consultation_input i join consultation_window w on w.id = i.window_id
                     where i.id = ?""";
        };
        return jdbc.sql(sql).param(ownerId).query(Long.class).optional();
    }

    /**
     * Whether the cycle is published, holding a share lock on its row until the transaction ends, so the
     * cycle cannot be published between this check and the change to its evidence.
     */
    /**
     * A report section's file that existed when a version of its cycle was frozen: evidence of that version,
     * which nobody removes any more (the database refuses it too, db/V120).
     */
    boolean frozenEvidence(UUID publicId) {
        return jdbc.sql("""
                select exists (select 1 from attachment a join report_version v on v.cycle_id = a.cycle_id
                                where a.public_id = ? and a.owner_kind = 'REPORT_SECTION'
                                  and v.frozen_at >= a.uploaded_at)""")
                .param(publicId).query(Boolean.class).single();
    }

    /**
     * The file is evidence of a version submitted to a round of this commission (regional), or to an IMRF
     * edition when commission is null.
     */
    boolean submittedTo(UUID publicId, String commissionCode) {
        return jdbc.sql("""
                select exists (select 1 from attachment a
                                 join submission s on s.cycle_id = a.cycle_id
                                 join report_version v on v.id = s.report_version_id
                                 join review_round r on r.id = s.round_id
                                where a.public_id = :id and a.owner_kind = 'REPORT_SECTION'
                                  and v.frozen_at >= a.uploaded_at
                                  and (case when cast(:commission as varchar) is null then r.kind = 'IMRF'
                                            else r.kind = 'REGIONAL' and r.commission_code = :commission end))""")
                .param("id", publicId).param("commission", commissionCode).query(Boolean.class).single();
    }

    boolean publishedLocked(long cycleId) {
        return jdbc.sql("""
                select published_at is not null or status = 'PUBLISHED' from review_cycle where id = ? for share""")
                .param(cycleId).query(Boolean.class).single();
    }

    private Attachment map(ResultSet rs, int row) throws SQLException {
        return new Attachment(
                rs.getObject("public_id", UUID.class),
                OwnerKind.valueOf(rs.getString("owner_kind")),
                rs.getLong("owner_id"),
                rs.getLong("cycle_id"),
                rs.getString("country_iso3").trim(),
                rs.getString("file_name"),
                AttachmentType.ofMediaType(rs.getString("media_type")).orElseThrow(),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getLong("uploaded_by"),
                rs.getString("uploaded_by_name"),
                rs.getTimestamp("uploaded_at").toInstant(),
                false);
    }
}
