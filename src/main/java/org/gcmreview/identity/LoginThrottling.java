package org.gcmreview.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed sign-ins are tolerated before signing in is paused ({@code gcm.login-throttling.*}).
 *
 * @param maxFailuresPerUsername failures for one user name from one client address within {@code window} that lock
 *        that user name from that address (not from elsewhere: a stranger cannot lock its owner out)
 * @param maxFailuresPerAddress failures from one client address within {@code window} that lock that address
 *        (higher: an office or a NAT puts many people behind one address)
 * @param window how far back failures are counted
 * @param lockDuration how long a first lock lasts (each further lock of the same user name and address lasts twice
 *        as long, up to a day); a lock refuses even the right password
 */
@ConfigurationProperties("gcm.login-throttling")
public record LoginThrottling(int maxFailuresPerUsername, int maxFailuresPerAddress, Duration window,
        Duration lockDuration) {

    public LoginThrottling {
        if (maxFailuresPerUsername <= 0) {
            maxFailuresPerUsername = 5;
        }
        if (maxFailuresPerAddress <= 0) {
            maxFailuresPerAddress = 20;
        }
        if (window == null) {
            window = Duration.ofMinutes(15);
        }
        if (lockDuration == null) {
            lockDuration = Duration.ofMinutes(15);
        }
    }
}
