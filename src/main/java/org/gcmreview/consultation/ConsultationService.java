package org.gcmreview.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Stakeholder inputs and the coordinator's steering of the consultation window. */
@Service
class ConsultationService {

    static final String CLOSED_EARLY = "ConsultationClosedEarly";
    static final String EXTENDED = "ConsultationWindowExtended";
    static final int BODY_MIN = 10;
    static final int BODY_MAX = 5000;
    static final int REASON_MAX = 1000;

    private final Consultations consultations;
    private final ReviewCycles cycles;
    private final RuntimeService runtimeService;
    private final AuditLog audit;
    private final Clock clock;

    ConsultationService(Consultations consultations, ReviewCycles cycles, RuntimeService runtimeService,
            AuditLog audit) {
        this.consultations = consultations;
        this.cycles = cycles;
        this.runtimeService = runtimeService;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    /** What the stakeholder typed into the input form. */
    record InputRequest(String target, String body, String language, String idempotencyKey) {
    }

    sealed interface InputResult {
        /** Stored now or earlier (a repeated submit of the same form): the receipt. */
        record Received(String reference) implements InputResult {
        }

        record Invalid(Map<String, String> errors) implements InputResult {
        }

        record WindowClosed(String message) implements InputResult {
        }
    }

    /** Whether the user may send inputs to the cycle's consultation, and if not, why (shown on the page). */
    enum Eligibility {
        ELIGIBLE, SIGN_IN, OTHER_ROLE, OTHER_COUNTRY, NOT_VERIFIED
    }

    Eligibility eligibility(ReviewCycle cycle, CurrentUser user) {
        if (user == null) {
            return Eligibility.SIGN_IN;
        }
        if (!user.is(Role.STAKEHOLDER)) {
            return Eligibility.OTHER_ROLE;
        }
        if (!user.belongsToCountry(cycle.countryIso3())) {
            return Eligibility.OTHER_COUNTRY;
        }
        if (user.organisationId() == null || !consultations.organisationVerified(user.organisationId())) {
            return Eligibility.NOT_VERIFIED;
        }
        return Eligibility.ELIGIBLE;
    }

    @Transactional
    public InputResult submitInput(ReviewCycle cycle, CurrentUser user, InputRequest request) {
        if (eligibility(cycle, user) != Eligibility.ELIGIBLE) {
            throw new AccessDeniedException("Only verified stakeholder organisations of " + cycle.countryName()
                    + " can send inputs to this consultation");
        }
        ConsultationWindow window = consultations.windowOfForShare(cycle.id()).orElseThrow(ConsultationService::notFound);
        UUID key;
        try {
            key = UUID.fromString(request.idempotencyKey() == null ? "" : request.idempotencyKey().trim());
        } catch (IllegalArgumentException e) {
            return new InputResult.Invalid(Map.of("form", "The form is incomplete. Please reload the page and send "
                    + "your input again."));
        }
        // A repeated submit of the same form gets the first one's receipt, even if the window closed since.
        Optional<ConsultationInput> earlier = consultations.inputByIdempotencyKey(key);
        if (earlier.isPresent()) {
            return receiptFor(earlier.get(), user);
        }
        if (!window.acceptsInputs(clock.instant())) {
            return new InputResult.WindowClosed("This consultation is closed: inputs are no longer accepted. "
                    + "Your text was not stored.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<InputTarget> target = InputTarget.parse(request.target(),
                consultations.objectivesInScope(cycle.id()).stream().map(Consultations.ObjectiveInScope::number)
                        .toList());
        if (target.isEmpty()) {
            errors.put("target", "Please choose the objective or section your input is about.");
        }
        String body = request.body() == null ? "" : request.body().replace("\r\n", "\n").strip();
        if (body.length() < BODY_MIN || body.length() > BODY_MAX) {
            errors.put("body", "Your input must have " + BODY_MIN + " to " + BODY_MAX + " characters (it has "
                    + body.length() + ").");
        }
        String language = request.language() == null ? "" : request.language().trim();
        if (!InputLanguages.ALL.containsKey(language)) {
            errors.put("language", "Please choose the language of your input.");
        }
        if (!errors.isEmpty()) {
            return new InputResult.Invalid(errors);
        }
        boolean stored = consultations.insertInput(window.id(), cycle.countryIso3(), key, user.organisationId(),
                user.id(), user.displayName(), user.email(), target.get(), language, body);
        ConsultationInput input = consultations.inputByIdempotencyKey(key).orElseThrow();
        if (!stored) {
            // the same form arrived twice at the same moment; the other request stored it
            return receiptFor(input, user);
        }
        cycles.touch(cycle.id());
        audit.record(AuditEntry.of(user.username(), "CONSULTATION_INPUT_RECEIVED", cycle.countryIso3(),
                "consultation_input", input.reference(), input.subject() + ", " + body.length() + " characters"));
        return new InputResult.Received(input.reference());
    }

    private static InputResult receiptFor(ConsultationInput input, CurrentUser user) {
        if (input.authorUserId() == null || input.authorUserId() != user.id()) {
            return new InputResult.Invalid(Map.of("form", "The form is no longer valid. Please reload the page."));
        }
        return new InputResult.Received(input.reference());
    }

    /** The coordinator closes the window before its closing date. */
    @Transactional
    public void closeEarly(long cycleId, CurrentUser user) {
        ReviewCycle cycle = cycles.findSteerable(cycleId, user);
        ConsultationWindow window = openWindow(cycle);
        ProcessInstance instance = waitingInstance(cycle, CLOSED_EARLY);
        audit.record(AuditEntry.of(user.username(), "CONSULTATION_CLOSED_EARLY", cycle.countryIso3(),
                "consultation_window", window.id(), "planned closing was " + window.closesAt()));
        runtimeService.createMessageCorrelation(CLOSED_EARLY).processInstanceId(instance.getId()).correlateWithResult();
    }

    /**
     * The coordinator keeps the window open longer. The new closing time is the end (UTC) of the chosen day.
     *
     * @return field errors; empty when the window was extended
     */
    @Transactional
    public Map<String, String> extend(long cycleId, CurrentUser user, String newClosingDate, String reason) {
        ReviewCycle cycle = cycles.findSteerable(cycleId, user);
        ConsultationWindow window = openWindow(cycle);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant newClosesAt = null;
        try {
            newClosesAt = LocalDate.parse(newClosingDate == null ? "" : newClosingDate.trim()).plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!newClosesAt.isAfter(window.closesAt())) {
                errors.put("closesOn", "The new closing date must be later than the current one.");
            }
        } catch (DateTimeParseException e) {
            errors.put("closesOn", "Please give the new closing date.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            errors.put("reason", "Please say why the window is extended (at most " + REASON_MAX + " characters).");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        ProcessInstance instance = waitingInstance(cycle, EXTENDED);
        consultations.extend(window, newClosesAt, why, user.id());
        // the gateway is entered again after the message, and its closing timer reads this variable anew
        runtimeService.setVariable(instance.getId(), ConsultationVariables.CLOSES_AT, Date.from(newClosesAt));
        runtimeService.createMessageCorrelation(EXTENDED).processInstanceId(instance.getId()).correlateWithResult();
        cycles.touch(cycle.id());
        audit.record(AuditEntry.of(user.username(), "CONSULTATION_EXTENDED", cycle.countryIso3(),
                "consultation_window", window.id(), "from " + window.closesAt() + " to " + newClosesAt + ": " + why));
        return Map.of();
    }

    private ConsultationWindow openWindow(ReviewCycle cycle) {
        ConsultationWindow window = consultations.windowOfForUpdate(cycle.id())
                .orElseThrow(() -> new ConsultationStateException("The consultation of this review has not opened."));
        if (window.status() != WindowStatus.OPEN) {
            throw new ConsultationStateException("The consultation window is " + window.status().name().toLowerCase()
                    + ".");
        }
        return window;
    }

    /**
     * The cycle's stakeholder-consultation instance, found by business key and process definition key (the
     * national review shares the business key), provided it waits for this message. Checked beforehand because
     * a failed correlation would mark the whole transaction for rollback.
     */
    private ProcessInstance waitingInstance(ReviewCycle cycle, String messageName) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ConsultationVariables.PROCESS)
                .processInstanceBusinessKey(cycle.businessKey())
                .singleResult();
        boolean waiting = instance != null && runtimeService.createEventSubscriptionQuery()
                .processInstanceId(instance.getId()).eventType("message").eventName(messageName).count() > 0;
        if (!waiting) {
            throw new ConsultationStateException("The consultation process is not waiting for this action right now.");
        }
        return instance;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no consultation with this name.");
    }
}
