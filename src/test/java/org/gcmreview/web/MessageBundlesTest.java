package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/** English, French, Spanish and Arabic are complete: every English key has a non-empty translation. */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"fr", "es", "ar"})
    void everyEnglishMessageIsTranslated(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");
        assertThat(translated.stringPropertyNames()).containsAll(english.stringPropertyNames());
        english.stringPropertyNames().forEach(key -> assertThat(translated.getProperty(key)).as(key).isNotBlank());
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
