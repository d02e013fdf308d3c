package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The drafting bundle (i18n/drafting) is complete in French, Spanish and Arabic: every English key is
 * translated, with the same placeholders, and every message with placeholders survives MessageFormat (a stray
 * apostrophe there would swallow the rest of the text).
 */
class DraftingBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @ParameterizedTest
    @ValueSource(strings = {"fr", "es", "ar"})
    void everyEnglishMessageIsTranslatedWithTheSamePlaceholders(String language) throws IOException {
        Properties english = load("i18n/drafting.properties");
        Properties translated = load("i18n/drafting_" + language + ".properties");
        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            assertThat(text).as(key).isNotBlank();
            assertThat(placeholders(text)).as(key).isEqualTo(placeholders(english.getProperty(key)));
            if (!placeholders(text).isEmpty()) {
                Object[] args = placeholders(text).stream().map(n -> "ARG" + n).toArray();
                String formatted = new MessageFormat(text, Locale.forLanguageTag(language)).format(args);
                assertThat(formatted).as(key).doesNotContain("{").contains("ARG0");
            }
        }
    }

    private static Set<Integer> placeholders(String text) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
