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
import org.gcmreview.tasks.TaskSubmission;
import org.springframework.stereotype.Component;

/**
 * Reads and checks the fields of one section or contribution from a task form, and words lock conflicts.
 * Shared by the drafting form and the report editor. Fields, for the section or contribution {@code <id>}:
 * {@code version-<id>} (the lock_version the page was loaded with), {@code body-<id>} (narrative), and for
 * objective content also {@code status-<id>}, {@code measures-<id>}, {@code practices-<id>},
 * {@code challenges-<id>}, {@code indrows-<id>} (how many indicator rows the page had) and per row {@code n}
 * {@code ind-<id>-<n>-name|value|unit|source|year}. A row left blank is no indicator. A report's objective
 * section also has the guiding principles it gives evidence for: {@code principles-<id>} (one per ticked box,
 * the principle's number) and {@code principlesshown-<id>}, which says the fieldset was on the page (a page with
 * every box unticked sends no {@code principles-<id>} at all).
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

    private final DraftingMessages messages;
    private final ReferenceData reference;

    Edits(DraftingMessages messages, ReferenceData reference) {
        this.messages = messages;
        this.reference = reference;
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
        var fields = form.fields();
        boolean present = fields.containsKey("body-" + id) || fields.containsKey("status-" + id)
                || fields.containsKey("measures-" + id) || fields.containsKey("practices-" + id)
                || fields.containsKey("challenges-" + id) || fields.containsKey("indrows-" + id)
                || fields.containsKey("principlesshown-" + id);
        if (!present) {
            return Optional.empty();
        }
        Integer version = nonNegative(form.field("version-" + id));
        if (version == null) {
            errors.put("body-" + id, messages.get("drafting.error.incomplete"));
            return Optional.empty();
        }
        String narrative = text(form, "body-" + id);
        if (narrative != null && narrative.length() > MAX_NARRATIVE) {
            errors.put("body-" + id, messages.get("drafting.error.narrativeTooLong", label, MAX_NARRATIVE));
        }
        if (!structured) {
            return Optional.of(new FormEdit(id, version, true, null, narrative, "", "", "", List.of()));
        }
        boolean statusSent = fields.containsKey("status-" + id);
        String status = null;
        String statusValue = form.field("status-" + id);
        if (!statusValue.isEmpty()) {
            status = ImplementationStatus.parse(statusValue).map(Enum::name).orElse(null);
            if (status == null) {
                errors.put("status-" + id, messages.get("drafting.error.status", label));
            }
        }
        String measures = part(form, "measures-" + id, label, errors);
        String practices = part(form, "practices-" + id, label, errors);
        String challenges = part(form, "challenges-" + id, label, errors);
        List<Indicator> indicators = fields.containsKey("indrows-" + id) ? indicators(form, id, label, errors) : null;
        List<Integer> principles = fields.containsKey("principlesshown-" + id) ? principles(form, id, label, errors)
                : null;
        return Optional.of(new FormEdit(id, version, statusSent, status, narrative, measures, practices, challenges,
                indicators, principles));
    }

    /** The guiding principles ticked; a number that is not one of the reference data's is refused. */
    private List<Integer> principles(TaskSubmission form, long id, String label, Map<String, String> errors) {
        List<String> ticked = form.fields().getOrDefault("principles-" + id, List.of());
        List<Integer> known = reference.guidingPrinciples().stream().map(GuidingPrinciple::number).toList();
        List<Integer> principles = new ArrayList<>();
        for (String value : ticked) {
            Integer number = nonNegative(value == null ? "" : value);
            if (number == null || !known.contains(number)) {
                errors.putIfAbsent("principles-" + id, messages.get("drafting.error.principle", label));
            } else if (!principles.contains(number)) {
                principles.add(number);
            }
        }
        return principles;
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

    private List<Indicator> indicators(TaskSubmission form, long id, String label, Map<String, String> errors) {
        Integer rows = nonNegative(form.field("indrows-" + id));
        if (rows == null) {
            errors.put("body-" + id, messages.get("drafting.error.incomplete"));
            return List.of();
        }
        int maxYear = Year.now(ZoneOffset.UTC).getValue() + 1;
        List<Indicator> indicators = new ArrayList<>();
        // never read more rows than a page can have offered, whatever the form claims
        for (int n = 0; n < Math.min(rows, MAX_INDICATORS + 1); n++) {
            String prefix = "ind-" + id + "-" + n + "-";
            Map<String, String> row = new LinkedHashMap<>();
            for (String f : INDICATOR_FIELDS) {
                row.put(f, SectionContent.normalise(form.fields().getFirst(prefix + f)));
            }
            if (row.values().stream().allMatch(String::isEmpty)) {
                continue;
            }
            String number = String.valueOf(n + 1);
            int before = errors.size();
            for (String f : INDICATOR_FIELDS) {
                if (row.get(f).length() > MAX_INDICATOR_FIELD) {
                    errors.put(prefix + f, messages.get("drafting.error.indicator.tooLong", label, number,
                            MAX_INDICATOR_FIELD));
                }
            }
            if (row.get("name").isEmpty()) {
                errors.putIfAbsent(prefix + "name", messages.get("drafting.error.indicator.name", label, number));
            }
            String value = decimal(row.get("value"));
            if (value == null) {
                errors.putIfAbsent(prefix + "value", messages.get("drafting.error.indicator.value", label, number));
            }
            if (row.get("source").isEmpty()) {
                errors.putIfAbsent(prefix + "source", messages.get("drafting.error.indicator.source", label, number));
            }
            Integer year = nonNegative(row.get("year"));
            if (year == null || year < FIRST_YEAR || year > maxYear) {
                errors.putIfAbsent(prefix + "year", messages.get("drafting.error.indicator.year", label, number,
                        String.valueOf(FIRST_YEAR), String.valueOf(maxYear)));
            }
            if (errors.size() == before) {
                indicators.add(new Indicator(row.get("name"), value, row.get("unit"), row.get("source"), year));
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

    private String part(TaskSubmission form, String field, String label, Map<String, String> errors) {
        String value = text(form, field);
        if (value != null && value.length() > MAX_PART) {
            errors.put(field, messages.get("drafting.error.partTooLong", label, MAX_PART));
        }
        return value;
    }

    /** The normalised text of a field, or null when the form did not have the field. */
    private static String text(TaskSubmission form, String field) {
        return form.fields().containsKey(field) ? SectionContent.normalise(form.fields().getFirst(field)) : null;
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
