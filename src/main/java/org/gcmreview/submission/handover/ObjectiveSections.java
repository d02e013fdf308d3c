package org.gcmreview.submission.handover;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The objective sections of a report as the clarification answer edits them: a plain text per objective,
 * with optimistic locking and a revision row for every change (who, when, what).
 */
@Repository
class ObjectiveSections {

    private final JdbcClient jdbc;

    ObjectiveSections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Section(long id, int objectiveNumber, String title, String body, String implementationStatus,
            int lockVersion) {
    }

    List<Section> of(long cycleId) {
        return jdbc.sql(select() + " order by position, id").param(cycleId).query(Section.class).list();
    }

    /** Same, locked until the transaction ends, so nobody changes a section between the check and the write. */
    List<Section> lockAll(long cycleId) {
        return jdbc.sql(select() + " order by id for update").param(cycleId).query(Section.class).list();
    }

    void revise(Section section, String body, long authorId, String note) {
        jdbc.sql("""
                update report_section set body = ?, lock_version = lock_version + 1, updated_by = ?, updated_at = now()
                 where id = ?""").params(body, authorId, section.id()).update();
        // a revision is a complete snapshot: the parts this answer does not touch are copied as they stand
        jdbc.sql("""
                insert into section_revision (section_id, revision_no, body, implementation_status, measures, practices,
                                              challenges, indicators, author_id, note)
                select s.id, (select coalesce(max(revision_no), 0) + 1 from section_revision where section_id = s.id),
                       ?, s.implementation_status, s.measures, s.practices, s.challenges,
                       coalesce((select json_agg(json_build_object('name', i.name, 'value', i.value, 'unit', i.unit,
                                                                   'source', i.source, 'year', i.year)
                                                 order by i.position)::text
                                   from section_indicator i where i.section_id = s.id), '[]'),
                       ?, ?
                  from report_section s where s.id = ?""")
                .params(body, authorId, note, section.id()).update();
    }

    private static String select() {
        return """
                select id, objective_number, title, body, implementation_status, lock_version
                  from report_section where cycle_id = ? and kind = 'OBJECTIVE'""";
    }
}
