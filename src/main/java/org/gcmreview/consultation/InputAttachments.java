package org.gcmreview.consultation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.gcmreview.attachment.Attachment;
import org.gcmreview.attachment.AttachmentRejectedException;
import org.gcmreview.attachment.AttachmentService;
import org.gcmreview.attachment.AttachmentType;
import org.gcmreview.attachment.InspectedFile;
import org.gcmreview.attachment.OwnerKind;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The optional file of an organisation's input, with the same checks as drafting evidence (the attachment
 * feature: type judged by content, size limit, safe name). The file is inspected while the rest of the form is
 * validated and stored in the input's own transaction, so a refused file leaves no input and an input never
 * loses its file. Attachments are never public: the coordinator and the country's users download them.
 */
@Component
class InputAttachments {

    private final AttachmentService attachments;
    private final ConsultationMessages messages;

    InputAttachments(AttachmentService attachments, ConsultationMessages messages) {
        this.attachments = attachments;
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

    /**
     * Checks the chosen file, if any, without storing anything.
     *
     * @param errors receives the reason under "attachment" when the file cannot be attached
     * @return the file to store, or null when none was chosen or it was refused
     */
    InspectedFile inspect(Upload upload, Map<String, String> errors) {
        if (upload == null || !upload.chosen()) {
            return null;
        }
        try {
            return attachments.inspect(upload.file());
        } catch (AttachmentRejectedException e) {
            errors.put("attachment", e.getMessage());
            return null;
        }
    }

    /** Stores the inspected file with the input, in the caller's transaction. */
    void store(InspectedFile file, ConsultationInput input, ReviewCycle cycle, CurrentUser user) {
        if (file != null) {
            attachments.store(OwnerKind.CONSULTATION_INPUT, input.id(), cycle.id(), cycle.countryIso3(), file, user);
        }
    }

    List<Attachment> of(long inputId, CurrentUser user) {
        return attachments.list(OwnerKind.CONSULTATION_INPUT, inputId, user);
    }

    Map<Long, List<Attachment>> of(Collection<Long> inputIds, CurrentUser user) {
        return attachments.listByOwner(OwnerKind.CONSULTATION_INPUT, inputIds, user);
    }

    /**
     * The hint under the file field: types and size. Both are fixed, so it is formatted once per language: each
     * formatting (the size, then the hint) queued on Spring's shared MessageFormat at 32 clients (issue 19.1).
     */
    String hint() {
        return messages.keptWithFixedArguments("consultation.form.attachmentHint",
                () -> new Object[] {AttachmentType.ALLOWED_TYPES, attachments.maxSizeLabel()});
    }

    String accept() {
        return attachments.acceptList();
    }
}
