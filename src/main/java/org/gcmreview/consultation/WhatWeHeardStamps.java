package org.gcmreview.consultation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the what-we-heard page of a window shows, as one cheap string for its entity tag: the window's state and
 * how many inputs it has with the latest time any of them changed. Every change the page shows stamps a time
 * (received, confirmed, moderated or merged as a duplicate, answered), so a changed answer changes the tag.
 */
@Component
class WhatWeHeardStamps {

    private final JdbcClient jdbc;

    WhatWeHeardStamps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String stamp(ConsultationWindow window) {
        String inputs = jdbc.sql("""
                select count(*) || ':' || coalesce(max(greatest(submitted_at, confirmed_at, moderated_at,
                                                                responded_at))::text, '-')
                  from consultation_input where window_id = ?""").param(window.id()).query(String.class).single();
        return window + "|" + inputs;
    }
}
