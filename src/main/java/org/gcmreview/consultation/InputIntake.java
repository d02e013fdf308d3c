package org.gcmreview.consultation;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gcmreview.attachment.InspectedFile;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.consultation.organisation.OrganisationStatus;
import org.gcmreview.consultation.organisation.Organisations;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.support.Sha256;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Receives stakeholder inputs: from users of verified organisations, and, where the coordinator allows it, from
 * individuals, whose input counts only once they confirmed their e-mail address. Every form carries an
 * idempotency key, so a double click or a resent request stores one input and gets the same receipt.
 */
@Service
class InputIntake {

    static final int BODY_MIN = 10;
    static final int BODY_MAX = 5000;
    static final int NAME_MAX = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsultationWindows windows;
    private final ConsultationInputs consultationInputs;
    private final Organisations organisations;
    private final ReviewCycles cycles;
    private final SubmissionRateLimit rateLimit;
    private final ConsultationMail mail;
    private final ConsultationMessages messages;
    private final ConsultationProperties properties;
    private final InputAttachments attachments;
    private final AuditLog audit;

    InputIntake(ConsultationWindows windows, ConsultationInputs consultationInputs, Organisations organisations,
            ReviewCycles cycles, SubmissionRateLimit rateLimit, ConsultationMail mail, ConsultationMessages messages,
            ConsultationProperties properties, InputAttachments attachments, AuditLog audit) {
        this.windows = windows;
        this.consultationInputs = consultationInputs;
        this.organisations = organisations;
        this.cycles = cycles;
        this.rateLimit = rateLimit;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.attachments = attachments;
        this.audit = audit;
    }

    /** What was typed into an input form, and where it came from. */
    record InputRequest(String target, String body, String language, String idempotencyKey, String authorName,
            String authorEmail, String clientAddress, InputAttachments.Upload attachment) {
    }

    sealed interface InputResult {
        /** Stored now or earlier (a repeated submit of the same form): the receipt. */
        record Received(String reference) implements InputResult {
        }

        /** An individual's input, stored but held until the address is confirmed. */
        record Held(String email) implements InputResult {
        }

        record Invalid(Map<String, String> errors) implements InputResult {
        }

        /** Not accepted in the consultation's present state (not open, closed, no individuals...). */
        record Refused(HttpStatus status, String message) implements InputResult {
        }

        record Throttled(Instant retryAt) implements InputResult {
        }
    }

    /** Whether the user may send inputs as an organisation, and if not, why (shown on the page). */
    enum Eligibility {
        ELIGIBLE, SIGN_IN, OTHER_ROLE, OTHER_COUNTRY, NOT_VERIFIED, REJECTED
    }

    Eligibility eligibility(ReviewCycle cycle, CurrentUser user) {
        if (user == null) {
            return Eligibility.SIGN_IN;
        }
        if (!user.is(Role.STAKEHOLDER) || user.organisationId() == null) {
            return Eligibility.OTHER_ROLE;
        }
        if (!user.belongsToCountry(cycle.countryIso3())) {
            return Eligibility.OTHER_COUNTRY;
        }
        return switch (organisations.status(user.organisationId()).orElse(OrganisationStatus.PENDING)) {
            case VERIFIED -> Eligibility.ELIGIBLE;
            case REJECTED -> Eligibility.REJECTED;
            case PENDING -> Eligibility.NOT_VERIFIED;
        };
    }

    /** An input from a user of a verified organisation of the cycle's country. */
    @Transactional
    public InputResult submit(ReviewCycle cycle, CurrentUser user, InputRequest request) {
        if (eligibility(cycle, user) != Eligibility.ELIGIBLE) {
            throw new AccessDeniedException("Only verified stakeholder organisations of " + cycle.countryName()
                    + " can send inputs to this consultation");
        }
        ConsultationWindow window = windows.windowOfForShare(cycle.id()).orElseThrow(InputIntake::notFound);
        Optional<UUID> key = idempotencyKey(request.idempotencyKey());
        if (key.isEmpty()) {
            return incompleteForm();
        }
        // A repeated submit of the same form gets the first one's receipt, even if the window closed since.
        Optional<ConsultationInput> earlier = consultationInputs.inputByIdempotencyKey(key.get());
        if (earlier.isPresent()) {
            return replay(earlier.get(), sameUser(user, earlier.get()));
        }
        Optional<InputResult> refused = windowRefusal(window);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Checked checked = check(window, request, errors);
        InspectedFile file = attachments.inspect(request.attachment(), errors);
        if (!errors.isEmpty()) {
            return new InputResult.Invalid(errors);
        }
        List<String> subjects = List.of(SubmissionRateLimit.organisation(user.organisationId()),
                SubmissionRateLimit.address(request.clientAddress()));
        Optional<Instant> retryAt = rateLimit.check(subjects);
        if (retryAt.isPresent()) {
            return new InputResult.Throttled(retryAt.get());
        }
        boolean stored = consultationInputs.insertInput(window.id(), cycle.countryIso3(), key.get(),
                new ConsultationInputs.Author(user.organisationId(), user.id(), user.displayName(), user.email()),
                checked.target(), checked.language(), checked.body(), null);
        ConsultationInput input = consultationInputs.inputByIdempotencyKey(key.get()).orElseThrow();
        if (!stored) {
            // the same form arrived twice at the same moment; the other request stored it
            return replay(input, sameUser(user, input));
        }
        rateLimit.record(subjects);
        attachments.store(file, input, cycle, user);
        cycles.touch(cycle.id());
        audit.record(AuditEntry.of(user.username(), "CONSULTATION_INPUT_RECEIVED", cycle.countryIso3(),
                "consultation_input", input.reference(), input.subject() + ", " + checked.body().length()
                        + " characters" + (file == null ? "" : ", file " + file.fileName())));
        sendReceipt(cycle, input, user.email());
        return new InputResult.Received(input.reference());
    }

    /** An input from an individual, where the coordinator allows them; held until the address is confirmed. */
    @Transactional
    public InputResult submitAsIndividual(ReviewCycle cycle, InputRequest request) {
        ConsultationWindow window = windows.windowOfForShare(cycle.id()).orElseThrow(InputIntake::notFound);
        if (!window.allowIndividuals()) {
            return new InputResult.Refused(HttpStatus.FORBIDDEN, messages.get("consultation.error.noIndividuals"));
        }
        Optional<UUID> key = idempotencyKey(request.idempotencyKey());
        if (key.isEmpty()) {
            return incompleteForm();
        }
        String email = request.authorEmail() == null ? "" : request.authorEmail().strip();
        Optional<ConsultationInput> earlier = consultationInputs.inputByIdempotencyKey(key.get());
        if (earlier.isPresent()) {
            return replayIndividual(earlier.get(), email);
        }
        Optional<InputResult> refused = windowRefusal(window);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = request.authorName() == null ? "" : request.authorName().strip();
        if (name.isEmpty() || name.length() > NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            errors.put("authorName", messages.get("consultation.error.name", NAME_MAX));
        }
        if (!EmailAddress.plausible(email)) {
            errors.put("authorEmail", messages.get("consultation.error.email"));
        }
        Checked checked = check(window, request, errors);
        if (request.attachment() != null && request.attachment().chosen()) {
            errors.put("attachment", messages.get("consultation.error.individualAttachment"));
        }
        if (!errors.isEmpty()) {
            return new InputResult.Invalid(errors);
        }
        List<String> subjects = List.of(SubmissionRateLimit.address(request.clientAddress()),
                SubmissionRateLimit.email(email));
        Optional<Instant> retryAt = rateLimit.check(subjects);
        if (retryAt.isPresent()) {
            return new InputResult.Throttled(retryAt.get());
        }
        String token = newToken();
        Instant expiresAt = Instant.now().plus(properties.confirmationValidity());
        boolean stored = consultationInputs.insertInput(window.id(), cycle.countryIso3(), key.get(),
                new ConsultationInputs.Author(null, null, name, email), checked.target(), checked.language(),
                checked.body(), new ConsultationInputs.Confirmation(Sha256.hex(token), expiresAt));
        ConsultationInput input = consultationInputs.inputByIdempotencyKey(key.get()).orElseThrow();
        if (!stored) {
            return replayIndividual(input, email);
        }
        rateLimit.record(subjects);
        audit.record(AuditEntry.of("individual", "CONSULTATION_INPUT_HELD", cycle.countryIso3(), "consultation_input",
                input.reference(), input.subject() + ", " + checked.body().length() + " characters, awaiting "
                        + "confirmation of the e-mail address"));
        mail.sendAfterCommit(email, messages.get("consultation.mail.confirm.subject", cycle.title()),
                messages.get("consultation.mail.confirm.text", name, cycle.title(),
                        properties.base() + "/consultations/confirm?token=" + token,
                        messages.dateTime(expiresAt)));
        return new InputResult.Held(email);
    }

    /** What a confirmation link is about, for the page that asks to confirm. */
    record PendingInput(ReviewCycle cycle, ConsultationInput input, boolean expired) {
    }

    Optional<PendingInput> pending(String token) {
        return tokenHash(token).flatMap(consultationInputs::pending).map(p -> {
            ConsultationInput input = consultationInputs.inputById(p.inputId()).orElseThrow();
            ReviewCycle cycle = cycles.findById(p.cycleId()).orElseThrow();
            return new PendingInput(cycle, input, !Instant.now().isBefore(p.expiresAt()));
        });
    }

    /**
     * Confirms an individual's address with the token from the mail: the input counts from now on, and the
     * token cannot be used again.
     */
    @Transactional
    public InputResult confirm(String token) {
        Optional<ConsultationInputs.PendingConfirmation> pending =
                tokenHash(token).flatMap(consultationInputs::pendingForUpdate);
        if (pending.isEmpty()) {
            return new InputResult.Refused(HttpStatus.NOT_FOUND, messages.get("consultation.confirm.error.unknown"));
        }
        if (!Instant.now().isBefore(pending.get().expiresAt())) {
            return new InputResult.Refused(HttpStatus.GONE, messages.get("consultation.confirm.error.expired",
                    messages.dateTime(pending.get().expiresAt())));
        }
        ReviewCycle cycle = cycles.findById(pending.get().cycleId()).orElseThrow();
        ConsultationWindow window = windows.windowOfForShare(cycle.id()).orElseThrow();
        if (!window.acceptsInputs(Instant.now())) {
            return new InputResult.Refused(HttpStatus.CONFLICT, messages.get("consultation.confirm.error.closed"));
        }
        consultationInputs.confirm(pending.get().inputId());
        ConsultationInput input = consultationInputs.inputById(pending.get().inputId()).orElseThrow();
        cycles.touch(cycle.id());
        audit.record(AuditEntry.of("individual", "CONSULTATION_INPUT_RECEIVED", cycle.countryIso3(),
                "consultation_input", input.reference(), input.subject() + ", e-mail address confirmed"));
        sendReceipt(cycle, input, input.authorEmail());
        return new InputResult.Received(input.reference());
    }

    private void sendReceipt(ReviewCycle cycle, ConsultationInput input, String email) {
        String about = input.target().isObjective()
                ? messages.get("consultation.target.objective", input.objectiveNumber())
                : messages.get("consultation.section." + input.sectionKind());
        mail.sendAfterCommit(email, messages.get("consultation.mail.receipt.subject", input.reference()),
                messages.get("consultation.mail.receipt.text", cycle.title(), input.reference(), about,
                        messages.dateTime(input.submittedAt()),
                        properties.base() + "/consultations/" + cycle.businessKey()));
    }

    /** The fields every input has, checked. */
    private record Checked(InputTarget target, String body, String language) {
    }

    private Checked check(ConsultationWindow window, InputRequest request, Map<String, String> errors) {
        OpenTargets open = windows.openTargets(window);
        Optional<InputTarget> target = InputTarget.parse(request.target()).filter(open::isOpen);
        if (target.isEmpty()) {
            errors.put("target", messages.get("consultation.error.target"));
        }
        String body = request.body() == null ? "" : request.body().replace("\r\n", "\n").strip();
        if (body.length() < BODY_MIN || body.length() > BODY_MAX) {
            errors.put("body", messages.get("consultation.error.body", BODY_MIN, BODY_MAX, body.length()));
        }
        String language = request.language() == null ? "" : request.language().trim();
        if (!InputLanguages.ALL.containsKey(language)) {
            errors.put("language", messages.get("consultation.error.language"));
        }
        return new Checked(target.orElse(null), body, language);
    }

    private Optional<InputResult> windowRefusal(ConsultationWindow window) {
        Instant now = Instant.now();
        if (window.acceptsInputs(now)) {
            return Optional.empty();
        }
        String message = window.beforeOpening(now)
                ? messages.get("consultation.error.notYetOpen", messages.dateTime(window.opensAt()),
                        messages.dateTime(window.closesAt()))
                : messages.get("consultation.error.closed",
                        messages.dateTime(window.closedAt() != null ? window.closedAt() : window.closesAt()));
        return Optional.of(new InputResult.Refused(HttpStatus.CONFLICT, message));
    }

    private InputResult replay(ConsultationInput earlier, boolean sameAuthor) {
        if (!sameAuthor) {
            return new InputResult.Invalid(Map.of("form", messages.get("consultation.error.staleForm")));
        }
        return new InputResult.Received(earlier.reference());
    }

    private InputResult replayIndividual(ConsultationInput earlier, String email) {
        if (!earlier.individual() || !earlier.authorEmail().equalsIgnoreCase(email)) {
            return new InputResult.Invalid(Map.of("form", messages.get("consultation.error.staleForm")));
        }
        return earlier.confirmed() ? new InputResult.Received(earlier.reference())
                : new InputResult.Held(earlier.authorEmail());
    }

    private static boolean sameUser(CurrentUser user, ConsultationInput input) {
        return input.authorUserId() != null && input.authorUserId() == user.id();
    }

    private InputResult incompleteForm() {
        return new InputResult.Invalid(Map.of("form", messages.get("consultation.error.incompleteForm")));
    }

    /** Only a canonical UUID: {@code UUID.fromString} also accepts short forms like "1-1-1-1-1". */
    static Optional<UUID> idempotencyKey(String key) {
        String value = key == null ? "" : key.trim();
        try {
            UUID parsed = UUID.fromString(value);
            return parsed.toString().equalsIgnoreCase(value) ? Optional.of(parsed) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** 256 random bits, URL-safe. Only its hash is stored. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> tokenHash(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return Optional.of(Sha256.hex(token));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no consultation with this name.");
    }
}
