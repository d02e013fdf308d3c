package org.gcmreview.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gcmreview.attachment.Attachment;
import org.gcmreview.attachment.AttachmentRejectedException;
import org.gcmreview.attachment.AttachmentService;
import org.gcmreview.attachment.InspectedFile;
import org.gcmreview.attachment.OwnerKind;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.tasks.TaskSubmission;
import org.springframework.stereotype.Component;

/**
 * Evidence files in the drafting form and the report editor, through the attachment service: the file field
 * of section (contribution) {@code <id>} is {@code evidence-<id>}. Files are inspected while the form is
 * validated and stored only once everything else has been checked, in the form's transaction.
 */
@Component
class Evidence {

    private final AttachmentService attachments;
    private final DraftingMessages messages;

    Evidence(AttachmentService attachments, DraftingMessages messages) {
        this.attachments = attachments;
        this.messages = messages;
    }

    static String field(long ownerId) {
        return "evidence-" + ownerId;
    }

    /** The attachments of these owners, by owner id (every owner present, possibly with none). */
    Map<Long, List<Attachment>> of(OwnerKind kind, Collection<Long> ownerIds, CurrentUser user) {
        Map<Long, List<Attachment>> found = attachments.listByOwner(kind, ownerIds, user);
        Map<Long, List<Attachment>> all = new LinkedHashMap<>();
        ownerIds.forEach(id -> all.put(id, found.getOrDefault(id, List.of())));
        return all;
    }

    /** The files chosen for these owners, inspected; a refused file becomes an error at its field. */
    Chosen chosen(TaskSubmission form, Collection<Long> ownerIds, Map<String, String> errors) {
        Map<Long, List<InspectedFile>> files = new LinkedHashMap<>();
        for (long id : ownerIds) {
            try {
                List<InspectedFile> inspected = attachments.inspectChosen(form.files(), field(id));
                if (!inspected.isEmpty()) {
                    files.put(id, inspected);
                }
            } catch (AttachmentRejectedException refused) {
                errors.put(field(id), refused.getMessage() + " " + messages.get("evidence.nothingStored"));
            }
        }
        return new Chosen(files);
    }

    /** Files that passed inspection, waiting for the rest of the form to pass too. */
    final class Chosen {

        private final Map<Long, List<InspectedFile>> files;

        private Chosen(Map<Long, List<InspectedFile>> files) {
            this.files = files;
        }

        /**
         * The form is refused for another reason, so these files are not stored either; browsers do not send a
         * file again by themselves, so say so at each file field (unless it has its own error).
         */
        Map<String, String> notAttached(Map<String, String> errors) {
            Map<String, String> all = new LinkedHashMap<>(errors);
            files.forEach((id, list) -> all.putIfAbsent(field(id), messages.get("evidence.chooseAgain",
                    String.join(", ", list.stream().map(InspectedFile::fileName).toList()))));
            return all;
        }

        /** Stores every file in the caller's transaction; returns how many. */
        int store(OwnerKind kind, ReviewCycle cycle, CurrentUser user) {
            List<Attachment> stored = new ArrayList<>();
            files.forEach((id, list) -> list.forEach(file -> stored.add(
                    attachments.store(kind, id, cycle.id(), cycle.countryIso3(), file, user))));
            return stored.size();
        }
    }
}
