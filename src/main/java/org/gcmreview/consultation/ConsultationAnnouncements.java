package org.gcmreview.consultation;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consultations as the public list and a country's stakeholders see them: open ones first. */
@Repository
class ConsultationAnnouncements {

    private final JdbcClient jdbc;

    ConsultationAnnouncements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A consultation as the public list shows it. */
    record Announcement(String businessKey, String title, String countryName, ConsultationWindow window) {
    }

    List<Announcement> announcements() {
        return announcements("", List.of());
    }

    /** The consultations of one country, as its stakeholders' own page lists them. */
    List<Announcement> announcementsOf(String countryIso3) {
        return announcements(" where c.country_iso3 = ?", List.of(countryIso3));
    }

    private List<Announcement> announcements(String where, List<Object> params) {
        return jdbc.sql("""
                select c.business_key, c.title, k.name as country_name, w.id, w.cycle_id, w.opens_at, w.closes_at,
                       w.status, w.closed_at, w.allow_individuals, w.targets_chosen, w.responses_completed_at
                  from consultation_window w join review_cycle c on c.id = w.cycle_id
                  join country k on k.iso3 = c.country_iso3 """ + where + " " + """
                 order by (w.status = 'CLOSED'), w.closes_at desc, c.business_key""")
                .params(params)
                .query((rs, n) -> new Announcement(rs.getString("business_key"), rs.getString("title"),
                        rs.getString("country_name"), ConsultationWindows.mapWindow(rs, n)))
                .list();
    }
}
