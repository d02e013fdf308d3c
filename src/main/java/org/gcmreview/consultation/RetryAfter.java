package org.gcmreview.consultation;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Answers a request refused by the rate limit: 429, Retry-After, and a sentence saying when to try again. */
@Component
public class RetryAfter {

    private final ConsultationMessages messages;

    RetryAfter(ConsultationMessages messages) {
        this.messages = messages;
    }

    /**
     * Sets the status and header on the response and returns the message for the page.
     *
     * @param messageKey a message taking {0} the time (UTC), {1} the minutes from now, {2} the limit
     */
    public String explain(Instant retryAt, HttpServletResponse response, String messageKey) {
        long seconds = Math.max(1, Duration.between(Instant.now(), retryAt).toSeconds());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        long minutes = Math.max(1, (seconds + 59) / 60);
        return messages.get(messageKey, messages.dateTime(retryAt), minutes, messages.maxSubmissions());
    }
}
