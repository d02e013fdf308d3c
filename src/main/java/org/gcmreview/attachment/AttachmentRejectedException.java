package org.gcmreview.attachment;

/**
 * A file the user chose cannot be attached. The message is written for the user (it names the file and
 * says what would be accepted) and is meant to be shown next to the file field.
 */
public class AttachmentRejectedException extends RuntimeException {

    public AttachmentRejectedException(String message) {
        super(message);
    }
}
