package org.gcmreview.consultation.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.consultation.ConsultationMail;
import org.gcmreview.consultation.ConsultationMessages;
import org.gcmreview.consultation.ConsultationProperties;
import org.gcmreview.consultation.SubmissionRateLimit;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.support.FormBinder;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Validator;

/**
 * Organisations register themselves with a user account for their contact; the coordinator of their country
 * verifies them, or rejects them with a reason. Until verified, the contact can sign in but cannot send inputs.
 */
@Service
class OrganisationRegistry {

    static final int NAME_MAX = 200;
    static final int REASON_MAX = 1000;
    static final int PASSWORD_MIN = 12;
    static final int PASSWORD_MAX = 200;
    private static final List<String> ACCOUNT_LANGUAGES = List.of("en", "fr", "es", "ar");

    private final Organisations organisations;
    private final PasswordEncoder passwordEncoder;
    private final SubmissionRateLimit rateLimit;
    private final ConsultationMessages messages;
    private final ConsultationMail mail;
    private final ConsultationProperties properties;
    private final AuditLog audit;
    private final FormBinder forms;

    OrganisationRegistry(Organisations organisations, PasswordEncoder passwordEncoder, SubmissionRateLimit rateLimit,
            ConsultationMessages messages, ConsultationMail mail, ConsultationProperties properties, AuditLog audit,
            FormBinder forms) {
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.rateLimit = rateLimit;
        this.messages = messages;
        this.mail = mail;
        this.properties = properties;
        this.audit = audit;
        this.forms = forms;
    }

    /** A registration from this client address would exceed the rate limit until then. */
    record Throttled(Instant retryAt) {
    }

    /**
     * Counts one registration attempt from this client address, whatever becomes of it (a refused form too: the
     * form must not be a free oracle), in a transaction of its own so that a refusal does not undo the count.
     *
     * @return empty when the attempt may go ahead; the moment attempts from this address are allowed again
     */
    @Transactional
    public Optional<Throttled> countAttempt(String clientAddress) {
        List<String> subjects = List.of(SubmissionRateLimit.of("registration-attempt",
                SubmissionRateLimit.address(clientAddress)));
        Optional<Instant> retryAt = rateLimit.check(subjects);
        if (retryAt.isPresent()) {
            return Optional.of(new Throttled(retryAt.get()));
        }
        rateLimit.record(subjects);
        return Optional.empty();
    }

    /**
     * Registers a pending organisation and its contact's account. A user name that is taken (or reserved) is
     * not an error the caller sees: the answer is the same as for a registration, so the form tells nobody
     * which accounts exist; nothing is stored and the attempt is audited.
     *
     * @param form the registration form, bound with its constraints and {@link Registration#RULES}; here it is
     *        checked against the database too (type, country, name taken), under the name's lock
     * @return empty when registered (or seemingly so); the moment registrations from this address are allowed
     *         again otherwise
     * @throws RegistrationRefusedException field errors; nothing was stored
     * @throws UsernameUnavailableException the user name was taken meanwhile; nothing was stored
     */
    @Transactional
    public Optional<Throttled> register(FormBinder.Bound<Registration> form, String clientAddress) {
        Registration registration = form.value();
        if (!registration.countryIso3().isEmpty() && !registration.name().isEmpty()) {
            organisations.lockName(registration.countryIso3(), registration.name());
        }
        knownToTheDatabase().validate(registration, form.result());
        if (form.result().hasErrors()) {
            throw new RegistrationRefusedException(forms.errors(form));
        }
        List<String> subjects = List.of(SubmissionRateLimit.of("registration-address",
                SubmissionRateLimit.address(clientAddress)));
        Optional<Instant> retryAt = rateLimit.check(subjects);
        if (retryAt.isPresent()) {
            return Optional.of(new Throttled(retryAt.get()));
        }
        if (organisations.usernameTaken(registration.username())) {
            audit.record(AuditEntry.of("anonymous", "REGISTRATION_USERNAME_UNAVAILABLE", registration.countryIso3(),
                    "app_user", null, "user name " + registration.username() + " asked for again; nothing stored"));
            return Optional.empty();
        }
        long organisationId = organisations.insert(registration).orElseThrow(() -> new RegistrationRefusedException(
                Map.of("name", messages.get("consultation.register.error.nameTaken"))));
        String language = LocaleContextHolder.getLocale().getLanguage();
        organisations.insertContactUser(organisationId, registration, passwordEncoder.encode(registration.password()),
                        ACCOUNT_LANGUAGES.contains(language) ? language : null)
                .orElseThrow(UsernameUnavailableException::new);
        rateLimit.record(subjects);
        audit.record(AuditEntry.of(registration.username(), "ORGANISATION_REGISTERED", registration.countryIso3(),
                "organisation", organisationId, registration.stakeholderType()));
        return Optional.empty();
    }

    /** The registration's rules that need the database; run after the form's own, in the name's lock. */
    private Validator knownToTheDatabase() {
        return Validator.forInstanceOf(Registration.class, (r, errors) -> {
            if (organisations.stakeholderTypes().stream().noneMatch(t -> t.code().equals(r.stakeholderType()))) {
                errors.rejectValue("stakeholderType", "consultation.register.error.type");
            }
            boolean countryKnown = organisations.countries().stream().anyMatch(c -> c.code().equals(r.countryIso3()));
            if (!countryKnown) {
                errors.rejectValue("country", "consultation.register.error.country");
            }
            // whether the user name is taken is not said here (see register)
            if (countryKnown && !errors.hasFieldErrors("name") && organisations.nameTaken(r.countryIso3(), r.name())) {
                errors.rejectValue("name", "consultation.register.error.nameTaken");
            }
        });
    }

    /** The organisations of the coordinator's country, for verification. */
    List<Organisation> ofCountry(CurrentUser coordinator) {
        requireCoordinator(coordinator);
        return organisations.ofCountry(coordinator.countryIso3());
    }

    @Transactional
    public Organisation verify(long organisationId, CurrentUser coordinator) {
        Organisation organisation = decidable(organisationId, coordinator);
        if (organisation.status() == OrganisationStatus.VERIFIED) {
            // a resent form (double click, reload): already done, so no second audit entry and no second e-mail
            return organisation;
        }
        organisations.verify(organisationId, coordinator.id());
        audit.record(AuditEntry.of(coordinator.username(), "ORGANISATION_VERIFIED", organisation.countryIso3(),
                "organisation", organisationId, organisation.name()));
        mail.sendAfterCommit(organisation.contactEmail(), messages.get("consultation.mail.verified.subject"),
                messages.get("consultation.mail.verified.text", organisation.contactName(), organisation.name(),
                        properties.base() + "/consultations"));
        return organisation;
    }

    /** The organisation, if this coordinator may decide on it (the same checks as {@link #reject}). */
    Optional<Organisation> rejectable(long organisationId, CurrentUser coordinator) {
        return Optional.of(decidable(organisationId, coordinator));
    }

    /** @return the error for the reason field, or empty when the organisation was rejected */
    @Transactional
    public Optional<String> reject(long organisationId, String reason, CurrentUser coordinator) {
        Organisation organisation = decidable(organisationId, coordinator);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            return Optional.of(messages.get("consultation.organisations.error.reason", REASON_MAX));
        }
        if (organisation.status() == OrganisationStatus.REJECTED && why.equals(organisation.rejectionReason())) {
            // a resent form: rejected already, for the same reason; no second audit entry or e-mail
            return Optional.empty();
        }
        organisations.reject(organisationId, why, coordinator.id());
        audit.record(AuditEntry.of(coordinator.username(), "ORGANISATION_REJECTED", organisation.countryIso3(),
                "organisation", organisationId, organisation.name() + ": " + why));
        mail.sendAfterCommit(organisation.contactEmail(), messages.get("consultation.mail.rejected.subject"),
                messages.get("consultation.mail.rejected.text", organisation.contactName(), organisation.name(), why));
        return Optional.empty();
    }

    /** Only the coordinator of the organisation's own country decides about it. */
    private Organisation decidable(long organisationId, CurrentUser coordinator) {
        requireCoordinator(coordinator);
        Organisation organisation = organisations.findForUpdate(organisationId)
                .orElseThrow(() -> new AccessDeniedException("No such organisation"));
        if (!coordinator.belongsToCountry(organisation.countryIso3())) {
            throw new AccessDeniedException("This organisation belongs to another country");
        }
        return organisation;
    }

    private static void requireCoordinator(CurrentUser user) {
        if (!user.is(Role.COORDINATOR)) {
            throw new AccessDeniedException("Only national coordinators verify organisations");
        }
    }
}
