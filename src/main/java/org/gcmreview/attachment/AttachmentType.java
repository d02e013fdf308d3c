package org.gcmreview.attachment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The only kinds of evidence accepted. Each is recognised by its content; the extensions are only used to
 * check that the file's name does not claim to be something else.
 */
public enum AttachmentType {

    PDF("application/pdf", "PDF document", List.of("pdf")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document",
            List.of("docx")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook", List.of("xlsx")),
    PNG("image/png", "PNG image", List.of("png")),
    JPEG("image/jpeg", "JPEG image", List.of("jpg", "jpeg"));

    /** Said to the user whenever a file is refused for its type, so they know what will work. */
    public static final String ALLOWED_TYPES = "PDF, Word (.docx), Excel (.xlsx), PNG or JPEG";

    private final String mediaType;
    private final String label;
    private final List<String> extensions;

    AttachmentType(String mediaType, String label, List<String> extensions) {
        this.mediaType = mediaType;
        this.label = label;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    public String label() {
        return label;
    }

    /** "a PDF document", "an Excel workbook": for sentences. */
    public String withArticle() {
        return ("AEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    public List<String> extensions() {
        return extensions;
    }

    public String defaultExtension() {
        return extensions.get(0);
    }

    public static Optional<AttachmentType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
    }

    /** The value of a file input's {@code accept} attribute: a hint to the browser, not a check. */
    public static String acceptList() {
        return Arrays.stream(values())
                .flatMap(t -> java.util.stream.Stream.concat(t.extensions.stream().map(e -> "." + e),
                        java.util.stream.Stream.of(t.mediaType)))
                .collect(Collectors.joining(","));
    }
}
