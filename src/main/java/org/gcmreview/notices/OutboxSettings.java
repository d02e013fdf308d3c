package org.gcmreview.notices;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox retries: the n-th failed attempt waits {@code firstRetry * 2^(n-1)}, at most {@code longestWait};
 * after {@code maxAttempts} failures the mail is FAILED and waits for the administrator. The defaults keep a mail
 * trying for about two days (a mail server down for a day loses nothing).
 *
 * @param enabled whether mail is sent at all ({@code gcm.mail.enabled}; otherwise nothing is queued, only logged)
 * @param scheduled whether this node polls the outbox (tests drive the sender themselves)
 * @param pollInterval how often the sender looks for due mails
 * @param pauseAfterFailure after a failed delivery, how long the work path leaves sending to the poller alone
 */
@ConfigurationProperties("gcm.mail.outbox")
record OutboxSettings(Integer maxAttempts, Duration firstRetry, Duration longestWait, Boolean scheduled,
        Duration pollInterval, Duration pauseAfterFailure) {

    OutboxSettings {
        maxAttempts = maxAttempts == null ? 40 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
        longestWait = longestWait == null ? Duration.ofHours(1) : longestWait;
        scheduled = scheduled == null || scheduled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        pauseAfterFailure = pauseAfterFailure == null ? Duration.ofMinutes(1) : pauseAfterFailure;
    }

    /** The wait after the given number of failed attempts (1 or more). */
    Duration waitAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return wait.compareTo(longestWait) > 0 || wait.isNegative() ? longestWait : wait;
    }
}
