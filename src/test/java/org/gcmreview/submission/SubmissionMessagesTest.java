package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The submission feature's bundle (i18n/submission): complete in French, Spanish and Arabic, every message with
 * arguments formats (a stray apostrophe would swallow its placeholder), and every key the templates and classes
 * name exists.
 */
class SubmissionMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"fr", "es", "ar"})
    void everyMessageIsTranslated(String language) throws IOException {
        Properties english = load("i18n/submission.properties");
        Properties translated = load("i18n/submission_" + language + ".properties");
        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        english.stringPropertyNames().forEach(key -> assertThat(translated.getProperty(key)).as(key).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_fr", "_es", "_ar"})
    void messagesWithArgumentsFormatWithThem(String suffix) throws IOException {
        Properties messages = load("i18n/submission" + suffix + ".properties");
        Locale locale = suffix.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(suffix.substring(1));
        for (String key : messages.stringPropertyNames()) {
            String pattern = messages.getProperty(key);
            if (!pattern.contains("{0") && !pattern.contains("{1")) {
                continue;
            }
            String formatted = new MessageFormat(pattern, locale).format(new Object[] {7, "ARG1"});
            assertThat(formatted).as(key).doesNotContain("{").doesNotContain("}");
            if (pattern.contains("{1}")) {
                assertThat(formatted).as(key).contains("ARG1");
            }
        }
    }

    @Test
    void everyKeyNamedInTheCodeExists() throws IOException {
        Properties english = load("i18n/submission.properties");
        Set<String> named = new TreeSet<>();
        Pattern key = Pattern.compile("(?:#\\{|\")(submission\\.[a-zA-Z0-9_.]*[a-zA-Z0-9_])(?:[}(\"])");
        for (Path root : new Path[] {Path.of("src/main/resources/templates/submission"),
                Path.of("src/main/java/org/gcmreview/submission")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = key.matcher(Files.readString(file));
                    while (m.find()) {
                        named.add(m.group(1));
                    }
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(50);
        assertThat(english.stringPropertyNames()).containsAll(named);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
