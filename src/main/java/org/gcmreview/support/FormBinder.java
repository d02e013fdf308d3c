package org.gcmreview.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Binds a submitted form to a record with Spring's {@link DataBinder} (constructor binding) and checks it: first
 * the record's Jakarta Bean Validation constraints, then the form's own {@link Validator}s for rules that involve
 * more than one field. Every form of the application reads its fields this way.
 * <p>Conventions that keep the messages in the bundles (en, fr, es, ar):
 * <ul>
 * <li>A constraint's {@code message} is a bundle key without braces, e.g.
 * {@code @Size(max = 4000, message = "submission.task.review.error.length")}. The key's arguments are the
 * bounds the constraint sets, lower first: {@code @Size(max = 4000)} gives {@code {0}} = 4000,
 * {@code @Size(min = 10, max = 5000)} gives {@code {0}} = 10, {@code {1}} = 5000; {@code @Min}/{@code @Max}
 * give their value.</li>
 * <li>A cross-field rule calls {@code errors.rejectValue(field, key, args, null)}.</li>
 * </ul>
 * Text fields arrive trimmed (except components marked {@link Verbatim}, such as passwords); an absent text field
 * is "" and an absent list is empty, so the records need no null checks.
 * <p><b>Partial binding</b> ({@link #bindPartial}) is for forms that may post only some of what they edit: a long
 * report whose task-list page posts one section, or an editor that leaves out a fieldset it did not show. There
 * a field absent from the post binds to {@code null}, which means "leave the stored value as it is": the caller
 * lays the non-null components over what is stored. Bean Validation passes {@code null} for {@code @Size},
 * {@code @Pattern} and the like, so only what was sent is checked; a component that must come with every post
 * says {@code @NotNull}. A partial record uses reference types only (no {@code int}). A present field is bound
 * exactly as {@link #bind} binds it.
 * <p>A form with repeated sections (one per objective, question, ...) names their fields {@code <field>-<id>};
 * {@link #section} gives one section's fields under their plain names, so one record binds each section, and
 * {@link #errors(Bound, Object...)} words its errors with the section's name before the constraint's bounds.
 */
@Component
public class FormBinder {

    private final Validator constraints;
    private final MessageSource messages;

    public FormBinder(jakarta.validation.Validator validator, MessageSource messages) {
        this.constraints = new SpringValidatorAdapter(validator);
        this.messages = messages;
    }

    /** The form bound to {@code type} and checked; {@code rules} are the cross-field checks, run after the constraints. */
    public <T extends Record> Bound<T> bind(Class<T> type, MultiValueMap<String, String> fields, Validator... rules) {
        return bind(type, fields, false, rules);
    }

    /**
     * As {@link #bind}, but in partial mode: a field absent from {@code fields} binds to {@code null} ("leave as
     * it is") instead of "" or an empty list, and is not checked. See the class comment.
     */
    public <T extends Record> Bound<T> bindPartial(Class<T> type, MultiValueMap<String, String> fields,
            Validator... rules) {
        return bind(type, fields, true, rules);
    }

    /**
     * The fields of one repeated section, those named {@code <name>-<id>}, under their plain names: with
     * {@code id} 12, {@code body-12} becomes {@code body}. Values are as sent.
     */
    public static MultiValueMap<String, String> section(MultiValueMap<String, String> fields, Object id) {
        String suffix = "-" + id;
        MultiValueMap<String, String> section = new LinkedMultiValueMap<>();
        fields.forEach((name, values) -> {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                section.put(name.substring(0, name.length() - suffix.length()), values);
            }
        });
        return section;
    }

    private <T extends Record> Bound<T> bind(Class<T> type, MultiValueMap<String, String> fields, boolean partial,
            Validator... rules) {
        DataBinder binder = new RecordBinder();
        binder.setTargetType(ResolvableType.forClass(type));
        binder.construct(new Fields(fields, VERBATIM.get(type), partial));
        @SuppressWarnings("unchecked")
        T value = (T) binder.getTarget();
        if (value != null) {
            binder.addValidators(constraints);
            binder.addValidators(rules);
            binder.validate();
        }
        return new Bound<>(value, binder.getBindingResult(), type);
    }

    /**
     * The errors in the current request's language, one per field (the first), fields in the record's order and
     * then those a rule named outside the record: what the error summary and the fields show.
     */
    public Map<String, String> errors(Bound<?> form) {
        return errors(form, new Object[0]);
    }

    /**
     * As {@link #errors(Bound)}, each message's arguments led by {@code leading}: the name of a repeated section
     * (e.g. "Objective 3"), so that {@code @Size(max = 20000)} words "{0}: keep the text under {1} characters"
     * as "Objective 3: keep the text under 20000 characters". A rule's own arguments follow them likewise.
     */
    public Map<String, String> errors(Bound<?> form, Object... leading) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> order = Arrays.stream(form.type().getRecordComponents()).map(RecordComponent::getName).toList();
        List<FieldError> fieldErrors = new ArrayList<>(form.result().getFieldErrors());
        fieldErrors.sort((a, b) -> Integer.compare(rank(order, a.getField()), rank(order, b.getField())));
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : fieldErrors) {
            errors.putIfAbsent(error.getField(), message(error, leading, locale));
        }
        return errors;
    }

    private static int rank(List<String> order, String field) {
        int i = order.indexOf(field);
        return i < 0 ? order.size() : i;
    }

    private String message(ObjectError error, Object[] leading, Locale locale) {
        if (error.contains(ConstraintViolation.class)) {
            Map<String, Object> attributes = error.unwrap(ConstraintViolation.class).getConstraintDescriptor()
                    .getAttributes();
            return messages.getMessage(error.getDefaultMessage(), led(leading, bounds(attributes)), locale);
        }
        if (leading.length == 0) {
            return messages.getMessage(error, locale);
        }
        Object[] own = error.getArguments() == null ? new Object[0] : error.getArguments();
        return messages.getMessage(new DefaultMessageSourceResolvable(error.getCodes(), led(leading, own),
                error.getDefaultMessage()), locale);
    }

    private static Object[] led(Object[] leading, Object[] rest) {
        Object[] all = Arrays.copyOf(leading, leading.length + rest.length);
        System.arraycopy(rest, 0, all, leading.length, rest.length);
        return all;
    }

    /** The bounds a constraint sets, lower first; a bound left at its default (0, Integer.MAX_VALUE) is not one. */
    private static Object[] bounds(Map<String, Object> attributes) {
        List<Object> bounds = new ArrayList<>();
        if (attributes.get("min") instanceof Number min && min.longValue() > 0) {
            bounds.add(min);
        }
        if (attributes.get("max") instanceof Number max && max.longValue() < Integer.MAX_VALUE) {
            bounds.add(max);
        }
        if (attributes.containsKey("value")) {
            bounds.add(attributes.get("value"));
        }
        return bounds.toArray();
    }

    /** A text taken exactly as typed, not trimmed: a password. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Verbatim {
    }

    /** A bound form: the record (null only when the binder could not build it) and what was wrong with it. */
    public record Bound<T>(T value, BindingResult result, Class<T> type) {

        public boolean valid() {
            return value != null && !result.hasErrors();
        }
    }

    /** The names of a record's {@link Verbatim} components, read once per record type. */
    private static final ClassValue<Set<String>> VERBATIM = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).filter(c -> c.isAnnotationPresent(Verbatim.class))
                    .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
        }
    };

    /**
     * What {@link Fields} gives for a component that binds to {@code null} (absent in partial mode, or an empty
     * field of a type other than text), so that {@link RecordBinder} converts it to {@code null}. A plain
     * {@code null} would make Spring's binder ask the constructor parameter whether it may be null, which
     * parses all the constructor's parameter annotations (see RecordBinder).
     */
    private static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "";
        }
    };

    /**
     * Spring's constructor binding, converting each value by its parameter's type alone. Spring's own
     * conversion describes the parameter with its annotations, and the JDK parses a constructor's parameter
     * annotations (all of them, as annotation proxies) anew on every such call: for the draft contribution
     * form, whose three objectives bind a record of nine components each, that was over a quarter of the form's
     * own work in a submission (issue 19.2, JFR). No conversion here reads annotations: this binder has no
     * conversion service, only the property editors Spring registers by default, which go by type.
     */
    private static final class RecordBinder extends DataBinder {

        RecordBinder() {
            super(null, "form");
        }

        @Override
        public <T> T convertIfNecessary(Object value, Class<T> requiredType, MethodParameter parameter) {
            Object given = value == NO_VALUE ? null : value;
            if (parameter == null) {
                return super.convertIfNecessary(given, requiredType, parameter);
            }
            return super.convertIfNecessary(given, requiredType,
                    new TypeDescriptor(ResolvableType.forMethodParameter(parameter), null, null));
        }
    }

    /**
     * The submitted fields as the binder asks for them: trimmed text, "" or an empty list when absent (null when
     * absent in partial mode; {@link #NO_VALUE} stands for null).
     */
    private record Fields(MultiValueMap<String, String> fields, Set<String> verbatim, boolean partial)
            implements DataBinder.ValueResolver {

        @Override
        public Object resolveValue(String name, Class<?> type) {
            List<String> values = fields.get(name);
            if (partial && values == null) {
                return nested(name) ? null : NO_VALUE;
            }
            if (List.class.isAssignableFrom(type)) {
                return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v.trim()).toList();
            }
            String first = values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
            first = verbatim.contains(name) ? first : first.trim();
            if (type == String.class || !first.isEmpty()) {
                return first;
            }
            return nested(name) ? null : NO_VALUE;
        }

        /** Whether fields such as {@code name[0]} or {@code name.x} were sent: Spring's binder builds those itself. */
        private boolean nested(String name) {
            String indexed = name + "[";
            String property = name + ".";
            return fields.keySet().stream().anyMatch(f -> f.startsWith(indexed) || f.startsWith(property));
        }

        @Override
        public Set<String> getNames() {
            return fields.keySet();
        }
    }
}
