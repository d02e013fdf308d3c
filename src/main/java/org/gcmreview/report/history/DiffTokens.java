package org.gcmreview.report.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gcmreview.report.history.TextDiff.Chunk;
import org.gcmreview.report.history.TextDiff.Op;

/**
 * Both texts of a {@link TextDiff} as token ids (equal tokens, equal ids), and the extent of their common start
 * and end.
 */
final class DiffTokens {

    final List<String> texts = new ArrayList<>();
    final int[] a;
    final int[] b;
    final int prefix;
    final int suffix;

    private DiffTokens(List<String> aTokens, List<String> bTokens) {
        Map<String, Integer> ids = new HashMap<>();
        a = intern(aTokens, ids);
        b = intern(bTokens, ids);
        int p = 0;
        while (p < a.length && p < b.length && a[p] == b[p]) {
            p++;
        }
        int s = 0;
        while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] == b[b.length - 1 - s]) {
            s++;
        }
        prefix = p;
        suffix = s;
    }

    static DiffTokens words(String a, String b) {
        return new DiffTokens(wordTokens(a), wordTokens(b));
    }

    static DiffTokens lines(String a, String b) {
        return new DiffTokens(lineTokens(a), lineTokens(b));
    }

    int middleSize() {
        return a.length + b.length - 2 * (prefix + suffix);
    }

    String text(int id) {
        return texts.get(id);
    }

    /** Common start, the whole differing middle replaced, common end. */
    List<Chunk> asBlock() {
        List<Chunk> chunks = new ArrayList<>();
        emit(chunks, Op.EQUAL, a, 0, prefix);
        emit(chunks, Op.DELETE, a, prefix, a.length - suffix);
        emit(chunks, Op.INSERT, b, prefix, b.length - suffix);
        emit(chunks, Op.EQUAL, a, a.length - suffix, a.length);
        return chunks;
    }

    void emit(List<Chunk> chunks, Op op, int[] tokens, int from, int to) {
        if (from >= to) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(text(tokens[i]));
        }
        chunks.add(new Chunk(op, text.toString()));
    }

    private int[] intern(List<String> tokens, Map<String, Integer> ids) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(tokens.get(i), t -> {
                texts.add(t);
                return texts.size() - 1;
            });
        }
        return out;
    }

    /** Runs of letters and digits, runs of white space, and every other character on its own. */
    static List<String> wordTokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int start = i;
            i += Character.charCount(cp);
            int kind = kind(cp);
            if (kind != 2) {
                while (i < text.length() && kind(text.codePointAt(i)) == kind) {
                    i += Character.charCount(text.codePointAt(i));
                }
            }
            tokens.add(text.substring(start, i));
        }
        return tokens;
    }

    private static int kind(int cp) {
        if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
            return 0;
        }
        return Character.isWhitespace(cp) ? 1 : 2;
    }

    /** Each line with its line break. */
    static List<String> lineTokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                tokens.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }
}
