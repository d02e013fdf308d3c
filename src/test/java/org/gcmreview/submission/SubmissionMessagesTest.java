package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every key the submission feature's templates and classes name exists in its bundle (i18n/submission).
 * Completeness of the translations and placeholders: org.gcmreview.web.MessageBundlesTest, for every bundle.
 */
class SubmissionMessagesTest {

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
