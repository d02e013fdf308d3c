package org.gcmreview.submission.publication;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The coordinator's translation of the endorsed version: its language, title, and each section's texts in report
 * order (the page names them {@code body-0}, {@code measures-0}, ...; {@link TranslationController} gathers them into
 * the lists).
 */
record TranslationForm(
        @Pattern(regexp = "en|fr|es|ar|zh|ru", message = "translation.error.language") String language,
        @NotBlank(message = "translation.error.title")
        @Size(max = Translations.TITLE_MAX, message = "translation.error.length") String title,
        List<@Size(max = Translations.TEXT_MAX, message = "translation.error.length") String> body,
        List<@Size(max = Translations.TEXT_MAX, message = "translation.error.length") String> measures,
        List<@Size(max = Translations.TEXT_MAX, message = "translation.error.length") String> practices,
        List<@Size(max = Translations.TEXT_MAX, message = "translation.error.length") String> challenges) {

    /** The texts of a section that are translated, by their name in the frozen JSON. */
    static final List<String> TEXTS = List.of("body", "measures", "practices", "challenges");

    String text(String field, int section) {
        List<String> texts = switch (field) {
            case "body" -> body;
            case "measures" -> measures;
            case "practices" -> practices;
            case "challenges" -> challenges;
            default -> throw new IllegalArgumentException(field);
        };
        return section < texts.size() ? texts.get(section) : "";
    }
}
