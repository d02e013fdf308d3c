/**
 * The append-only audit log: who did what, written in the caller's transaction.
 * <p>Owns the table {@code audit_event}. Offers {@link org.gcmreview.audit.AuditLog} and
 * {@link org.gcmreview.audit.AuditEntry}; depends on no other module.
 */
package org.gcmreview.audit;
