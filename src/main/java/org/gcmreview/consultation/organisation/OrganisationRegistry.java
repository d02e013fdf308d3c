package org.gcmreview.consultation.organisation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.consultation.ConsultationMail;
import org.gcmreview.consultation.ConsultationMessages;
import org.gcmreview.consultation.ConsultationProperties;
import org.gcmreview.consultation.EmailAddress;
import org.gcmreview.consultation.SubmissionRateLimit;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,80}");
    private static final List<String> ACCOUNT_LANGUAGES = List.of("en", "fr", "es", "ar");

    private final Organisations organisations;
    private final PasswordEncoder passwordEncoder;
    private final SubmissionRateLimit rateLimit;
    private final ConsultationMessages messages;
    private final ConsultationMail mail;
    private final ConsultationProperties properties;
    private final AuditLog audit;

    OrganisationRegistry(Organisations organisations, PasswordEncoder passwordEncoder, SubmissionRateLimit rateLimit,
            ConsultationMessages messages, ConsultationMail mail, ConsultationProperties properties, AuditLog audit) {
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.rateLimit = rateLimit;
        this.messages = messages;
        this.mail = mail;
        this.properties = properties;
        this.audit = audit;
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
     * @return empty when registered (or seemingly so); the moment registrations from this address are allowed
     *         again otherwise
     * @throws RegistrationRefusedException field errors; nothing was stored
     * @throws UsernameUnavailableException the user name was taken meanwhile; nothing was stored
     */
    @Transactional
    public Optional<Throttled> register(Registration registration, String clientAddress) {
        if (!registration.countryIso3().isEmpty() && !registration.name().isEmpty()) {
            organisations.lockName(registration.countryIso3(), registration.name());
        }
        Map<String, String> errors = validate(registration);
        if (!errors.isEmpty()) {
            throw new RegistrationRefusedException(errors);
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

    private Map<String, String> validate(Registration r) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.name().length() < 2 || r.name().length() > NAME_MAX) {
            errors.put("name", messages.get("consultation.register.error.name", NAME_MAX));
        }
        if (organisations.stakeholderTypes().stream().noneMatch(t -> t.code().equals(r.stakeholderType()))) {
            errors.put("stakeholderType", messages.get("consultation.register.error.type"));
        }
        boolean countryKnown = organisations.countries().stream().anyMatch(c -> c.code().equals(r.countryIso3()));
        if (!countryKnown) {
            errors.put("country", messages.get("consultation.register.error.country"));
        }
        if (r.contactName().isEmpty() || r.contactName().length() > NAME_MAX) {
            errors.put("contactName", messages.get("consultation.register.error.contactName", NAME_MAX));
        }
        if (!EmailAddress.plausible(r.contactEmail())) {
            errors.put("contactEmail", messages.get("consultation.error.email"));
        }
        // whether the name is taken is not said here (see register)
        if (!USERNAME.matcher(r.username()).matches()) {
            errors.put("username", messages.get("consultation.register.error.username"));
        }
        if (r.password().length() < PASSWORD_MIN || r.password().length() > PASSWORD_MAX) {
            errors.put("password", messages.get("consultation.register.error.password", PASSWORD_MIN));
        } else if (!r.password().equals(r.passwordRepeated())) {
            errors.put("passwordRepeated", messages.get("consultation.register.error.passwordRepeated"));
        }
        if (countryKnown && !errors.containsKey("name") && organisations.nameTaken(r.countryIso3(), r.name())) {
            errors.put("name", messages.get("consultation.register.error.nameTaken"));
        }
        return errors;
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
