package org.gcmreview.attachment;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored evidence file as pages show it (without its bytes).
 *
 * @param removable whether the user the list was made for may remove it (uploader or national coordinator,
 *        and only while the cycle is not published)
 */
public record Attachment(
        UUID publicId,
        OwnerKind ownerKind,
        long ownerId,
        long cycleId,
        String countryIso3,
        String fileName,
        AttachmentType type,
        long size,
        String sha256,
        long uploadedById,
        String uploadedByName,
        Instant uploadedAt,
        boolean removable) {

    public String sizeLabel() {
        return FileSizes.human(size);
    }

    Attachment withRemovable(boolean value) {
        return new Attachment(publicId, ownerKind, ownerId, cycleId, countryIso3, fileName, type, size, sha256,
                uploadedById, uploadedByName, uploadedAt, value);
    }
}
