package org.gcmreview.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The binder every form uses: a record built from the fields (trimmed, "" when absent), its constraints checked
 * and worded from the bundles in the user's language with the constraint's bounds as arguments, then the form's
 * cross-field rules; one message per field, in the record's order.
 */
class FormBinderTest {

    record Question(
            @Pattern(regexp = "ask|drop", message = "test.action") String action,
            @Size(min = 3, max = 10, message = "test.text") String text,
            List<String> topics) {
    }

    static final Validator TOPIC_NEEDED = Validator.forInstanceOf(Question.class, (q, errors) -> {
        if ("ask".equals(q.action()) && q.topics().isEmpty()) {
            errors.rejectValue("topics", "test.topics", new Object[] {q.text()}, null);
        }
    });

    static LocalValidatorFactoryBean validator;
    StaticMessageSource messages = new StaticMessageSource();
    FormBinder binder;

    @BeforeAll
    static void validator() {
        validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
    }

    FormBinderTest() {
        messages.addMessage("test.action", Locale.ENGLISH, "Choose a button.");
        messages.addMessage("test.text", Locale.ENGLISH, "Write {0} to {1} characters.");
        messages.addMessage("test.text", Locale.FRENCH, "Écrivez de {0} à {1} caractères.");
        messages.addMessage("test.topics", Locale.ENGLISH, "Name a topic for \u201c{0}\u201d.");
        messages.addMessage("test.incomplete", Locale.ENGLISH, "Reload the page.");
        messages.addMessage("test.long", Locale.ENGLISH, "{0}: at most {1}.");
        messages.addMessage("test.tags", Locale.ENGLISH, "{0}: {1} tags, some twice.");
        binder = new FormBinder(validator, messages);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aValidFormBecomesTheRecordWithTrimmedText() {
        var bound = binder.bind(Question.class, fields("action", "ask", "text", "  why?  ", "topics", "1", "topics", "2"),
                TOPIC_NEEDED);
        assertThat(bound.valid()).isTrue();
        assertThat(bound.value()).isEqualTo(new Question("ask", "why?", List.of("1", "2")));
        assertThat(binder.errors(bound)).isEmpty();
    }

    @Test
    void constraintsAndRulesGiveOneMessagePerFieldInTheRecordsOrder() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        var bound = binder.bind(Question.class, fields("text", "a very long question"), TOPIC_NEEDED);
        assertThat(bound.valid()).isFalse();
        assertThat(binder.errors(bound)).containsExactly(
                java.util.Map.entry("action", "Choose a button."),
                java.util.Map.entry("text", "Write 3 to 10 characters."));

        var asked = binder.bind(Question.class, fields("action", "ask", "text", "why?"), TOPIC_NEEDED);
        assertThat(binder.errors(asked)).containsExactly(java.util.Map.entry("topics", "Name a topic for \u201cwhy?\u201d."));
    }

    @Test
    void messagesAreInTheUsersLanguage() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        var bound = binder.bind(Question.class, fields("action", "drop", "text", "ab"));
        assertThat(binder.errors(bound)).containsExactly(java.util.Map.entry("text", "Écrivez de 3 à 10 caractères."));
    }

    @Test
    void absentFieldsAreEmptyNotNull() {
        var bound = binder.bind(Question.class, new LinkedMultiValueMap<>());
        assertThat(bound.value()).isEqualTo(new Question("", "", List.of()));
    }

    /** A section of a long form: its version must come with every post, its texts only when the page had them. */
    record Section(
            @jakarta.validation.constraints.NotNull(message = "test.incomplete") String version,
            @Size(max = 10, message = "test.long") String body,
            @Size(max = 10, message = "test.long") String notes,
            List<String> tags) {
    }

    static final Validator NO_DUPLICATE_TAGS = Validator.forInstanceOf(Section.class, (s, errors) -> {
        if (s.tags() != null && s.tags().size() != s.tags().stream().distinct().count()) {
            errors.rejectValue("tags", "test.tags", new Object[] {s.tags().size()}, null);
        }
    });

    @Test
    void partialBindingLeavesAbsentFieldsNullAndChecksOnlyWhatWasSent() {
        var bound = binder.bindPartial(Section.class, fields("version", "3", "body", "  short  "));
        assertThat(bound.valid()).isTrue();
        // null is "not on the page": the caller keeps the stored notes and tags
        assertThat(bound.value()).isEqualTo(new Section("3", "short", null, null));

        var emptied = binder.bindPartial(Section.class, fields("version", "3", "notes", "", "tags", "a"));
        assertThat(emptied.value()).isEqualTo(new Section("3", null, "", List.of("a")));
    }

    @Test
    void partialBindingRefusesWhatWasSentTooLongAndWhatMustAlwaysCome() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        var bound = binder.bindPartial(Section.class, fields("notes", "far too long for it"), NO_DUPLICATE_TAGS);
        assertThat(bound.valid()).isFalse();
        assertThat(binder.errors(bound, "Notes")).containsExactly(java.util.Map.entry("version", "Reload the page."),
                java.util.Map.entry("notes", "Notes: at most 10."));
    }

    @Test
    void repeatedSectionsBindOneByOneAndTheirMessagesNameTheSection() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        MultiValueMap<String, String> form = fields("version-7", "1", "body-7", "seven", "version-17", "2",
                "body-17", "seventeen, too long", "tags-17", "x", "tags-17", "x", "action", "save");
        assertThat(FormBinder.section(form, 7)).containsOnlyKeys("version", "body");
        var seven = binder.bindPartial(Section.class, FormBinder.section(form, 7), NO_DUPLICATE_TAGS);
        assertThat(seven.value()).isEqualTo(new Section("1", "seven", null, null));

        var seventeen = binder.bindPartial(Section.class, FormBinder.section(form, 17), NO_DUPLICATE_TAGS);
        assertThat(binder.errors(seventeen, "Objective 17")).containsExactly(
                java.util.Map.entry("body", "Objective 17: at most 10."),
                java.util.Map.entry("tags", "Objective 17: 2 tags, some twice."));
    }

    /** A form with a number, a choice and a box that must be ticked or not: fields other than text. */
    record Meeting(Integer participants, java.time.DayOfWeek day, boolean online, String place) {
    }

    @Test
    void numbersAndChoicesAreConvertedAndAnEmptyOneIsNull() {
        var bound = binder.bind(Meeting.class, fields("participants", " 12 ", "day", "MONDAY", "online", "true",
                "place", " Nairobi "));
        assertThat(bound.valid()).isTrue();
        assertThat(bound.value()).isEqualTo(new Meeting(12, java.time.DayOfWeek.MONDAY, true, "Nairobi"));

        var empty = binder.bind(Meeting.class, fields("participants", "", "day", "", "online", "false"));
        assertThat(empty.valid()).isTrue();
        assertThat(empty.value()).isEqualTo(new Meeting(null, null, false, ""));
    }

    @Test
    void whatCannotBeConvertedIsAnErrorOnItsField() {
        var bound = binder.bind(Meeting.class, fields("participants", "twelve", "day", "MONDAY", "online", "true"));
        assertThat(bound.valid()).isFalse();
        // Spring's binder still builds the record, with nothing for the field it could not convert
        assertThat(bound.value()).isEqualTo(new Meeting(null, java.time.DayOfWeek.MONDAY, true, ""));
        assertThat(bound.result().getFieldErrors()).extracting(org.springframework.validation.FieldError::getField,
                org.springframework.validation.FieldError::getCode).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("participants", "typeMismatch"));

        // a yes-or-no that did not come at all cannot be a boolean
        var unticked = binder.bind(Meeting.class, fields("participants", "3"));
        assertThat(unticked.valid()).isFalse();
        assertThat(unticked.result().getFieldErrors()).extracting(org.springframework.validation.FieldError::getField)
                .containsExactly("online");
    }

    @Test
    void partialBindingLeavesAbsentNumbersNullToo() {
        var bound = binder.bindPartial(Meeting.class, fields("place", "Dakar", "online", "false"));
        assertThat(bound.valid()).isTrue();
        assertThat(bound.value()).isEqualTo(new Meeting(null, null, false, "Dakar"));
    }

    private static MultiValueMap<String, String> fields(String... namesAndValues) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
