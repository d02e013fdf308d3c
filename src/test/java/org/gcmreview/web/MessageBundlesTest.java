package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Every message bundle (the shared {@code messages} and each feature's {@code i18n/<feature>}) is complete in
 * French, Spanish, Arabic, Chinese and Russian (the other five UN languages): the same keys as English, none blank, and the same placeholders, so no argument
 * is lost or printed raw. Messages with arguments must survive MessageFormat (a stray apostrophe would swallow
 * the rest of the text). Every bundle is registered with Spring, and every key a template names exists.
 */
class MessageBundlesTest {

    private static final List<String> TRANSLATIONS = List.of("fr", "es", "ar", "zh", "ru");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

    /** The five translations for every bundle (a missing file fails), plus any other language a bundle has. */
    static Stream<Arguments> bundlesAndLanguages() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String bundle : bundles()) {
            Set<String> languages = new TreeSet<>(TRANSLATIONS);
            Path file = Path.of("src/main/resources", bundle + ".properties");
            String base = file.getFileName().toString().replace(".properties", "_");
            try (Stream<Path> siblings = Files.list(file.getParent())) {
                siblings.map(f -> f.getFileName().toString())
                        .filter(n -> n.startsWith(base) && n.endsWith(".properties"))
                        .map(n -> n.substring(base.length(), n.length() - ".properties".length()))
                        .forEach(languages::add);
            }
            for (String language : languages) {
                all.add(Arguments.of(bundle, language));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("bundlesAndLanguages")
    void everyEnglishMessageIsTranslatedWithTheSamePlaceholders(String bundle, String language) throws IOException {
        Properties english = load(bundle + ".properties");
        Properties translated = load(bundle + "_" + language + ".properties");
        assertThat(translated.stringPropertyNames()).as("keys of %s_%s", bundle, language)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            assertThat(text).as(key).isNotBlank();
            assertThat(placeholders(text)).as(key).isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("bundlesAndLanguages")
    void messagesWithArgumentsFormat(String bundle, String language) throws IOException {
        Properties english = load(bundle + ".properties");
        Properties translated = load(bundle + "_" + language + ".properties");
        for (String key : english.stringPropertyNames()) {
            // an argument a language formats as a number (choice, number) gets a number in every language
            String both = english.getProperty(key) + " " + translated.getProperty(key, "");
            for (Properties messages : List.of(english, translated)) {
                String text = messages.getProperty(key);
                Set<Integer> used = text == null ? Set.of() : placeholders(text);
                if (used.isEmpty()) {
                    continue;
                }
                Object[] args = new Object[used.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
                for (int i = 0; i < args.length; i++) {
                    args[i] = both.contains("{" + i + ",") ? (Object) 2 : "ARG" + i;
                }
                Locale locale = messages == english ? Locale.ENGLISH : Locale.forLanguageTag(language);
                String formatted = new MessageFormat(text, locale).format(args);
                assertThat(formatted).as(bundle + " " + locale + ": " + key).doesNotContain("{").doesNotContain("}");
                used.stream().filter(i -> args[i] instanceof String).forEach(
                        i -> assertThat(formatted).as(bundle + " " + locale + ": " + key).contains("ARG" + i));
            }
        }
    }

    @Test
    void everyBundleIsRegisteredWithSpring() throws IOException {
        String configuration = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher basename = Pattern.compile("basename:\\s*(\\S+)").matcher(configuration);
        assertThat(basename.find()).isTrue();
        assertThat(Set.of(basename.group(1).split(","))).containsExactlyInAnyOrderElementsOf(bundles());
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> english = new HashSet<>();
        for (String bundle : bundles()) {
            english.addAll(load(bundle + ".properties").stringPropertyNames());
        }
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = literalKey.matcher(Files.readString(file));
                while (m.find()) {
                    if (!english.contains(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** messages plus every i18n/<feature> bundle found beside it. */
    static List<String> bundles() throws IOException {
        List<String> bundles = new ArrayList<>(List.of("messages"));
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> "i18n/" + n.substring(0, n.length() - ".properties".length())).sorted()
                    .forEach(bundles::add);
        }
        return bundles;
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
