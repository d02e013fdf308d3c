package org.gcmreview.report;

import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

import org.gcmreview.reference.GuidingPrinciple;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.support.FormBinder;
import org.gcmreview.tasks.TaskSubmission;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;

/**
 * Reads and checks the fields of one section or contribution from a task form, and words lock conflicts.
 * Shared by the drafting form, the report editor and the Word import. Fields, for the section or contribution
 * {@code <id>}: {@code version-<id>} (the lock_version the page was loaded with), {@code body-<id>} (narrative),
 * and for objective content also {@code status-<id>}, {@code measures-<id>}, {@code practices-<id>},
 * {@code challenges-<id>}, {@code indrows-<id>} (how many indicator rows the page had) and per row {@code n}
 * {@code ind-<id>-<n>-name|value|unit|source|year}. A row left blank is no indicator. A report's objective
 * section also has the guiding principles it gives evidence for: {@code principles-<id>} (one per ticked box,
 * the principle's number) and {@code principlesshown-<id>}, which says the fieldset was on the page (a page with
 * every box unticked sends no {@code principles-<id>} at all).
 * <p>A section binds to {@link SectionFields} with {@link FormBinder#bindPartial} (issue 15.3): a field the post
 * does not have is left as it is, which a long report's task-list pages rely on (they post one section). Each
 * indicator row binds to {@link IndicatorFields}; the rules that Bean Validation cannot say (a number, a year in
 * range, a known principle) are the {@link Validator}s below.
 */
@Component
class Edits {

    static final int MAX_NARRATIVE = 20_000;
    static final int MAX_PART = 10_000;
    static final int MAX_INDICATORS = 20;
    static final int MAX_INDICATOR_FIELD = 300;
    static final int FIRST_YEAR = 1990;
    /** Error key prefix marking a lock conflict on section {@code <id>}; the page then shows both versions. */
    static final String CONFLICT = "conflict-";

    private static final Pattern NUMBER = Pattern.compile("^-?[0-9]+([.,][0-9]+)?$");
    private static final String[] INDICATOR_FIELDS = {"name", "value", "unit", "source", "year"};
    private static final List<String> TEXTS = List.of("body", "measures", "practices", "challenges");

    /** A value that is a number and a year in range, each checked only when its length was fine. */
    private static final Validator ROW_RULES = Validator.forInstanceOf(IndicatorFields.class, (row, errors) -> {
        if (!errors.hasFieldErrors("value") && decimal(row.value()) == null) {
            errors.rejectValue("value", "drafting.error.indicator.value");
        }
        int maxYear = Year.now(ZoneOffset.UTC).getValue() + 1;
        Integer year = nonNegative(row.year());
        if (!errors.hasFieldErrors("year") && (year == null || year < FIRST_YEAR || year > maxYear)) {
            errors.rejectValue("year", "drafting.error.indicator.year",
                    new Object[] {String.valueOf(FIRST_YEAR), String.valueOf(maxYear)}, null);
        }
    });

    private final DraftingMessages messages;
    private final ReferenceData reference;
    private final FormBinder binder;

    Edits(DraftingMessages messages, ReferenceData reference, FormBinder binder) {
        this.messages = messages;
        this.reference = reference;
        this.binder = binder;
    }

    /**
     * The edit of section (contribution) {@code id}, or empty when the form did not include it (then it is
     * left as it is). Problems go into {@code errors}, under the field they concern.
     *
     * @param structured objective content (all fields) rather than a free-text section (narrative only)
     * @param label how messages name it, e.g. "Objective 3"
     */
    Optional<FormEdit> read(TaskSubmission form, long id, boolean structured, String label,
            Map<String, String> errors) {
        MultiValueMap<String, String> fields = FormBinder.section(form.fields(), id);
        boolean present = fields.containsKey("body") || fields.containsKey("status")
                || fields.containsKey("measures") || fields.containsKey("practices")
                || fields.containsKey("challenges") || fields.containsKey("indrows")
                || fields.containsKey("principlesshown");
        if (!present) {
            return Optional.empty();
        }
        for (String text : TEXTS) {
            if (fields.containsKey(text)) {
                fields.put(text, List.of(SectionContent.normalise(fields.getFirst(text))));
            }
        }
        FormBinder.Bound<SectionFields> bound = binder.bindPartial(SectionFields.class, fields,
                principleRule(structured));
        Map<String, String> found = bound.value() == null ? Map.of("version", messages.get("drafting.error.incomplete"))
                : binder.errors(bound, label);
        if (found.containsKey("version")) {
            errors.put("body-" + id, messages.get("drafting.error.incomplete"));
            return Optional.empty();
        }
        SectionFields section = bound.value();
        int version = Integer.parseInt(section.version());
        if (found.containsKey("body")) {
            errors.put("body-" + id, found.get("body"));
        }
        if (!structured) {
            return Optional.of(new FormEdit(id, version, true, null, section.body(), "", "", "", List.of()));
        }
        found.forEach((field, message) -> {
            if (!field.equals("body") && !field.equals("indrows")) {
                errors.put(field + "-" + id, message);
            }
        });
        String status = section.status() == null || section.status().isEmpty() || found.containsKey("status") ? null
                : section.status();
        List<Indicator> indicators = null;
        if (found.containsKey("indrows")) {
            errors.put("body-" + id, found.get("indrows"));
            indicators = List.of();
        } else if (section.indrows() != null) {
            indicators = indicators(form, id, Integer.parseInt(section.indrows()), label, errors);
        }
        List<Integer> principles = section.principlesshown() == null ? null
                : ticked(section).stream().map(Edits::nonNegative).filter(n -> n != null).distinct().toList();
        return Optional.of(new FormEdit(id, version, section.status() != null, status, section.body(),
                section.measures(), section.practices(), section.challenges(), indicators, principles));
    }

    /** The boxes ticked: with every box unticked the page sends no {@code principles} at all. */
    private static List<String> ticked(SectionFields section) {
        return section.principles() == null ? List.of() : section.principles();
    }

    /** The guiding principles ticked must be the reference data's (only when the fieldset was on the page). */
    private Validator principleRule(boolean structured) {
        List<Integer> known = reference.guidingPrinciples().stream().map(GuidingPrinciple::number).toList();
        return Validator.forInstanceOf(SectionFields.class, (section, errors) -> {
            if (!structured || section.principlesshown() == null) {
                return;
            }
            for (String value : ticked(section)) {
                Integer number = nonNegative(value);
                if (number == null || !known.contains(number)) {
                    errors.rejectValue("principles", "drafting.error.principle");
                    return;
                }
            }
        });
    }

    /** One error per conflicting section, under {@code conflict-<id>}. */
    Map<String, String> conflictErrors(VersionedContent.Check check, LongFunction<String> label) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (VersionedContent.Conflict conflict : check.conflicts()) {
            long id = conflict.edit().id();
            errors.put(CONFLICT + id, messages.get("drafting.conflict", label.apply(id)));
        }
        return errors;
    }

    /** Number of indicator rows a page offers for one section: those given, and at least one empty row. */
    static int rowsFor(SectionContent content) {
        return content.indicators().size() + 1;
    }

    private List<Indicator> indicators(TaskSubmission form, long id, int rows, String label,
            Map<String, String> errors) {
        List<Indicator> indicators = new ArrayList<>();
        // never read more rows than a page can have offered, whatever the form claims
        for (int n = 0; n < Math.min(rows, MAX_INDICATORS + 1); n++) {
            String prefix = "ind-" + id + "-" + n + "-";
            MultiValueMap<String, String> row = new LinkedMultiValueMap<>();
            for (String f : INDICATOR_FIELDS) {
                row.add(f, SectionContent.normalise(form.fields().getFirst(prefix + f)));
            }
            if (row.values().stream().allMatch(v -> v.get(0).isEmpty())) {
                continue;
            }
            FormBinder.Bound<IndicatorFields> bound = binder.bind(IndicatorFields.class, row, ROW_RULES);
            if (bound.valid()) {
                IndicatorFields i = bound.value();
                indicators.add(new Indicator(i.name(), decimal(i.value()), i.unit(), i.source(),
                        nonNegative(i.year())));
            } else {
                binder.errors(bound, label, String.valueOf(n + 1)).forEach((f, message) -> errors.put(prefix + f,
                        message));
            }
        }
        if (indicators.size() > MAX_INDICATORS) {
            errors.put("indrows-" + id, messages.get("drafting.error.indicator.tooMany", label, MAX_INDICATORS));
        }
        return indicators;
    }

    /** A plain decimal in one spelling (decimal comma accepted, trailing zeros dropped), or null. */
    static String decimal(String value) {
        String v = westernDigits(value.replace(" ", ""));
        if (v.length() > 30 || !NUMBER.matcher(v).matches()) {
            return null;
        }
        String plain = new BigDecimal(v.replace(',', '.')).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    /**
     * Digits of any script as 0-9, and the Arabic decimal separator as a point: an Arabic page shows its
     * examples in Arabic-Indic digits (issue 17.6), so a value typed that way is read as the same number.
     */
    static String westernDigits(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int digit = Character.isDigit(c) ? Character.digit(c, 10) : -1;
            if (c == '\u066C') {
                continue; // the Arabic thousands separator groups digits, as a space does
            }
            plain.append(digit >= 0 ? (char) ('0' + digit) : c == '\u066B' ? '.' : c);
        }
        return plain.toString();
    }

    private static Integer nonNegative(String value) {
        try {
            int v = Integer.parseInt(westernDigits(value.trim()));
            return v < 0 ? null : v;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }
}
