package org.gcmreview.consultation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gcmreview.attachment.InspectedFile;
import org.gcmreview.consultation.InputIntake.InputResult;

/**
 * Who sends an input, and what differs with that on the one way an input comes in ({@link InputIntake}): a user
 * of a verified organisation ({@link OrganisationInputs}) or an individual where the coordinator allows it
 * ({@link IndividualInputs}). One per request.
 */
interface InputSender {

    /** Refuses this kind of sender in the window's present settings. */
    Optional<InputResult> refusal(ConsultationWindow window);

    /** The answer to a form that was stored before (the same form sent again): its receipt if this sender sent it. */
    InputResult replay(ConsultationInput earlier);

    /** Checks the sender's own fields, before the fields every input has. */
    void checkAuthor(Map<String, String> errors);

    /** Checks the attachment, after the fields every input has; the file to store, or null. */
    InspectedFile checkAttachment(Map<String, String> errors);

    /** Whose inputs count against the rate limit. */
    List<String> rateLimitSubjects();

    ConsultationInputs.Author author();

    /** How the sender confirms the input; null when it counts at once. */
    ConsultationInputs.Confirmation confirmation();

    /** What follows once the input is stored (file, receipt or confirmation link, audit), and the answer. */
    InputResult stored(ConsultationInput input, int bodyLength, InspectedFile file);
}
