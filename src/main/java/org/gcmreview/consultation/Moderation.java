package org.gcmreview.consultation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.notices.GroupNotices;
import org.gcmreview.notices.NoticeKind;
import org.gcmreview.notices.NoticeText;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The coordinator's moderation of the inputs: publish, hide with a reason, group duplicates. Only published
 * inputs appear on public pages; a duplicate group counts once in the public summary.
 */
@Service
class Moderation {

    static final int REASON_MAX = 1000;

    private final ConsultationWindows windows;
    private final ConsultationInputs consultationInputs;
    private final ReviewCycles cycles;
    private final ConsultationMessages messages;
    private final AuditLog audit;
    private final GroupNotices notices;

    Moderation(ConsultationWindows windows, ConsultationInputs consultationInputs, ReviewCycles cycles,
            ConsultationMessages messages, AuditLog audit, GroupNotices notices) {
        this.notices = notices;
        this.windows = windows;
        this.consultationInputs = consultationInputs;
        this.cycles = cycles;
        this.messages = messages;
        this.audit = audit;
    }

    /** The queue's filter; null fields match everything. */
    record Filter(InputTarget about, String authorType, InputStatus status) {
    }

    /**
     * Parses the filter form. A value that is not one of the choices is an error (the page answers 400), not
     * "no filter", so a mistyped link never silently shows everything.
     *
     * @param errors receives a message per bad field
     */
    Filter filter(String about, String authorType, String status, Map<String, String> errors) {
        InputTarget target = null;
        if (about != null && !about.isBlank()) {
            target = InputTarget.parse(about).orElse(null);
            if (target == null) {
                errors.put("about", messages.get("consultation.queue.error.about"));
            }
        }
        String type = null;
        if (authorType != null && !authorType.isBlank()) {
            boolean known = ConsultationInput.INDIVIDUAL.equals(authorType) || consultationInputs.stakeholderTypes()
                    .stream().anyMatch(t -> t.code().equals(authorType));
            if (known) {
                type = authorType;
            } else {
                errors.put("type", messages.get("consultation.queue.error.type"));
            }
        }
        InputStatus inputStatus = null;
        if (status != null && !status.isBlank()) {
            inputStatus = InputStatus.parse(status).orElse(null);
            if (inputStatus == null) {
                errors.put("status", messages.get("consultation.queue.error.status"));
            }
        }
        return new Filter(target, type, inputStatus);
    }

    List<ConsultationInput> queue(ConsultationWindow window, Filter filter) {
        return consultationInputs.inputs(window.id(), filter.about(), filter.authorType(), filter.status());
    }

    /** An input of the cycle's consultation, for the coordinator of its country only (403 otherwise, 404 if none). */
    Moderated find(long cycleId, long inputId, CurrentUser user) {
        ReviewCycle cycle = cycles.findSteerable(cycleId, user);
        ConsultationWindow window = windows.windowOfForUpdate(cycle.id()).orElseThrow(Moderation::notFound);
        ConsultationInput input = consultationInputs.input(window.id(), inputId).orElseThrow(Moderation::notFound);
        return new Moderated(cycle, window, input);
    }

    record Moderated(ReviewCycle cycle, ConsultationWindow window, ConsultationInput input) {
    }

    @Transactional
    public void publish(long cycleId, long inputId, CurrentUser user) {
        Moderated m = find(cycleId, inputId, user);
        if (m.input().published()) {
            // a resent form: already published, nothing to record again
            return;
        }
        consultationInputs.moderate(inputId, InputStatus.PUBLISHED, null, user.id());
        record(m, user, "CONSULTATION_INPUT_PUBLISHED", "");
        tell(m, InputStatus.PUBLISHED);
    }

    /** @return the error for the reason field, or empty when hidden */
    @Transactional
    public Optional<String> hide(long cycleId, long inputId, String reason, CurrentUser user) {
        Moderated m = find(cycleId, inputId, user);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            return Optional.of(messages.get("consultation.moderation.error.reason", REASON_MAX));
        }
        if (m.input().hidden() && why.equals(m.input().moderationReason())) {
            // a resent form: hidden already, for the same reason
            return Optional.empty();
        }
        consultationInputs.moderate(inputId, InputStatus.HIDDEN, why, user.id());
        record(m, user, "CONSULTATION_INPUT_HIDDEN", why);
        tell(m, InputStatus.HIDDEN);
        return Optional.empty();
    }

    /**
     * Groups the input with another one (given by reference). If that one is itself a duplicate, the input
     * joins its group's first input, so groups stay one level deep.
     *
     * @return the error for the reference field, or empty when grouped
     */
    @Transactional
    public Optional<String> markDuplicate(long cycleId, long inputId, String primaryReference, CurrentUser user) {
        Moderated m = find(cycleId, inputId, user);
        Optional<ConsultationInput> other = primaryReference == null ? Optional.empty()
                : consultationInputs.inputByReference(m.window().id(), primaryReference.strip());
        if (other.isEmpty()) {
            return Optional.of(messages.get("consultation.moderation.error.reference"));
        }
        long primaryId = other.get().groupId();
        if (primaryId == inputId) {
            return Optional.of(messages.get("consultation.moderation.error.self"));
        }
        if (m.input().duplicateOf() != null && m.input().duplicateOf() == primaryId) {
            // a resent form: in this group already
            return Optional.empty();
        }
        consultationInputs.markDuplicate(inputId, primaryId, user.id());
        record(m, user, "CONSULTATION_INPUT_GROUPED", "duplicate of " + other.get().reference());
        return Optional.empty();
    }

    @Transactional
    public void removeFromGroup(long cycleId, long inputId, CurrentUser user) {
        Moderated m = find(cycleId, inputId, user);
        if (m.input().duplicate()) {
            consultationInputs.removeFromGroup(inputId, user.id());
            record(m, user, "CONSULTATION_INPUT_UNGROUPED", "was a duplicate of " + m.input().duplicateOfReference());
        }
    }

    private void record(Moderated m, CurrentUser user, String action, String details) {
        cycles.touch(m.cycle().id());
        audit.record(AuditEntry.of(user.username(), action, m.cycle().countryIso3(), "consultation_input",
                m.input().reference(), details));
    }

    /**
     * Issue 18.4: the stakeholder who gave the input hears of the coordinator's moderation decision, when they gave
     * it from an account (an individual without one was answered by e-mail at confirmation and has no centre).
     */
    private void tell(Moderated m, InputStatus decision) {
        Long author = m.input().authorUserId();
        if (author != null) {
            notices.toUser(NoticeKind.DECISION, author, new NoticeText(
                    "notices.text.DECISION.moderation." + decision.name(),
                    List.of(m.input().reference(), m.cycle().businessKey()), "/my-consultations",
                    m.cycle().businessKey()));
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such input in this consultation.");
    }
}
