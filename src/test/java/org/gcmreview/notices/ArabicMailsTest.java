package org.gcmreview.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.gcmreview.DatabaseTest;
import org.gcmreview.web.ArabicDigitsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Issue 17.6 for mails and notices: every mail and notice text (subjects, bodies, digest lines, footers: the keys
 * with {@code .mail.} in their name and the {@code notices.} keys), written in Arabic with its arguments, has no
 * Latin digit outside codes and URLs. Numbers are given as numbers (the callers do, so the language's digits
 * apply); dates come already written in the recipient's language (the callers use
 * {@link org.gcmreview.web.Formats#date(java.time.LocalDate, Locale)}), or, in a stored notice, as a
 * {@link NoticeText#DATE} argument that {@link NoticeWords} writes so.
 */
@DatabaseTest
class ArabicMailsTest {

    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    @Autowired
    MessageSource messages;
    /** The bean is exactly this: the application's messages, which the slice has. */
    NoticeWords words;

    @BeforeEach
    void words() {
        words = new NoticeWords(messages);
    }

    @Test
    void everyMailAndNoticeTextInArabicHasNoLatinDigits() throws IOException {
        TreeSet<String> keys = mailKeys();
        assertThat(keys).hasSizeGreaterThan(30);
        // a number, a code, a date as the callers write it, a URL; the same for every placeholder position
        Object[] arguments = {12, "KEN-2026", org.gcmreview.web.Formats.date(java.time.LocalDate.of(2027, 2, 26), ARABIC),
                3, "https://gcm.example.org/tasks", 1};
        List<String> found = new ArrayList<>();
        for (String key : keys) {
            String text = messages.getMessage(key, arguments, ARABIC);
            ArabicDigitsTest.latinDigits("<body>" + text.replace("<", "&lt;") + "</body>")
                    .forEach(d -> found.add(key + ": " + d));
        }
        assertThat(found).as("Latin digits in Arabic mails and notices").isEmpty();
    }

    @Test
    void aStoredNoticeWritesItsDueDateInTheReadersLanguage() {
        String arabic = words.text("cycle.mail.signOffReminder.subject",
                List.of("وزارة الداخلية", "KEN-2026", NoticeText.DATE + "2027-02-26"), ARABIC);
        assertThat(arabic).doesNotContain("2027").contains("٢٠٢٧");
        String english = words.text("cycle.mail.signOffReminder.subject",
                List.of("Ministry of Interior", "KEN-2026", NoticeText.DATE + "2027-02-26"), Locale.ENGLISH);
        assertThat(english).endsWith("due February 26, 2027");
    }

    /** The mail and notice keys of the Arabic bundles. */
    private static TreeSet<String> mailKeys() throws IOException {
        TreeSet<String> keys = new TreeSet<>();
        List<Path> bundles;
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/i18n")),
                Files.list(Path.of("src/main/resources")))) {
            bundles = files.filter(f -> f.getFileName().toString().endsWith("_ar.properties")).toList();
        }
        for (Path bundle : bundles) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().stream()
                    .filter(k -> k.contains(".mail.") || k.startsWith("notices.text.") || k.startsWith("notices.digest.")
                            || k.startsWith("notices.mail."))
                    .forEach(keys::add);
        }
        return keys;
    }
}
