package org.gcmreview.notices;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Polls the outbox on every node when mail is on; {@code FOR UPDATE SKIP LOCKED} keeps the nodes apart. Tests
 * turn it off ({@code gcm.mail.outbox.scheduled=false}) and drive {@link OutboxSender#deliverDue} themselves.
 */
@Configuration
@EnableScheduling
@ConditionalOnExpression("${gcm.mail.enabled:false} and ${gcm.mail.outbox.scheduled:true}")
class OutboxPoller {

    private final OutboxSender sender;
    private final Clock clock;

    OutboxPoller(OutboxSender sender, ObjectProvider<Clock> clock) {
        this.sender = sender;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(fixedDelayString = "${gcm.mail.outbox.poll-interval:30s}",
            initialDelayString = "${gcm.mail.outbox.poll-interval:30s}")
    void deliverDue() {
        sender.deliverDue(clock.instant());
    }
}
