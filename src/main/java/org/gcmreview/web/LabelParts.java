package org.gcmreview.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * A choice's label cut into plain text and the parts to isolate (someone's text in any direction, such as a
 * report's title, which templates/fields.html wraps in a bdi), so that a label stays text, escaped by the template,
 * and no caller writes markup. Each part is looked for after the one before, in the order given.
 */
@Component("labelParts")
public class LabelParts {

    /** A piece of a label: plain text, or text to isolate. */
    public record Part(String text, boolean isolated) {
    }

    public List<Part> of(String label, Collection<String> isolated) {
        List<Part> parts = new ArrayList<>();
        int from = 0;
        for (String part : isolated == null ? List.<String>of() : isolated) {
            int at = part == null || part.isEmpty() ? -1 : label.indexOf(part, from);
            if (at < 0) {
                continue;
            }
            if (at > from) {
                parts.add(new Part(label.substring(from, at), false));
            }
            parts.add(new Part(part, true));
            from = at + part.length();
        }
        if (from < label.length()) {
            parts.add(new Part(label.substring(from), false));
        }
        return parts;
    }
}
