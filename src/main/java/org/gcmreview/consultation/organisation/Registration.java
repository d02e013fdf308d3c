package org.gcmreview.consultation.organisation;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gcmreview.consultation.EmailAddress;
import org.gcmreview.support.FormBinder.Verbatim;
import org.springframework.validation.Validator;

/**
 * What an organisation's contact typed into the registration form, bound with FormBinder (issue 15.3): text
 * trimmed, the passwords as typed. The form's field for the country is {@code country}, hence the component's
 * name; {@link #countryIso3()} says what it holds.
 * <p>The name messages say "2 to {0} characters" and "at most {0} characters" with {0} the maximum, whereas
 * {@code @Size(min, max)} would give the minimum first: so the constraints set only the maximum and
 * {@link #RULES} checks the lower bound, passing the maximum itself, and users read the same message as before.
 */
record Registration(
        @Size(max = OrganisationRegistry.NAME_MAX, message = "consultation.register.error.name") String name,
        String stakeholderType,
        String country,
        @Size(max = OrganisationRegistry.NAME_MAX, message = "consultation.register.error.contactName")
        String contactName,
        String contactEmail,
        @Pattern(regexp = "[A-Za-z0-9._@-]{3,80}", message = "consultation.register.error.username") String username,
        @Verbatim @Size(min = OrganisationRegistry.PASSWORD_MIN, max = OrganisationRegistry.PASSWORD_MAX,
                message = "consultation.register.error.password") String password,
        @Verbatim String passwordRepeated) {

    static final int NAME_MIN = 2;

    /** The country the organisation registers in (the coordinator of this country verifies it). */
    String countryIso3() {
        return country;
    }

    /**
     * The rules the constraints cannot say: the names' lower bounds (see the class comment), a plausible e-mail
     * address (the consultation's own check), and the password typed twice alike (once it is acceptable).
     * Which types and countries exist, and whether the name is taken, the registry checks (they need the database).
     */
    static final Validator RULES = Validator.forInstanceOf(Registration.class, (r, errors) -> {
        if (!errors.hasFieldErrors("name") && r.name().length() < NAME_MIN) {
            errors.rejectValue("name", "consultation.register.error.name",
                    new Object[] {OrganisationRegistry.NAME_MAX}, null);
        }
        if (!errors.hasFieldErrors("contactName") && r.contactName().isEmpty()) {
            errors.rejectValue("contactName", "consultation.register.error.contactName",
                    new Object[] {OrganisationRegistry.NAME_MAX}, null);
        }
        if (!EmailAddress.plausible(r.contactEmail())) {
            errors.rejectValue("contactEmail", "consultation.error.email");
        }
        if (!errors.hasFieldErrors("password") && !r.password().equals(r.passwordRepeated())) {
            errors.rejectValue("passwordRepeated", "consultation.register.error.passwordRepeated");
        }
    });
}
