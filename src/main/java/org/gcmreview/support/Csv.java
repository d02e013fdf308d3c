package org.gcmreview.support;

import java.util.List;

/**
 * CSV (RFC 4180, CRLF line ends) that spreadsheet programs read as text, never as formulas: a value starting with
 * = + - @ (or a tab or carriage return, which some programs skip before looking for a formula) gets a leading
 * apostrophe, the OWASP advice against CSV injection. Files start with {@link #BOM} so Excel reads UTF-8.
 */
public final class Csv {

    /** The UTF-8 byte order mark, for Excel. */
    public static final String BOM = "\uFEFF";

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    /** One line, each cell quoted only when it must be (comma, quote, line break). */
    public static String line(List<String> cells) {
        return join(cells, false);
    }

    /** One line with every cell quoted. */
    public static String quotedLine(List<String> cells) {
        return join(cells, true);
    }

    /** Quotes when needed, doubling quotes; null and empty are an empty cell. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = neutralised(value);
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? quoted(text) : text;
    }

    /** Always quoted, doubling quotes; null is {@code ""}. */
    public static String quotedCell(String value) {
        return quoted(value == null ? "" : neutralised(value));
    }

    private static String join(List<String> cells, boolean alwaysQuote) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(alwaysQuote ? quotedCell(cells.get(i)) : cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    private static String neutralised(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
