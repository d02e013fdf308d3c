package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Dates, moments and counts as each language writes them. */
class FormatsTest {

    private final Formats formats = new Formats();

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void datesFollowTheLanguage() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertThat(in("en", () -> formats.date(day))).isEqualTo("March 1, 2026");
        assertThat(in("fr", () -> formats.date(day))).isEqualTo("1 mars 2026");
        assertThat(in("es", () -> formats.date(day))).isEqualTo("1 de marzo de 2026");
        assertThat(in("ar", () -> formats.date(day))).isEqualTo("١ مارس ٢٠٢٦");
        assertThat(in("ru", () -> formats.date(day))).isEqualTo("1 марта 2026 г.");
        assertThat(in("zh", () -> formats.date(day))).isEqualTo("2026年3月1日");
    }

    @Test
    void momentsAreShownInUtcAndSaySo() {
        Instant moment = Instant.parse("2026-03-01T23:30:00Z");
        assertThat(in("fr", () -> formats.dateTime(moment))).isEqualTo("1 mars 2026 23:30 UTC");
        assertThat(in("fr", () -> formats.date(moment))).isEqualTo("1 mars 2026");
        assertThat(in("en", () -> formats.dateTime(null))).isEmpty();
    }

    @Test
    void countsGetTheLanguagesGroupingAndDigits() {
        assertThat(in("en", () -> formats.number(1234567))).isEqualTo("1,234,567");
        assertThat(in("es", () -> formats.number(1234567))).isEqualTo("1.234.567");
        assertThat(in("fr", () -> formats.number(1234))).isEqualTo("1\u202f234");
        assertThat(in("ar", () -> formats.number(1234))).isEqualTo("١٬٢٣٤");
    }

    @Test
    void isoDatesFromStoredJsonAreFormattedAndAnythingElseIsLeftAsItIs() {
        assertThat(in("fr", () -> formats.isoDate("2025-12-31"))).isEqualTo("31 décembre 2025");
        assertThat(in("fr", () -> formats.isoDate("null"))).isEqualTo("null");
    }

    private static String in(String language, java.util.function.Supplier<String> formatting) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
        return formatting.get();
    }
}
