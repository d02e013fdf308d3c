package org.gcmreview.consultation;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.consultation.InputIntake.InputResult;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.support.Sha256;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receipt for an input: sent at once for an organisation's input; an individual's input gets it once they
 * confirmed their address with the link from the mail (only the token's hash is stored).
 */
@Service
class InputReceipts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsultationInputs consultationInputs;
    private final ConsultationWindows windows;
    private final ReviewCycles cycles;
    private final ConsultationMail mail;
    private final ConsultationMessages messages;
    private final ConsultationProperties properties;
    private final AuditLog audit;

    InputReceipts(ConsultationInputs consultationInputs, ConsultationWindows windows, ReviewCycles cycles,
            ConsultationMail mail, ConsultationMessages messages, ConsultationProperties properties, AuditLog audit) {
        this.consultationInputs = consultationInputs;
        this.windows = windows;
        this.cycles = cycles;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.audit = audit;
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
        send(cycle, input, input.authorEmail());
        return new InputResult.Received(input.reference());
    }

    /** The receipt for a stored input that counts, to this address. */
    void send(ReviewCycle cycle, ConsultationInput input, String email) {
        String about = input.target().isObjective()
                ? messages.get("consultation.target.objective", input.objectiveNumber())
                : messages.get("consultation.section." + input.sectionKind());
        mail.sendAfterCommit(email, messages.get("consultation.mail.receipt.subject", input.reference()),
                messages.get("consultation.mail.receipt.text", cycle.title(), input.reference(), about,
                        messages.dateTime(input.submittedAt()),
                        properties.base() + "/consultations/" + cycle.businessKey()));
    }

    /** 256 random bits, URL-safe. Only its hash is stored. */
    static String newToken() {
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
}
