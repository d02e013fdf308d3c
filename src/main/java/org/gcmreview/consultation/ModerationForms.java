package org.gcmreview.consultation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.validation.Validator;

/** The moderation page's forms, bound with FormBinder (issue 15.3). */
final class ModerationForms {

    /** Hiding an input: why (shown to the public in place of the input). */
    record Hiding(@Size(max = Moderation.REASON_MAX, message = "consultation.moderation.error.reason") String reason) {
    }

    /** The reason is required: the same message as a reason too long, which names the limit. */
    static final Validator REASON_GIVEN = Validator.forInstanceOf(Hiding.class, (hiding, errors) -> {
        if (hiding.reason().isEmpty()) {
            errors.rejectValue("reason", "consultation.moderation.error.reason", new Object[] {Moderation.REASON_MAX},
                    null);
        }
    });

    /** Grouping an input with another one, given by its reference. */
    record Grouping(@NotBlank(message = "consultation.moderation.error.reference")
                    @Size(max = 40, message = "consultation.moderation.error.reference") String of) {
    }

    private ModerationForms() {
    }
}
