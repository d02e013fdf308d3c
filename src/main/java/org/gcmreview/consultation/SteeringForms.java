package org.gcmreview.consultation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Size;
import org.springframework.validation.Validator;

/**
 * The coordinator's forms on the consultation page, bound with FormBinder (issue 15.3). The rules that depend on
 * the window (which targets it can open, its closing date) are the service's, which checks them under the
 * window's lock.
 */
final class SteeringForms {

    /** What the consultation is open for ({@code targets}, values of {@link InputTarget}), and for whom. */
    record Settings(List<String> targets, String allowIndividuals) {

        boolean individualsAllowed() {
            return "true".equals(allowIndividuals);
        }
    }

    /** Opening the window before its planned date: the coordinator ticks "confirm". */
    record OpeningNow(String confirm) {
    }

    /** The box must be ticked; the page's check box is {@code confirmOpen}, where the error is shown. */
    static final Validator CONFIRMED = Validator.forInstanceOf(OpeningNow.class, (form, errors) -> {
        if (!"true".equals(form.confirm())) {
            errors.rejectValue("confirm", "consultation.steer.error.confirmOpen");
        }
    });

    /** Keeping the window open longer: the new closing day (ISO date) and why, shown on the public page. */
    record Extension(
            String closesOn,
            @Size(max = ConsultationService.REASON_MAX, message = "consultation.steer.error.reason") String reason) {

        /** The new closing day, empty when the field is not a date. */
        Optional<LocalDate> closingDay() {
            try {
                return Optional.of(LocalDate.parse(closesOn));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** The reason is required: the same message as a reason too long, which names the limit. */
    static final Validator REASON_GIVEN = Validator.forInstanceOf(Extension.class, (form, errors) -> {
        if (form.reason().isEmpty()) {
            errors.rejectValue("reason", "consultation.steer.error.reason",
                    new Object[] {ConsultationService.REASON_MAX}, null);
        }
    });

    private SteeringForms() {
    }
}
