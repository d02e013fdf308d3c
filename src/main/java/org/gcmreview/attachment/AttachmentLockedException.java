package org.gcmreview.attachment;

/** The cycle is published: its evidence stays exactly as it was published. */
class AttachmentLockedException extends RuntimeException {

    public AttachmentLockedException() {
        super("The report has been published; its evidence can no longer be added or removed.");
    }
}
