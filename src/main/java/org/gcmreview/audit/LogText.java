package org.gcmreview.audit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one way user-supplied text reaches a log line or the audit log: line breaks and other control characters
 * become visible escapes, so nobody can forge a log line or an audit entry by typing one into a form, a user
 * name or a header.
 */
public final class LogText {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private LogText() {
    }

    /** The text with every control character (C0, DEL, C1, line and paragraph separators) as \\uXXXX. */
    public static String neutral(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085';
            if (control) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@link #neutral} and cut to at most max characters. */
    public static String clip(String text, int max) {
        String neutral = neutral(text);
        return neutral == null || neutral.length() <= max ? neutral : neutral.substring(0, max) + "...";
    }

    /**
     * A client address as stored: only a literal IPv4 or IPv6 address (never resolved through DNS), in its
     * canonical form; anything else is no address.
     */
    public static Optional<String> ipAddress(String candidate) {
        String literal = candidate == null ? "" : candidate.strip();
        boolean v4 = IPV4.matcher(literal).matches()
                && java.util.Arrays.stream(literal.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        if (literal.length() > 45 || !(v4 || IPV6.matcher(literal).matches())) {
            return Optional.empty();
        }
        try {
            // a dotted quad or a text with a colon is parsed as a literal, never looked up as a name
            InetAddress address = InetAddress.getByName(literal);
            return Optional.of(address instanceof Inet6Address ? rfc5952(address.getAddress())
                    : address.getHostAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The RFC 5952 text of an IPv6 address (lower case, no leading zeros, the longest run of two or more zero
     * groups as "::"), so that one client has one spelling in the audit log and the throttling tables; the JDK's
     * own text never compresses.
     */
    private static String rfc5952(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
