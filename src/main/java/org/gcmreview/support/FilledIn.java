package org.gcmreview.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text that must be given and may be at most {@code max} characters long: one constraint, one message (whose
 * {@code {0}} is {@code max}), where {@code @NotBlank} and {@code @Size} would give two messages for one field.
 */
@Documented
@Constraint(validatedBy = FilledIn.Check.class)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface FilledIn {

    int max();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<FilledIn, String> {

        private int max;

        @Override
        public void initialize(FilledIn constraint) {
            this.max = constraint.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && !value.isBlank() && value.length() <= max;
        }
    }
}
