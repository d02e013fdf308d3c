package org.gcmreview.report.history;

import java.time.Instant;
import java.util.Locale;

/**
 * One saved revision of a report section or contribution, as the history lists it.
 *
 * @param previousNumber the revision before this one, null for the first (numbers need not be consecutive)
 * @param note the author's note on the change; contributions have none
 */
public record Revision(int number, Integer previousNumber, String authorName, Instant createdAt, String note,
        String implementationStatus) {

    /** "In progress" for IN_PROGRESS; empty when no status was set. */
    public String statusLabel() {
        if (implementationStatus == null || implementationStatus.isBlank()) {
            return "";
        }
        String words = implementationStatus.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
