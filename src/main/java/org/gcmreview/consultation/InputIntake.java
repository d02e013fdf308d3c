package org.gcmreview.consultation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gcmreview.attachment.InspectedFile;
import org.gcmreview.consultation.organisation.OrganisationStatus;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Receives stakeholder inputs: from users of verified organisations, and, where the coordinator allows it, from
 * individuals, whose input counts only once they confirmed their e-mail address ({@link InputReceipts}). Both
 * take the same way in ({@code receive}); what differs is the {@link InputSender}'s. Every form carries an
 * idempotency key, so a double click or a resent request stores one input and gets the same receipt.
 */
@Service
class InputIntake {

    static final int BODY_MIN = 10;
    static final int BODY_MAX = 5000;
    static final int NAME_MAX = 200;

    private final ConsultationWindows windows;
    private final ConsultationInputs consultationInputs;
    private final OrganisationInputs organisationInputs;
    private final IndividualInputs individualInputs;
    private final SubmissionRateLimit rateLimit;
    private final ConsultationMessages messages;

    InputIntake(ConsultationWindows windows, ConsultationInputs consultationInputs,
            OrganisationInputs organisationInputs, IndividualInputs individualInputs, SubmissionRateLimit rateLimit,
            ConsultationMessages messages) {
        this.windows = windows;
        this.consultationInputs = consultationInputs;
        this.organisationInputs = organisationInputs;
        this.individualInputs = individualInputs;
        this.rateLimit = rateLimit;
        this.messages = messages;
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

    /** @param organisation where the user's organisation stands, read with the window */
    static Eligibility eligibility(ReviewCycle cycle, CurrentUser user, OrganisationStatus organisation) {
        if (user == null) {
            return Eligibility.SIGN_IN;
        }
        if (!user.is(Role.STAKEHOLDER) || user.organisationId() == null) {
            return Eligibility.OTHER_ROLE;
        }
        if (!user.belongsToCountry(cycle.countryIso3())) {
            return Eligibility.OTHER_COUNTRY;
        }
        return switch (organisation) {
            case VERIFIED -> Eligibility.ELIGIBLE;
            case REJECTED -> Eligibility.REJECTED;
            case PENDING -> Eligibility.NOT_VERIFIED;
        };
    }

    /** An input from a user of a verified organisation of the cycle's country. */
    @Transactional
    public InputResult submit(ReviewCycle cycle, CurrentUser user, InputRequest request) {
        // the window first: a consultation never announced is not found, whoever asks
        ConsultationWindows.WindowAndTargets window = announcedWindow(cycle, user == null ? null
                : user.organisationId());
        if (eligibility(cycle, user, window.organisation()) != Eligibility.ELIGIBLE) {
            throw new AccessDeniedException("Only verified stakeholder organisations of " + cycle.countryName()
                    + " can send inputs to this consultation");
        }
        return receive(cycle, window, request, organisationInputs.sender(cycle, user, request));
    }

    /** An input from an individual, where the coordinator allows them; held until the address is confirmed. */
    @Transactional
    public InputResult submitAsIndividual(ReviewCycle cycle, InputRequest request) {
        return receive(cycle, announcedWindow(cycle, null), request, individualInputs.sender(cycle, request));
    }

    /**
     * The window, share-locked for the rest of the transaction (see windowOfForShare), with what it is open for
     * and where the sender's organisation stands; the one read of it a submission makes, so the controller does
     * not look it up before.
     */
    private ConsultationWindows.WindowAndTargets announcedWindow(ReviewCycle cycle, Long organisationId) {
        return windows.windowAndTargetsForShare(cycle.id(), organisationId).orElseThrow(InputIntake::notFound);
    }

    /** The one way every input comes in; what depends on who sends it is the sender's. */
    private InputResult receive(ReviewCycle cycle, ConsultationWindows.WindowAndTargets window,
            InputRequest request, InputSender sender) {
        Optional<InputResult> notForSender = sender.refusal(window.window());
        if (notForSender.isPresent()) {
            return notForSender.get();
        }
        Optional<UUID> key = idempotencyKey(request.idempotencyKey());
        if (key.isEmpty()) {
            return incompleteForm();
        }
        InputResult result = store(cycle, window, request, sender, key.get());
        if (result instanceof InputResult.Received || result instanceof InputResult.Held) {
            return result;
        }
        // A repeated submit of the same form gets the first one's receipt, even if the window closed, the target
        // left the scope or the sender reached the limit since. Looked up only for a form not stored now: the
        // insert itself tells a repeat from a first submit, so a first one (nearly all) spends no read on it.
        return consultationInputs.inputByIdempotencyKey(key.get()).map(sender::replay).orElse(result);
    }

    /** Stores the input if the window, the form and the rate limit allow it; a repeat gets the first's receipt. */
    private InputResult store(ReviewCycle cycle, ConsultationWindows.WindowAndTargets window, InputRequest request,
            InputSender sender, UUID key) {
        Optional<InputResult> refused = windowRefusal(window.window());
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        sender.checkAuthor(errors);
        Checked checked = check(window.open(), request, errors);
        InspectedFile file = sender.checkAttachment(errors);
        if (!errors.isEmpty()) {
            return new InputResult.Invalid(errors);
        }
        List<String> subjects = sender.rateLimitSubjects();
        rateLimit.lock(subjects);
        // the statement that stores the input checks the rate limit and counts the input against it, if it stored it
        Optional<ConsultationInput> stored = consultationInputs.insertInput(window.window().id(),
                cycle.countryIso3(), key, sender.author(), checked.target(), checked.language(), checked.body(),
                sender.confirmation(), rateLimit.counting(subjects));
        if (stored.isEmpty()) {
            // over the limit (receive() still looks for an earlier submit of the same form), or the same form was
            // stored before, or arrived twice at the same moment and the other request stored it
            Optional<Instant> retryAt = rateLimit.retryAt(subjects);
            if (retryAt.isPresent()) {
                return new InputResult.Throttled(retryAt.get());
            }
            return sender.replay(consultationInputs.inputByIdempotencyKey(key).orElseThrow());
        }
        return sender.stored(stored.get(), checked.body().length(), file);
    }

    /** The fields every input has, checked. */
    private record Checked(InputTarget target, String body, String language) {
    }

    private Checked check(OpenTargets open, InputRequest request, Map<String, String> errors) {
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

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no consultation with this name.");
    }
}
