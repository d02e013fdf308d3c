package org.gcmreview.cycle;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * Turns the dates a coordinator picks into the instants the process timers use. Dates mean whole days in UTC
 * (the pages show due dates in UTC too): a deadline lasts until the end of its day, a reminder goes out in the
 * morning, a window opens at the start of its first day and closes at the end of its last.
 */
final class Deadlines {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59);
    private static final LocalTime MORNING = LocalTime.of(8, 0);

    private Deadlines() {
    }

    static Date endOf(LocalDate day) {
        return Date.from(day.atTime(END_OF_DAY).toInstant(ZoneOffset.UTC));
    }

    static Date morningOf(LocalDate day) {
        return Date.from(day.atTime(MORNING).toInstant(ZoneOffset.UTC));
    }

    static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
