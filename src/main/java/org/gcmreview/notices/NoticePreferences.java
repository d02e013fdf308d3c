package org.gcmreview.notices;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How each person wants each kind of notice by e-mail ({@code notice_preference}; no row: the kind's default). */
@Repository
class NoticePreferences {

    private final JdbcClient jdbc;

    NoticePreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<NoticeKind, MailDelivery> of(long userId) {
        Map<NoticeKind, MailDelivery> choices = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            choices.put(kind, kind.byDefault());
        }
        jdbc.sql("select kind, delivery from notice_preference where user_id = ?").param(userId)
                .query((rs, row) -> Map.entry(rs.getString("kind"), rs.getString("delivery"))).list()
                .forEach(e -> parse(e.getKey()).ifPresent(
                        kind -> choices.put(kind, MailDelivery.valueOf(e.getValue()))));
        return choices;
    }

    MailDelivery of(long userId, NoticeKind kind) {
        return jdbc.sql("select delivery from notice_preference where user_id = ? and kind = ?")
                .params(userId, kind.name()).query(String.class).optional().map(MailDelivery::valueOf)
                .orElse(kind.byDefault());
    }

    /** Sets the choices given; returns the kinds whose choice changed. */
    Map<NoticeKind, MailDelivery> set(long userId, Map<NoticeKind, MailDelivery> choices) {
        Map<NoticeKind, MailDelivery> before = of(userId);
        Map<NoticeKind, MailDelivery> changed = new EnumMap<>(NoticeKind.class);
        choices.forEach((kind, delivery) -> {
            if (before.get(kind) != delivery) {
                jdbc.sql("insert into notice_preference (user_id, kind, delivery) values (?, ?, ?) "
                                + "on conflict (user_id, kind) do update set delivery = excluded.delivery")
                        .params(userId, kind.name(), delivery.name()).update();
                changed.put(kind, delivery);
            }
        });
        return changed;
    }

    static java.util.Optional<NoticeKind> parse(String kind) {
        for (NoticeKind k : NoticeKind.values()) {
            if (k.name().equals(kind)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
