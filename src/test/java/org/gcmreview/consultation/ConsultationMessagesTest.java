package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * No consultation message with arguments has a straight apostrophe (the consultation's texts use the typographic
 * one). Completeness and placeholders of every bundle: org.gcmreview.web.MessageBundlesTest.
 */
class ConsultationMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "_fr", "_es", "_ar", "_zh", "_ru"})
    void noMessageWithArgumentsHasAStraightApostropheThatMessageFormatWouldSwallow(String suffix) throws IOException {
        Properties messages = load("i18n/consultation" + suffix + ".properties");
        messages.stringPropertyNames().stream().filter(key -> messages.getProperty(key).contains("{"))
                .forEach(key -> assertThat(messages.getProperty(key)).as(key).doesNotContain("'"));
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
