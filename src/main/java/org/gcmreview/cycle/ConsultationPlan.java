package org.gcmreview.cycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a planned consultation window can still be opened as planned (issue 14.1). national-review asks
 * {@code ${consultationPlan.fits(consultationOpensAt, consultationClosesAt)}} before it calls the consultation:
 * when drafting ran late and the planned opening has passed (before today) or the window left is shorter than
 * {@code gcm.consultation.minimum-window}, the coordinator re-plans it instead of a window opening and closing
 * within seconds. Days are whole UTC days and a window counts its first and its last day: one that opens and
 * closes on the same day is one day long. The engine's clock is "now", so process tests can move it.
 */
@Component("consultationPlan")
public class ConsultationPlan {

    private final Duration minimumWindow;

    public ConsultationPlan(@Value("${gcm.consultation.minimum-window:P14D}") Duration minimumWindow) {
        if (minimumWindow.isNegative() || minimumWindow.toDays() < 1) {
            throw new IllegalArgumentException("gcm.consultation.minimum-window must be at least one day (P1D)");
        }
        this.minimumWindow = minimumWindow;
    }

    /** The shortest window, in whole days. */
    public long minimumDays() {
        return minimumWindow.toDays();
    }

    public boolean fits(Date opensAt, Date closesAt) {
        if (opensAt == null || closesAt == null) {
            return false;
        }
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
        return fits(day(opensAt.toInstant()), closingDay(closesAt.toInstant()), today);
    }

    /** A window from {@code opens} to {@code closes} (both included) fits when it opens today or later and is long enough. */
    public boolean fits(LocalDate opens, LocalDate closes, LocalDate today) {
        return !opens.isBefore(today) && days(opens, closes) >= minimumDays();
    }

    /** The length of a window in days, its first and last day included. */
    public static long days(LocalDate opens, LocalDate closes) {
        return ChronoUnit.DAYS.between(opens, closes) + 1;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A window closes at the end of its last day (23:59) or, after an extension, at midnight after it. */
    private static LocalDate closingDay(Instant closesAt) {
        return day(closesAt.minus(Duration.ofMinutes(1)));
    }
}
