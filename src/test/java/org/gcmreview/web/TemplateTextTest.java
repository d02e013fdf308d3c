package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every word a user can read comes from a message bundle. A static check over all templates (Thymeleaf's own
 * markup parser, AttoParser, reads them): it flags
 * <ul>
 * <li>text nodes with letters that are shown as they are, i.e. not inside an element whose body Thymeleaf
 * replaces (th:text, th:utext, th:replace, th:insert, th:remove="all"/"body");</li>
 * <li>readable attributes (title, placeholder, aria-label, alt, label, and the value of input buttons) that no
 * th:* attribute overrides;</li>
 * <li>quoted literals with letters in expressions that produce text (th:text, th:title, th:attr, ...), outside
 * message expressions #{...}, comparisons and method arguments;</li>
 * <li>dates formatted with a fixed pattern, which would print English month names in every language.</li>
 * </ul>
 * The prototype text a template keeps inside a replaced element is for people reading the template and never
 * reaches the browser, so it is not flagged.
 */
class TemplateTextTest {

    private static final Path TEMPLATES = TemplateWalk.TEMPLATES;

    /** Words that are the same in every language: the brand, codes and units. */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("gcm-review", "GCM", "ECA", "ECE", "ECLAC",
            "ESCAP", "ESCWA", "IMRF", "UTC", "SHA-256", "PDF", "CSV", "XLSX", "JSON");

    private static final Set<String> READABLE_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt",
            "label", "aria-roledescription", "aria-valuetext");

    /** Attributes whose expression ends up as text on the page. */
    private static final Set<String> TEXT_EXPRESSIONS = Set.of("th:text", "th:utext", "th:title", "th:placeholder",
            "th:aria-label", "th:alt", "th:attr", "th:label", "th:content");

    private static final Set<String> BODY_REPLACED_BY = Set.of("th:text", "th:utext", "th:replace", "th:insert",
            "th:include", "data-th-text", "data-th-utext", "data-th-replace", "data-th-insert");

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern FIXED_DATE_PATTERN =
            Pattern.compile("#(?:temporals|dates|calendars)\\.format\\(.*?'[^']*[dMyHhms][^']*'");

    @Test
    void noTemplateShowsTextThatIsNotInAMessageBundle() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : TemplateWalk.templates()) {
            problems.addAll(check(template));
        }
        assertThat(problems).as("user-visible text outside #{...} (move it into a message bundle)").isEmpty();
    }

    @Test
    void noTemplateFormatsADateWithAFixedPattern() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : TemplateWalk.templates()) {
            String[] lines = Files.readString(template).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (FIXED_DATE_PATTERN.matcher(lines[i]).find()) {
                    problems.add(TEMPLATES.relativize(template) + ":" + (i + 1) + " " + lines[i].strip());
                }
            }
        }
        assertThat(problems).as("use ${@formats.date(..)} / ${@formats.dateTime(..)} (org.gcmreview.web.Formats)")
                .isEmpty();
    }

    /** The check itself catches what it must, so a passing run above means something. */
    @Test
    void theCheckFindsHardCodedText(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.html");
        Files.writeString(page, """
                <html xmlns:th="http://www.thymeleaf.org"><head><title th:text="#{t}">Kept</title></head><body>
                <h1>Review cycles</h1>
                <p th:text="#{ok}">prototype only</p>
                <p th:remove="all">removed</p>
                <p>[[#{inline}]] · gcm-review, GCM 2026</p>
                <input type="submit" value="Save">
                <input type="submit" value="Save" th:value="#{save}">
                <a title="Open" href="#">x</a>
                <span th:text="${x} ?: 'None'">n</span>
                <span th:text="${errors.get('title')}">n</span>
                <span th:text="${a == 'OPEN'} ? #{open} : #{closed('word')}">n</span>
                <select th:attr="aria-label='Lead for ' + ${n}"></select>
                <li th:text="|SDG target ${t}|">x</li><li th:text="|${a.letter}.|">x</li>
                <script>var s = "not text";</script>
                </body></html>
                """);
        assertThat(check(page)).hasSize(7)
                .anySatisfy(p -> assertThat(p).contains("SDG target"))
                .anySatisfy(p -> assertThat(p).contains("Review cycles"))
                .anySatisfy(p -> assertThat(p).contains("value=\"Save\""))
                .anySatisfy(p -> assertThat(p).contains("title=\"Open\""))
                .anySatisfy(p -> assertThat(p).endsWith(": x"))
                .anySatisfy(p -> assertThat(p).contains("'None'"))
                .anySatisfy(p -> assertThat(p).contains("'Lead for '"));
    }

    static List<String> check(Path template) throws IOException {
        String name = template.getFileName().toString().equals("page.html") ? "page.html"
                : TEMPLATES.relativize(template).toString();
        Checker checker = new Checker(name);
        TemplateWalk.parse(template, name, checker);
        return checker.problems;
    }

    private static final class Checker extends TemplateWalk.Elements {

        private record Frame(String name, boolean hidesBody) {
        }

        private final String template;
        private final Deque<Frame> open = new ArrayDeque<>();
        final List<String> problems = new ArrayList<>();

        Checker(String template) {
            this.template = template;
        }

        @Override
        void opened(String elementName, Map<String, String> attributes) {
            if (!VOID.contains(elementName.toLowerCase())) {
                open.push(new Frame(elementName, hidesBody(elementName, attributes)));
            }
        }

        @Override
        public void handleText(char[] buffer, int offset, int len, int line, int col) {
            if (open.stream().anyMatch(Frame::hidesBody)) {
                return;
            }
            String text = new String(buffer, offset, len);
            String readable = text.replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]", " ").replaceAll("&#?\\w+;", " ");
            if (hasWords(readable)) {
                problems.add(template + ":" + line + ": " + text.strip().replaceAll("\\s+", " "));
            }
        }

        @Override
        void closed(String elementName) {
            while (!open.isEmpty()) {
                if (open.pop().name().equalsIgnoreCase(elementName)) {
                    return;
                }
            }
        }

        private static boolean hidesBody(String elementName, Map<String, String> attributes) {
            if (elementName.equalsIgnoreCase("script") || elementName.equalsIgnoreCase("style")) {
                return true;
            }
            if (attributes == null || elementName.equalsIgnoreCase("html")) {
                return false; // a page hands its title and section to the layout: they are shown
            }
            String remove = attributes.get("th:remove");
            return attributes.keySet().stream().anyMatch(BODY_REPLACED_BY::contains)
                    || "all".equals(remove) || "body".equals(remove) || "all-but-first".equals(remove);
        }

        @Override
        void element(String elementName, Map<String, String> attributes, int line) {
            if (attributes == null || open.stream().anyMatch(Frame::hidesBody)) {
                return; // a prototype element inside replaced content
            }
            String thAttr = attributes.getOrDefault("th:attr", "");
            for (var a : attributes.entrySet()) {
                String attribute = a.getKey().toLowerCase();
                boolean readable = READABLE_ATTRIBUTES.contains(attribute)
                        || attribute.equals("value") && elementName.equalsIgnoreCase("input")
                        && Set.of("submit", "button", "reset").contains(attributes.getOrDefault("type", ""));
                if (readable && !attributes.containsKey("th:" + attribute) && !thAttr.contains(attribute + "=")
                        && hasWords(a.getValue())) {
                    problems.add(template + ":" + line + ": <" + elementName + " " + a.getKey() + "=\"" + a.getValue()
                            + "\">");
                }
                if (attribute.equals("th:attr")) {
                    for (String assignment : topLevelParts(a.getValue())) {
                        int eq = assignment.indexOf('=');
                        String target = eq < 0 ? "" : assignment.substring(0, eq).strip().toLowerCase();
                        if (READABLE_ATTRIBUTES.contains(target)) {
                            for (String literal : textLiterals(assignment.substring(eq + 1))) {
                                problems.add(template + ":" + line + ": th:attr " + target + " literal '" + literal
                                        + "'");
                            }
                        }
                    }
                } else if (TEXT_EXPRESSIONS.contains(attribute)) {
                    for (String literal : textLiterals(a.getValue())) {
                        problems.add(template + ":" + line + ": " + a.getKey() + " literal '" + literal + "'");
                    }
                }
            }
        }

        /** Literals with words that an expression prints: not message keys/arguments, comparands or arguments. */
        private static List<String> textLiterals(String expression) {
            String outsideMessages = withoutMessageExpressions(expression);
            List<String> found = new ArrayList<>();
            Matcher substitution = Pattern.compile("\\|([^|]*)\\|").matcher(outsideMessages);
            while (substitution.find()) {
                String text = substitution.group(1).replaceAll("[$*@~]\\{[^}]*}", " ");
                if (hasWords(text)) {
                    found.add(substitution.group(1));
                }
            }
            Matcher m = LITERAL.matcher(outsideMessages);
            while (m.find()) {
                String before = outsideMessages.substring(0, m.start()).stripTrailing();
                String after = outsideMessages.substring(m.end()).stripLeading();
                boolean comparand = before.endsWith("==") || before.endsWith("!=") || after.startsWith("==")
                        || after.startsWith("!=") || before.endsWith(" eq") || before.endsWith(" ne");
                boolean argument = before.endsWith("(") || before.endsWith("[") || before.endsWith(",");
                if (!comparand && !argument && hasWords(m.group(1))) {
                    found.add(m.group(1));
                }
            }
            return found;
        }

        /** th:attr="a=x, b=y" split at the commas that separate assignments. */
        private static List<String> topLevelParts(String value) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                } else if (!quoted && (c == '(' || c == '{' || c == '[')) {
                    depth++;
                } else if (!quoted && (c == ')' || c == '}' || c == ']')) {
                    depth--;
                } else if (!quoted && depth == 0 && c == ',') {
                    parts.add(value.substring(start, i));
                    start = i + 1;
                }
            }
            parts.add(value.substring(start));
            return parts;
        }

        private static String withoutMessageExpressions(String expression) {
            StringBuilder kept = new StringBuilder();
            int i = 0;
            while (i < expression.length()) {
                if (expression.startsWith("#{", i)) {
                    int depth = 0;
                    int j = i + 1;
                    for (; j < expression.length(); j++) {
                        char c = expression.charAt(j);
                        if (c == '{') {
                            depth++;
                        } else if (c == '}' && --depth == 0) {
                            break;
                        }
                    }
                    i = j + 1;
                    kept.append("§"); // no letters: a message is never hard-coded text
                } else {
                    kept.append(expression.charAt(i++));
                }
            }
            return kept.toString();
        }

        private static boolean hasWords(String text) {
            for (String token : text.split("[\\s·—–:;,.()/|!?\"“”«»]+")) {
                if (LETTER.matcher(token).find() && !SAME_IN_EVERY_LANGUAGE.contains(token)) {
                    return true;
                }
            }
            return false;
        }
    }
}
