package org.gcmreview.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, six
 * digits, 30-second steps. A code of the step before or after is accepted too, for clocks a little apart.
 */
final class Totp {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    /** Steps either side of now that still count. */
    static final int DRIFT = 1;

    private Totp() {
    }

    /** The time step an instant falls in (RFC 6238: T = floor(unix time / 30)). */
    static long step(Instant when) {
        return Math.floorDiv(when.getEpochSecond(), STEP_SECONDS);
    }

    /** The HOTP value of a counter (RFC 4226 section 5.3: dynamic truncation), as six digits. */
    static String code(byte[] key, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The step whose code this is, when it is one of the steps around now; each candidate is compared in
     * constant time, and all of them always, so the answer's timing tells nothing about the code.
     */
    static OptionalLong matchingStep(byte[] key, String typed, Instant now) {
        if (typed == null) {
            return OptionalLong.empty();
        }
        String code = typed.replace(" ", "");
        if (code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = Long.MIN_VALUE;
        for (long s = current - DRIFT; s <= current + DRIFT; s++) {
            if (MessageDigest.isEqual(code(key, s).getBytes(), code.getBytes())) {
                found = s;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
