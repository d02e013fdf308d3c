package org.gcmreview.notices;

import java.util.List;

/**
 * One mail waiting in the outbox (or delivered, or given up on).
 *
 * @param unsubscribeUrl the one-click link that changes the recipient's notice settings, or null
 */
record OutboxMail(long id, List<String> recipients, String subject, String body, String unsubscribeUrl,
        String status, int attempts, java.time.Instant createdAt, java.time.Instant nextAttemptAt, String lastError) {
}
