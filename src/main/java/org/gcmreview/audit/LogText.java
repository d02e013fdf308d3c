package org.gcmreview.audit;

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
            return Optional.of(InetAddress.getByName(literal).getHostAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}
