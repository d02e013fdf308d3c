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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A field a user fills in is one line in a template: a fragment of fields.html, which puts the label, the hint
 * and the error from the form's BindingResult together with the control (issue 15.3). A static check over all
 * templates: a visible {@code <input>}, {@code <textarea>} or {@code <select>} written by hand is flagged unless
 * it sits in a form sent with GET (a filter or search box: nothing is stored and no error comes back) or the
 * allow-list below names it with the reason it stays as it is. Fragments of other files count too, since they
 * end up inside someone's form.
 */
class FormFieldsTest {

    private static final Path TEMPLATES = TemplateWalk.TEMPLATES;

    /** Where the fields are written once, for every form. */
    private static final String FIELDS = "fields.html";

    // Why a hand-written field stays (the reasons several fields share).
    private static final String TWO_FORMS =
            "the consultation page's two input forms share these fields: ids carry the form's prefix (i-) and an " +
            "error shows only under the form that was sent (consultation/fragments :: fieldError)";

    private static final String ROW =
            "one small form per table row: the id carries the row's id and several forms on the page post the same " +
            "name";

    private static final String OWN_ERROR =
            "not a FormBinder form: one error flag of its own for the page, not an errors map by field";

    private static final String ITEMS =
            "a check box per item whose label holds someone's text in a bdi (or HTML), with ids by the item's id";

    /**
     * Hand-written fields that stay, by template and field name (the name attribute as written), each with the
     * reason. An entry that no longer matches a field fails the test too, so the list does not outlive its fields.
     */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("attachment/fragments.html ${fieldName}",
                    "a file upload (type=file, several files, accepted types): one fragment of its own, shared by " +
                    "every upload form"),
            Map.entry("consultation/fragments.html body", TWO_FORMS),
            Map.entry("consultation/fragments.html language", TWO_FORMS),
            Map.entry("consultation/fragments.html target", TWO_FORMS),
            Map.entry("consultation/public.html attachment", TWO_FORMS),
            Map.entry("consultation/public.html authorEmail", TWO_FORMS),
            Map.entry("consultation/public.html authorName", TWO_FORMS),
            Map.entry("consultation/organisation/list.html reason", ROW),
            Map.entry("cycle/list.html language",
                    "the report's language: each option names its language in that language (lang attribute), which" +
                    " selectList does not do"),
            Map.entry("submission/publication/translate.html language",
                    "the translation's language: each option names its language in that language (lang attribute), " +
                    "which selectList does not do"),
            Map.entry("cycle/ministry-tasks.html person", ROW),
            Map.entry("cycle/scope-review.html 'contributors-' + ${n}",
                    "the objectives table: a lead and contributors per objective row, labelled by the row " +
                    "(aria-label)"),
            Map.entry("cycle/scope-review.html 'lead-' + ${n}",
                    "the objectives table: a lead and contributors per objective row, labelled by the row " +
                    "(aria-label)"),
            Map.entry("cycle/scope-review.html objectives",
                    "the objectives table: a check box per objective row"),
            Map.entry("cycle/scope-review.html ministries", ITEMS),
            Map.entry("cycle/withdrawn.html reason", ROW),
            Map.entry("identity/code.html code", OWN_ERROR),
            Map.entry("identity/enrol.html code", OWN_ERROR),
            Map.entry("identity/two-factor.html code", OWN_ERROR),
            Map.entry("people/admin-two-factor.html country", OWN_ERROR),
            Map.entry("people/admin-two-factor.html username", OWN_ERROR),
            Map.entry("people/forgotten-password.html name", OWN_ERROR),
            Map.entry("web/login.html username",
                    "Spring Security's sign-in: one error (param.error) for both fields, not FormBinder"),
            Map.entry("web/login.html password",
                    "Spring Security's sign-in: one error (param.error) for both fields, not FormBinder"),
            Map.entry("layout.html lang",
                    "the language switch on every page: a preference, no error"),
            Map.entry("notices/settings.html 'kind-' + ${k}",
                    "a preference per kind of notice (radio buttons), no error"),
            Map.entry("people/focal-points.html ministry", ROW),
            Map.entry("people/ministries.html languages", ROW),
            Map.entry("people/ministries.html name", ROW),
            Map.entry("people/pending-accounts.html commission", ROW),
            Map.entry("people/pending-accounts.html country", ROW),
            Map.entry("people/pending-accounts.html ministry", ROW),
            Map.entry("people/pending-accounts.html role", ROW),
            Map.entry("report/comments/fragments.html comments", ITEMS),
            Map.entry("signoff/sign-off.html sections", ITEMS),
            Map.entry("report/comments/thread.html body",
                    "a reply box per comment thread (id by thread, name body)"),
            Map.entry("report/fragments.html ${f}",
                    "the drafting editor's repeated sections and indicator rows: names and ids by section and row, " +
                    "errors inline, rows added by script (indicator-rows.js)"),
            Map.entry("report/principles.html ${'principles-' + sid}",
                    "guiding principles per objective, compact (the label wraps its box), up to 23 on a page"),
            Map.entry("report/word-upload.html file",
                    "a file upload whose errors are a list of problems in the summary, not one per field"),
            Map.entry("submission/answer-clarification.html ${name}",
                    "one text per section asked about, with its lock version beside it"),
            Map.entry("submission/choose-round.html round",
                    "radio buttons whose labels hold a round's name in a bdi and its deadline; the first has the " +
                    "field's id"),
            Map.entry("submission/close-round.html ${name}",
                    "a decision (radio buttons) per submission, named by submission"));

    private static final Set<String> NOT_FILLED_IN = Set.of("hidden", "submit", "button", "reset", "image");

    @Test
    void everyFieldOfAFormThatStoresComesFromFieldsHtml() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            found.addAll(handWritten(template));
        }
        List<String> flagged = found.stream().filter(f -> !ALLOWED.containsKey(key(f))).toList();
        assertThat(flagged).as("hand-written fields in forms that store (use a fragment of fields.html, or allow "
                + "one here with its reason)").isEmpty();
        List<String> stale = ALLOWED.keySet().stream()
                .filter(k -> found.stream().noneMatch(f -> key(f).equals(k))).sorted().toList();
        assertThat(stale).as("allow-list entries that match no hand-written field any more").isEmpty();
    }

    /** The check itself catches what it must, so a passing run above means something. */
    @Test
    void theCheckFindsHandWrittenFields(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.html");
        Files.writeString(page, """
                <html xmlns:th="http://www.thymeleaf.org"><body>
                <form method="get"><select name="status"></select><input type="search" name="q"></form>
                <form method="post">
                  <input type="hidden" name="token"><input type="text" name="username" hidden>
                  <div th:replace="~{fields :: textLine('title', #{t}, null, ${v}, 80, 'text', true, null)}"></div>
                  <input type="text" name="title">
                  <textarea th:name="${f}"></textarea>
                  <select name="country"></select>
                  <button type="submit">Save</button>
                </form>
                <th:block th:fragment="row"><input type="checkbox" name="objectives"></th:block>
                </body></html>
                """);
        assertThat(handWritten(page)).containsExactly("page.html title 6", "page.html ${f} 7",
                "page.html country 8", "page.html objectives 11");
    }

    private static String key(String found) {
        return found.substring(0, found.lastIndexOf(' '));
    }

    private static List<Path> templates() throws IOException {
        return TemplateWalk.templates().stream().filter(f -> !f.endsWith(FIELDS)).toList();
    }

    /** The hand-written fields of a template outside GET forms, as "template name line". */
    static List<String> handWritten(Path template) throws IOException {
        String name = template.startsWith(TEMPLATES) ? TEMPLATES.relativize(template).toString().replace('\\', '/')
                : template.getFileName().toString();
        Finder finder = new Finder(name);
        TemplateWalk.parse(template, name, finder);
        return finder.found;
    }

    private static final class Finder extends TemplateWalk.Elements {

        private final String template;
        /** The open forms, innermost first: whether each is sent with GET. */
        private final Deque<Boolean> forms = new ArrayDeque<>();
        final List<String> found = new ArrayList<>();

        Finder(String template) {
            this.template = template;
        }

        @Override
        void opened(String elementName, Map<String, String> attributes) {
            if (elementName.equalsIgnoreCase("form")) {
                String method = attributes.getOrDefault("method", attributes.getOrDefault("th:method", "get"));
                forms.push(method.strip().equalsIgnoreCase("get"));
            }
        }

        @Override
        void closed(String elementName) {
            if (elementName.equalsIgnoreCase("form") && !forms.isEmpty()) {
                forms.pop();
            }
        }

        @Override
        void element(String elementName, Map<String, String> attributes, int line) {
            String element = elementName.toLowerCase();
            if (!Set.of("input", "textarea", "select").contains(element)) {
                return;
            }
            String type = attributes.getOrDefault("type", "text").toLowerCase();
            boolean notFilledIn = element.equals("input") && NOT_FILLED_IN.contains(type)
                    || attributes.containsKey("hidden");
            boolean filter = !forms.isEmpty() && forms.peek();
            if (notFilledIn || filter) {
                return;
            }
            String field = attributes.getOrDefault("name", attributes.getOrDefault("th:name", "?"));
            found.add(template + " " + field + " " + line);
        }
    }
}
