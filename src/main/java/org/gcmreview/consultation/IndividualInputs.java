package org.gcmreview.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gcmreview.attachment.InspectedFile;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.consultation.InputIntake.InputRequest;
import org.gcmreview.consultation.InputIntake.InputResult;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.support.Sha256;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Inputs from individuals, where the coordinator allows them: by name and e-mail address, without a file, and
 * held until the address is confirmed with the link mailed to it ({@link InputReceipts#confirm}).
 */
@Component
class IndividualInputs {

    private final ConsultationMessages messages;
    private final ConsultationProperties properties;
    private final ConsultationMail mail;
    private final AuditLog audit;

    IndividualInputs(ConsultationMessages messages, ConsultationProperties properties, ConsultationMail mail,
            AuditLog audit) {
        this.messages = messages;
        this.properties = properties;
        this.mail = mail;
        this.audit = audit;
    }

    InputSender sender(ReviewCycle cycle, InputRequest request) {
        return new FromIndividual(cycle, request);
    }

    private final class FromIndividual implements InputSender {

        private final ReviewCycle cycle;
        private final InputRequest request;
        private final String name;
        private final String email;
        private String token;
        private Instant expiresAt;

        FromIndividual(ReviewCycle cycle, InputRequest request) {
            this.cycle = cycle;
            this.request = request;
            this.name = request.authorName() == null ? "" : request.authorName().strip();
            this.email = request.authorEmail() == null ? "" : request.authorEmail().strip();
        }

        @Override
        public Optional<InputResult> refusal(ConsultationWindow window) {
            if (!window.allowIndividuals()) {
                return Optional.of(new InputResult.Refused(HttpStatus.FORBIDDEN,
                        messages.get("consultation.error.noIndividuals")));
            }
            return Optional.empty();
        }

        @Override
        public InputResult replay(ConsultationInput earlier) {
            if (!earlier.individual() || !earlier.authorEmail().equalsIgnoreCase(email)) {
                return new InputResult.Invalid(Map.of("form", messages.get("consultation.error.staleForm")));
            }
            return earlier.confirmed() ? new InputResult.Received(earlier.reference())
                    : new InputResult.Held(earlier.authorEmail());
        }

        @Override
        public void checkAuthor(Map<String, String> errors) {
            if (name.isEmpty() || name.length() > InputIntake.NAME_MAX
                    || name.chars().anyMatch(Character::isISOControl)) {
                errors.put("authorName", messages.get("consultation.error.name", InputIntake.NAME_MAX));
            }
            if (!EmailAddress.plausible(email)) {
                errors.put("authorEmail", messages.get("consultation.error.email"));
            }
        }

        @Override
        public InspectedFile checkAttachment(Map<String, String> errors) {
            if (request.attachment() != null && request.attachment().chosen()) {
                errors.put("attachment", messages.get("consultation.error.individualAttachment"));
            }
            return null;
        }

        @Override
        public List<String> rateLimitSubjects() {
            return List.of(SubmissionRateLimit.address(request.clientAddress()), SubmissionRateLimit.email(email));
        }

        @Override
        public ConsultationInputs.Author author() {
            return new ConsultationInputs.Author(null, null, name, email);
        }

        @Override
        public ConsultationInputs.Confirmation confirmation() {
            token = InputReceipts.newToken();
            expiresAt = Instant.now().plus(properties.confirmationValidity());
            return new ConsultationInputs.Confirmation(Sha256.hex(token), expiresAt);
        }

        @Override
        public InputResult stored(ConsultationInput input, int bodyLength, InspectedFile file) {
            audit.record(AuditEntry.of("individual", "CONSULTATION_INPUT_HELD", cycle.countryIso3(),
                    "consultation_input", input.reference(), input.subject() + ", " + bodyLength
                            + " characters, awaiting confirmation of the e-mail address"));
            mail.sendAfterCommit(email, messages.get("consultation.mail.confirm.subject", cycle.title()),
                    messages.get("consultation.mail.confirm.text", name, cycle.title(),
                            properties.base() + "/consultations/confirm?token=" + token,
                            messages.dateTime(expiresAt)));
            return new InputResult.Held(email);
        }
    }
}
