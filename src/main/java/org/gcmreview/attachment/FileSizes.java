package org.gcmreview.attachment;

import java.util.Locale;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** File sizes as people read them (binary units, as file managers show them). */
final class FileSizes {

    private FileSizes() {
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return trim(bytes / 1024.0) + " KB";
        }
        return trim(bytes / (1024.0 * 1024.0)) + " MB";
    }

    /**
     * The same size for a message in the reader's language (bundle i18n/attachment: units and the decimal
     * separator differ, e.g. "1,5 Mo" in French).
     */
    static MessageSourceResolvable resolvable(long bytes) {
        if (bytes < 1024) {
            return new DefaultMessageSourceResolvable(new String[] {"attachment.size.bytes"}, new Object[] {bytes});
        }
        boolean kilobytes = bytes < 1024 * 1024;
        double value = Math.round(bytes / (kilobytes ? 1024.0 : 1024.0 * 1024.0) * 10) / 10.0;
        return new DefaultMessageSourceResolvable(new String[] {kilobytes ? "attachment.size.kb" : "attachment.size.mb"},
                new Object[] {value});
    }

    private static String trim(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
