package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The consultation's bundle (i18n/consultation) is complete in French, Spanish and Arabic, and every
 * translation takes the same arguments as the English text, so no placeholder is lost or left raw.
 */
class ConsultationMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"fr", "es", "ar"})
    void everyEnglishMessageIsTranslatedWithTheSameArguments(String language) throws IOException {
        Properties english = load("i18n/consultation.properties");
        Properties translated = load("i18n/consultation_" + language + ".properties");

        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            assertThat(text).as(key).isNotBlank();
            assertThat(arguments(text, language)).as(key).isEqualTo(arguments(english.getProperty(key), "en"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_fr", "_es", "_ar"})
    void noMessageWithArgumentsHasAStraightApostropheThatMessageFormatWouldSwallow(String suffix) throws IOException {
        Properties messages = load("i18n/consultation" + suffix + ".properties");
        messages.stringPropertyNames().stream().filter(key -> messages.getProperty(key).contains("{"))
                .forEach(key -> assertThat(messages.getProperty(key)).as(key).doesNotContain("'"));
    }

    /** How many arguments the message uses. */
    private static int arguments(String text, String language) {
        return new MessageFormat(text, Locale.forLanguageTag(language)).getFormatsByArgumentIndex().length;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
