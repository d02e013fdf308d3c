/**
 * Evidence files attached to contributions, report sections and consultation inputs: inspection by content, size
 * limit, safe names, storage, download and removal.
 * <p>Owns the table {@code attachment}. Offers {@link org.gcmreview.attachment.AttachmentService} (inspect, then
 * store in the owning form's transaction; list; download) and {@link org.gcmreview.attachment.OwnerKind}.
 */
package org.gcmreview.attachment;
