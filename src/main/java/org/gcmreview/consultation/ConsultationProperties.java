package org.gcmreview.consultation;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the stakeholder consultation ({@code gcm.consultation.*}).
 *
 * @param publicUrl where the application is reached from outside, for the links in e-mails. Configured rather
 *        than taken from the request's Host header, which a sender could forge to have a confirmation link
 *        point elsewhere.
 * @param confirmationValidity how long an individual's confirmation link works
 * @param rateLimit submissions allowed per organisation, client address and individual e-mail address
 */
@ConfigurationProperties("gcm.consultation")
public record ConsultationProperties(
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("24h") Duration confirmationValidity,
        @DefaultValue RateLimit rateLimit) {

    /**
     * @param enabled false switches the limit off (never in production)
     * @param maxSubmissions how many submissions one subject may make within {@code period}
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("10") int maxSubmissions,
            @DefaultValue("1h") Duration period) {

        public RateLimit {
            if (maxSubmissions < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("gcm.consultation.rate-limit needs max-submissions >= 1 and a "
                        + "positive period");
            }
        }
    }

    /** The public URL without a trailing slash, to put paths behind. */
    public String base() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
