package org.gcmreview.consultation;

import java.util.Map;

import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The optional file of an organisation's input. Placeholder until the attachment feature is on main: a chosen
 * file is refused with a clear message, so nothing half-stored can happen.
 */
@Component
class InputAttachments {

    private final ConsultationMessages messages;

    InputAttachments(ConsultationMessages messages) {
        this.messages = messages;
    }

    /** The file part of the input form; {@code file} is null when the form had none. */
    record Upload(MultipartFile file) {

        /** A file input left blank arrives as a part with no name and no bytes: that is no file. */
        boolean chosen() {
            return file != null && !(file.isEmpty() && (file.getOriginalFilename() == null
                    || file.getOriginalFilename().isBlank()));
        }
    }

    /** A file that passed the checks and may be stored with the input. */
    record Inspected() {
    }

    Inspected inspect(Upload upload, Map<String, String> errors) {
        if (upload != null && upload.chosen()) {
            errors.put("attachment", messages.get("consultation.error.attachmentUnavailable"));
        }
        return null;
    }

    void store(Inspected file, ConsultationInput input, ReviewCycle cycle, CurrentUser user) {
        // nothing to store until attachments are available
    }
}
