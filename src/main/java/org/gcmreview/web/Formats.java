package org.gcmreview.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, moments and numbers as the reader's language writes them, for templates ({@code ${@formats.date(d)}},
 * {@code ${@formats.dateTime(instant)}}, {@code ${@formats.number(n)}}) and for messages made in Java.
 * A fixed pattern such as {@code d MMM yyyy} would print English month names and the wrong order in most
 * languages; the JDK's localized styles (CLDR) get both right, and digits follow the language's own numbering
 * system (Arabic-Indic in Arabic), the same as numbers in messages, so a page never mixes the two.
 * Moments are shown in UTC, which the pages say, because reviews involve several time zones.
 */
@Component("formats")
public class Formats {

    /** A calendar date, e.g. "1 mars 2026"; empty for none. */
    public String date(LocalDate date) {
        return date == null ? "" : dates(locale()).format(date);
    }

    /** A calendar date in a given language, for text made outside a request (mails in the recipient's language). */
    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : dates(locale).format(date);
    }

    /** The UTC calendar date of a moment. */
    public String date(Instant instant) {
        return instant == null ? "" : date(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** A legacy {@link Date} (Camunda's due dates), as its UTC calendar date. */
    public String date(Date date) {
        return date == null ? "" : date(date.toInstant());
    }

    /** A date stored as ISO text (yyyy-MM-dd, e.g. in a frozen report's JSON); other text is shown as it is. */
    public String isoDate(String text) {
        try {
            return text == null ? "" : date(LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return text;
        }
    }

    /** A moment in UTC with its time, e.g. "1 mars 2026 14:05 UTC"; empty for none. */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = locale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withDecimalStyle(DecimalStyle.of(locale)).format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /**
     * A moment as a time element's machine-readable datetime, e.g. 2026-03-01T14:05:09.123Z: HTML allows at most
     * three digits of a second, and PostgreSQL keeps six. Null for none (Thymeleaf then leaves the attribute out).
     */
    public String datetime(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** A count with the language's digit grouping, e.g. 1 234 in French. */
    public String number(Number number) {
        return number == null ? "" : NumberFormat.getIntegerInstance(locale()).format(number);
    }

    /** A language's name in the reader's language, e.g. "chinois" for zh on a French page. */
    public String languageName(String code) {
        return code == null ? "" : Locale.forLanguageTag(code).getDisplayLanguage(locale());
    }

    private static DateTimeFormatter dates(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .withDecimalStyle(DecimalStyle.of(locale));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
