package org.gcmreview.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits for evidence files.
 *
 * @param maxBytes largest file accepted ({@code gcm.attachments.max-bytes}, e.g. {@code 10MB} or a number of
 *        bytes). Keep {@code spring.servlet.multipart.max-file-size} at least as large, or the servlet container
 *        refuses the upload before this limit is checked.
 */
@ConfigurationProperties("gcm.attachments")
public record AttachmentProperties(@DefaultValue("10MB") DataSize maxBytes) {

    public AttachmentProperties {
        if (maxBytes == null || maxBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("gcm.attachments.max-bytes must be a positive size");
        }
    }
}
