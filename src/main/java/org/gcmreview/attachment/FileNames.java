package org.gcmreview.attachment;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * File names as the user sent them are untrusted text: they may carry a client's path, control characters,
 * bidirectional overrides that disguise the extension ("report\u202Efdp.exe"), or be absurdly long. This
 * turns them into a safe display name and writes the download header for it.
 */
final class FileNames {

    /** Long enough for real names, short enough for a table cell and every file system. */
    static final int MAX_LENGTH = 120;

    private static final String RESERVED = "<>:\"|?*";

    private FileNames() {
    }

    /** The last path segment, without invisible or reserved characters, trimmed, at most MAX_LENGTH long. */
    static String sanitise(String original) {
        if (original == null) {
            return "";
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                clean.append(' ');
            } else if (visible(cp)) {
                clean.appendCodePoint(RESERVED.indexOf(cp) >= 0 ? '_' : cp);
            }
        });
        String collapsed = clean.toString().replaceAll(" {2,}", " ");
        // leading dots would hide the file on some systems and ".." must never survive as a name
        collapsed = stripOuter(collapsed, " .");
        return shorten(collapsed);
    }

    /** The lower-case extension, or "" when the name has none (a dot followed by 1-5 letters or digits). */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return "";
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        // "Annual report v1.2" has no extension; "scan.v2" or "x.exe" have one
        return ext.length() <= 5 && ext.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))
                && ext.chars().anyMatch(Character::isLetter) ? ext : "";
    }

    /**
     * {@code Content-Disposition: attachment} with an ASCII fallback name and the exact name in RFC 5987
     * encoding, so no character of the name can break out of the header.
     */
    static String contentDisposition(String name) {
        StringBuilder fallback = new StringBuilder();
        for (char c : name.toCharArray()) {
            fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    private static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (attrChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean attrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }

    private static boolean visible(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static String stripOuter(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Cuts the stem, never the extension, and never in the middle of a character. */
    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        String ext = extension(name);
        String suffix = ext.isEmpty() ? "" : "." + name.substring(name.length() - ext.length());
        String stem = name.substring(0, name.length() - suffix.length());
        int keep = MAX_LENGTH - suffix.length();
        String cut = stem.substring(0, stem.offsetByCodePoints(0, keep));
        return stripOuter(cut, " .") + suffix;
    }
}
