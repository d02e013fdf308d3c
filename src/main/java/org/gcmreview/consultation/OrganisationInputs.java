package org.gcmreview.consultation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gcmreview.attachment.InspectedFile;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.consultation.InputIntake.InputRequest;
import org.gcmreview.consultation.InputIntake.InputResult;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Inputs from users of verified organisations of the cycle's country (InputIntake checks that): they count at
 * once, may carry a file, and the receipt goes out with the input.
 */
@Component
class OrganisationInputs {

    private final InputAttachments attachments;
    private final ReviewCycles cycles;
    private final InputReceipts receipts;
    private final ConsultationMessages messages;
    private final AuditLog audit;

    OrganisationInputs(InputAttachments attachments, ReviewCycles cycles, InputReceipts receipts,
            ConsultationMessages messages, AuditLog audit) {
        this.attachments = attachments;
        this.cycles = cycles;
        this.receipts = receipts;
        this.messages = messages;
        this.audit = audit;
    }

    InputSender sender(ReviewCycle cycle, CurrentUser user, InputRequest request) {
        return new FromOrganisation(cycle, user, request);
    }

    private final class FromOrganisation implements InputSender {

        private final ReviewCycle cycle;
        private final CurrentUser user;
        private final InputRequest request;

        FromOrganisation(ReviewCycle cycle, CurrentUser user, InputRequest request) {
            this.cycle = cycle;
            this.user = user;
            this.request = request;
        }

        @Override
        public Optional<InputResult> refusal(ConsultationWindow window) {
            return Optional.empty();
        }

        @Override
        public InputResult replay(ConsultationInput earlier) {
            if (!sameUser(user, earlier)) {
                return new InputResult.Invalid(Map.of("form", messages.get("consultation.error.staleForm")));
            }
            return new InputResult.Received(earlier.reference());
        }

        @Override
        public void checkAuthor(Map<String, String> errors) {
            // the user's organisation was checked before; nothing typed about the author
        }

        @Override
        public InspectedFile checkAttachment(Map<String, String> errors) {
            return attachments.inspect(request.attachment(), errors);
        }

        @Override
        public List<String> rateLimitSubjects() {
            return List.of(SubmissionRateLimit.organisation(user.organisationId()),
                    SubmissionRateLimit.address(request.clientAddress()));
        }

        @Override
        public ConsultationInputs.Author author() {
            return new ConsultationInputs.Author(user.organisationId(), user.id(), user.displayName(), user.email());
        }

        @Override
        public ConsultationInputs.Confirmation confirmation() {
            return null;
        }

        @Override
        public InputResult stored(ConsultationInput input, int bodyLength, InspectedFile file) {
            attachments.store(file, input, cycle, user);
            cycles.touch(cycle);
            audit.record(AuditEntry.of(user.username(), "CONSULTATION_INPUT_RECEIVED", cycle.countryIso3(),
                    "consultation_input", input.reference(), input.subject() + ", " + bodyLength
                            + " characters" + (file == null ? "" : ", file " + file.fileName())));
            receipts.send(cycle, input, user.email());
            return new InputResult.Received(input.reference());
        }
    }

    private static boolean sameUser(CurrentUser user, ConsultationInput input) {
        return input.authorUserId() != null && input.authorUserId() == user.id();
    }
}
