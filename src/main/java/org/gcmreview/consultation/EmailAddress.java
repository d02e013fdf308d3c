package org.gcmreview.consultation;

import java.util.regex.Pattern;

/**
 * The plausibility check for e-mail addresses typed into consultation forms. Whether an address really works
 * is shown by the confirmation link; this only keeps obvious mistakes and header tricks out.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s<>\",;()\\[\\]\\\\]+@[^@\\s<>\",;()\\[\\]\\\\]+\\.[^@\\s<>\",;()\\[\\]\\\\.]+");

    private EmailAddress() {
    }

    public static boolean plausible(String address) {
        return address != null && address.length() <= MAX_LENGTH && PLAUSIBLE.matcher(address).matches();
    }
}
