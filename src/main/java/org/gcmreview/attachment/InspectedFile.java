package org.gcmreview.attachment;

/**
 * A file that passed inspection and may be stored: its safe display name, the type found in its content,
 * its bytes and their SHA-256. Forms inspect every chosen file before writing anything, then store these.
 */
public final class InspectedFile {

    private final String fileName;
    private final AttachmentType type;
    private final byte[] content;
    private final String sha256;

    InspectedFile(String fileName, AttachmentType type, byte[] content, String sha256) {
        this.fileName = fileName;
        this.type = type;
        this.content = content;
        this.sha256 = sha256;
    }

    public String fileName() {
        return fileName;
    }

    public AttachmentType type() {
        return type;
    }

    public long size() {
        return content.length;
    }

    public String sha256() {
        return sha256;
    }

    /** Package-private: the bytes are written by the service and nobody else. */
    byte[] content() {
        return content;
    }
}
