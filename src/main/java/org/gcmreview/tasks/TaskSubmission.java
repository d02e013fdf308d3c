package org.gcmreview.tasks;

import java.util.List;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/** What the user sent with a task form: fields, files, and which button they pressed ({@code action}). */
public record TaskSubmission(MultiValueMap<String, String> fields, MultiValueMap<String, MultipartFile> files) {

    public static TaskSubmission of(MultiValueMap<String, String> fields) {
        return new TaskSubmission(fields, new LinkedMultiValueMap<>());
    }

    /** The trimmed value of a field, or "" when absent. */
    public String field(String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value.trim();
    }

    public List<String> all(String name) {
        List<String> values = fields.get(name);
        return values == null ? List.of() : values;
    }

    public String action() {
        return field("action");
    }
}
