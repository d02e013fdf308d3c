package org.gcmreview.attachment;

/** No attachment with this public id (never existed, removed, or not an id at all). */
class AttachmentNotFoundException extends RuntimeException {

    public AttachmentNotFoundException() {
        super("There is no such file. It may have been removed.");
    }
}
