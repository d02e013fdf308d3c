package org.gcmreview.reliability.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/**
 * The fields of a task form as its page renders them: what the browser would send back untouched (hidden
 * fields), what a person types into (text inputs and text areas), file fields and the action buttons. Read
 * from the page, so the hostile input reaches every text field a form has, including those added later.
 */
record TaskPage(MultiValueMap<String, String> hidden, List<String> textFields, List<String> fileFields,
        List<String> actions) {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUTTON = Pattern.compile("<button\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    static TaskPage of(String html) {
        MultiValueMap<String, String> hidden = new LinkedMultiValueMap<>();
        List<String> text = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            String tag = input.group();
            String name = attribute(tag, "name");
            String type = attribute(tag, "type");
            if (name == null || "_csrf".equals(name)) {
                continue;
            }
            switch (type == null ? "text" : type.toLowerCase()) {
                case "hidden" -> hidden.add(name, valueOf(tag));
                case "text" -> text.add(name);
                case "file" -> files.add(name);
                default -> {
                }
            }
        }
        Matcher area = TEXTAREA.matcher(html);
        while (area.find()) {
            String name = attribute(area.group(), "name");
            if (name != null) {
                text.add(name);
            }
        }
        Matcher button = BUTTON.matcher(html);
        while (button.find()) {
            if ("action".equals(attribute(button.group(), "name"))) {
                actions.add(attribute(button.group(), "value"));
            }
        }
        return new TaskPage(hidden, text.stream().distinct().toList(), files.stream().distinct().toList(), actions);
    }

    /** "save" where the form keeps the task open; otherwise no action at all (the form must then refuse). */
    String keepOpenAction() {
        return actions.contains("save") ? "save" : null;
    }

    private static String valueOf(String tag) {
        String value = attribute(tag, "value");
        return value == null ? "" : value;
    }

    private static String attribute(String tag, String name) {
        Matcher matcher = Pattern.compile("\\s" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(tag);
        return matcher.find() ? HtmlUtils.htmlUnescape(matcher.group(1)) : null;
    }
}
