package org.gcmreview.notices;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends the daily digest at {@code gcm.notices.digest-cron} (06:00 UTC by default) on every node. */
@Configuration
@EnableScheduling
@ConditionalOnExpression("${gcm.mail.enabled:false} and ${gcm.mail.outbox.scheduled:true}")
class DigestSchedule {

    private final NoticeDigest digest;

    DigestSchedule(NoticeDigest digest) {
        this.digest = digest;
    }

    @Scheduled(cron = "${gcm.notices.digest-cron:0 0 6 * * *}", zone = "UTC")
    void send() {
        digest.sendAll();
    }
}
