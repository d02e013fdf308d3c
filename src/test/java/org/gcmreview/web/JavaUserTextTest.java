package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Text that Java puts on a page (field errors, flash messages, the message shown when a task is done) comes
 * from a message bundle, never from a string literal, so it reaches the reader in their language. A static
 * check over src/main/java, like TemplateTextTest for the templates.
 */
class JavaUserTextTest {

    /** Ways Java hands text to a page, each directly followed by an English string literal. */
    private static final List<Pattern> LITERAL_TEXT = List.of(
            Pattern.compile("errors\\.put(?:IfAbsent)?\\([^;]*?,\\s*\"[A-Za-z]"),
            Pattern.compile("addFlashAttribute\\(\"flash\",\\s*\"[A-Za-z]"),
            Pattern.compile("TaskOutcome\\.(?:complete|saved)\\([^;]*?\"[A-Z][a-z]+ "),
            Pattern.compile("TaskOutcome\\.invalid\\(Map\\.of\\(\"[\\w-]+\",\\s*\"[A-Za-z]"),
            Pattern.compile("addAttribute\\(\"userMessage\",\\s*\"[A-Za-z]"));

    @Test
    void noPageTextIsAStringLiteralInJava() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                for (Pattern pattern : LITERAL_TEXT) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        int line = source.substring(0, m.start()).split("\n", -1).length;
                        problems.add(file + ":" + line + ": " + m.group().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(problems).as("use MessageSource (a feature's *Messages class) instead of a literal").isEmpty();
    }

    @Test
    void theCheckFindsALiteral() {
        String source = """
                errors.put("title", "Keep the title short.");
                errors.put(field, messages.get("x"));
                redirect.addFlashAttribute("flash", "The task is now yours.");
                return TaskOutcome.complete(Map.of(), "The review is scoped. " + n);
                return TaskOutcome.invalid(Map.of("note", "Too long."));
                return TaskOutcome.complete(Map.of("clarificationNeeded", clarify), messages.get("y"));
                """;
        long found = LITERAL_TEXT.stream().mapToLong(p -> p.matcher(source).results().count()).sum();
        assertThat(found).isEqualTo(4);
    }
}
