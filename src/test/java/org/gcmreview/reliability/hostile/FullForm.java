package org.gcmreview.reliability.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The main form of a task page (the one posting to /tasks/{id}) with every control a person can fill, in page
 * order: what {@link FullSizeTaskFormsTest} fills to its largest. Read from the page, so a field added to a form
 * later is filled too.
 */
record FullForm(String action, boolean multipart, List<Control> controls, List<String> actions) {

    enum Kind { HIDDEN, TEXT, TEXTAREA, SELECT, CHECKBOX, RADIO, DATE, NUMBER, FILE }

    /** One control: its name, kind, the value the page gave it, its maxlength, and a select's options. */
    record Control(String name, Kind kind, String value, Integer maxLength, List<String> options) {
    }

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile(
            "<input\\b[^>]*>|<textarea\\b[^>]*>|<select\\b[^>]*>(.*?)</select>|<button\\b[^>]*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    static FullForm of(String html, String taskId) {
        return posting(html, "/tasks/" + taskId);
    }

    /** The first form on the page whose action starts with the path (a task's claim and release aside). */
    static FullForm posting(String html, String path) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String action = attribute(form.group(1), "action");
            if (action != null && action.startsWith(path) && !action.contains("/claim")
                    && !action.contains("/release")) {
                String type = attribute(form.group(1), "enctype");
                return parse(action, "multipart/form-data".equals(type), form.group(2));
            }
        }
        throw new AssertionError("no form posting to " + path + " on the page");
    }

    private static FullForm parse(String action, boolean multipart, String body) {
        List<Control> controls = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        Matcher control = CONTROL.matcher(body);
        while (control.find()) {
            String tag = control.group();
            String lower = tag.toLowerCase();
            String name = attribute(tag, "name");
            if (name == null) {
                continue;
            }
            if (lower.startsWith("<button")) {
                if ("action".equals(name)) {
                    actions.add(attribute(tag, "value"));
                }
                continue;
            }
            Integer max = attribute(tag, "maxlength") == null ? null : Integer.valueOf(attribute(tag, "maxlength"));
            if (lower.startsWith("<textarea")) {
                controls.add(new Control(name, Kind.TEXTAREA, "", max, List.of()));
            } else if (lower.startsWith("<select")) {
                List<String> options = new ArrayList<>();
                Matcher option = OPTION.matcher(control.group(1));
                while (option.find()) {
                    String value = attribute(option.group(), "value");
                    if (value != null && !value.isEmpty()) {
                        options.add(value);
                    }
                }
                controls.add(new Control(name, Kind.SELECT, "", null, options));
            } else {
                String type = attribute(tag, "type") == null ? "text" : attribute(tag, "type").toLowerCase();
                String value = attribute(tag, "value") == null ? "" : attribute(tag, "value");
                Kind kind = switch (type) {
                    case "hidden" -> Kind.HIDDEN;
                    case "checkbox" -> Kind.CHECKBOX;
                    case "radio" -> Kind.RADIO;
                    case "date" -> Kind.DATE;
                    case "number" -> Kind.NUMBER;
                    case "file" -> Kind.FILE;
                    default -> Kind.TEXT;
                };
                controls.add(new Control(name, kind, value, max, List.of()));
            }
        }
        return new FullForm(action, multipart, controls, actions);
    }

    Map<String, List<Control>> byName() {
        Map<String, List<Control>> byName = new LinkedHashMap<>();
        controls.forEach(c -> byName.computeIfAbsent(c.name(), n -> new ArrayList<>()).add(c));
        return byName;
    }

    private static String attribute(String tag, String name) {
        Matcher matcher = Pattern.compile("\\s" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(tag);
        return matcher.find() ? HtmlUtils.htmlUnescape(matcher.group(1)) : null;
    }
}
