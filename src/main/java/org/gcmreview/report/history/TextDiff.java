package org.gcmreview.report.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word-level differences between two texts, for people reading what changed between two revisions.
 *
 * <p>The texts are cut into tokens (words, runs of white space, single punctuation marks), the common start
 * and end are set aside, and the rest is compared with Myers' O(ND) algorithm in its linear-space form
 * (bisecting at the middle of the edit path, as diff-match-patch does). Its cost grows with the size of the
 * texts times the number of differences, so the work is capped instead of timed: every comparison counts as a
 * step, and a comparison that would need more than {@link #MAX_STEPS} steps, or more than
 * {@link #MAX_WORD_TOKENS} differing words, is done again with whole lines as tokens. Should even that
 * exceed the cap, the differing middle is shown as replaced in one block. Two texts of 50,000 characters thus
 * cost at most 2 x {@link #MAX_STEPS} (ten million) integer comparisons plus linear passes over the text:
 * tens of milliseconds on an ordinary server, never seconds, whatever the texts are.
 */
final class TextDiff {

    /** Differing tokens (both sides together) above which words are not compared one by one. */
    static final int MAX_WORD_TOKENS = 40_000;
    /** Upper bound on the comparisons made for one granularity. */
    static final long MAX_STEPS = 5_000_000;

    public enum Op { EQUAL, DELETE, INSERT }

    /** How finely the result tells changes apart. */
    public enum Granularity { WORD, LINE, BLOCK }

    public record Chunk(Op op, String text) {

        public boolean deleted() {
            return op == Op.DELETE;
        }

        public boolean inserted() {
            return op == Op.INSERT;
        }
    }

    /**
     * @param steps comparisons made (at most {@link #MAX_STEPS} per granularity tried)
     */
    public record Result(List<Chunk> chunks, Granularity granularity, long steps) {

        public boolean identical() {
            return chunks.stream().allMatch(c -> c.op() == Op.EQUAL);
        }

        /** The chunks cut at line breaks, so a page can show the text's lines without preformatted text. */
        public List<List<Chunk>> lines() {
            List<List<Chunk>> lines = new ArrayList<>();
            List<Chunk> line = new ArrayList<>();
            for (Chunk chunk : chunks) {
                String[] pieces = chunk.text().split("\r?\n", -1);
                for (int i = 0; i < pieces.length; i++) {
                    if (i > 0) {
                        lines.add(line);
                        line = new ArrayList<>();
                    }
                    if (!pieces[i].isEmpty()) {
                        line.add(new Chunk(chunk.op(), pieces[i]));
                    }
                }
            }
            lines.add(line);
            return lines;
        }

        /** The text before: unchanged and deleted parts. */
        String oldText() {
            return join(Op.INSERT);
        }

        /** The text after: unchanged and inserted parts. */
        String newText() {
            return join(Op.DELETE);
        }

        private String join(Op skipped) {
            StringBuilder text = new StringBuilder();
            chunks.stream().filter(c -> c.op() != skipped).forEach(c -> text.append(c.text()));
            return text.toString();
        }
    }

    private TextDiff() {
    }

    public static Result diff(String before, String after) {
        return diff(before, after, MAX_WORD_TOKENS, MAX_STEPS);
    }

    static Result diff(String before, String after, int maxWordTokens, long maxSteps) {
        String a = before == null ? "" : before;
        String b = after == null ? "" : after;
        Tokens words = Tokens.words(a, b);
        long spent = 0;
        if (words.middleSize() <= maxWordTokens) {
            Attempt attempt = new Attempt(words, maxSteps);
            if (attempt.run()) {
                return new Result(tidy(attempt.ops), Granularity.WORD, attempt.steps);
            }
            spent = attempt.steps;
        }
        Tokens lines = Tokens.lines(a, b);
        Attempt attempt = new Attempt(lines, maxSteps);
        if (attempt.run()) {
            return new Result(tidy(attempt.ops), Granularity.LINE, spent + attempt.steps);
        }
        return new Result(tidy(lines.asBlock()), Granularity.BLOCK, spent + attempt.steps);
    }

    /**
     * Merges neighbours of the same kind, and lets a change swallow a lone space between two changes, so
     * "the quick brown" -> "a slow red" reads as one replacement rather than three.
     */
    private static List<Chunk> tidy(List<Chunk> raw) {
        List<Chunk> merged = merge(raw);
        List<Chunk> widened = new ArrayList<>(merged.size());
        for (int i = 0; i < merged.size(); i++) {
            Chunk c = merged.get(i);
            boolean between = i > 0 && i < merged.size() - 1 && merged.get(i - 1).op() != Op.EQUAL
                    && merged.get(i + 1).op() != Op.EQUAL;
            if (c.op() == Op.EQUAL && between && c.text().isBlank() && !c.text().contains("\n")) {
                widened.add(new Chunk(Op.DELETE, c.text()));
                widened.add(new Chunk(Op.INSERT, c.text()));
            } else {
                widened.add(c);
            }
        }
        // within each run of changes: everything deleted first, then everything inserted
        List<Chunk> out = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (Chunk c : widened) {
            switch (c.op()) {
                case DELETE -> deleted.append(c.text());
                case INSERT -> inserted.append(c.text());
                case EQUAL -> {
                    flush(out, deleted, inserted);
                    out.add(c);
                }
            }
        }
        flush(out, deleted, inserted);
        return merge(out);
    }

    private static void flush(List<Chunk> out, StringBuilder deleted, StringBuilder inserted) {
        if (!deleted.isEmpty()) {
            out.add(new Chunk(Op.DELETE, deleted.toString()));
            deleted.setLength(0);
        }
        if (!inserted.isEmpty()) {
            out.add(new Chunk(Op.INSERT, inserted.toString()));
            inserted.setLength(0);
        }
    }

    private static List<Chunk> merge(List<Chunk> chunks) {
        List<Chunk> out = new ArrayList<>();
        Op op = null;
        StringBuilder run = new StringBuilder();
        for (Chunk c : chunks) {
            if (c.text().isEmpty()) {
                continue;
            }
            if (op != null && c.op() != op) {
                out.add(new Chunk(op, run.toString()));
                run.setLength(0);
            }
            op = c.op();
            run.append(c.text());
        }
        if (op != null) {
            out.add(new Chunk(op, run.toString()));
        }
        return out;
    }

    /** Both texts as token ids (equal tokens, equal ids), and the extent of their common start and end. */
    private static final class Tokens {

        final List<String> texts = new ArrayList<>();
        final int[] a;
        final int[] b;
        final int prefix;
        final int suffix;

        private Tokens(List<String> aTokens, List<String> bTokens) {
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

        static Tokens words(String a, String b) {
            return new Tokens(wordTokens(a), wordTokens(b));
        }

        static Tokens lines(String a, String b) {
            return new Tokens(lineTokens(a), lineTokens(b));
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

    /**
     * One run of the algorithm over one tokenisation, within a budget of steps.
     *
     * <p>Tokens of the differing middle that do not occur at all on the other side cannot be part of any
     * common subsequence, so they are set aside before the search (as GNU diff does with lines) and put back
     * afterwards as deletions and insertions where they stood. The result stays minimal, and texts with little
     * in common shrink to the few tokens they share before the costly part begins.
     */
    private static final class Attempt {

        private final Tokens tokens;
        private final long maxSteps;
        final List<Chunk> ops = new ArrayList<>();
        long steps;
        /** the middle tokens that occur on both sides, and where they stand in a and b */
        private int[] x;
        private int[] y;
        private int[] xAt;
        private int[] yAt;
        /** next token of a and b not yet emitted */
        private int aNext;
        private int bNext;

        Attempt(Tokens tokens, long maxSteps) {
            this.tokens = tokens;
            this.maxSteps = maxSteps;
        }

        /** False when the budget ran out; the ops are then incomplete and must not be used. */
        boolean run() {
            int[] a = tokens.a;
            int[] b = tokens.b;
            int aEnd = a.length - tokens.suffix;
            int bEnd = b.length - tokens.suffix;
            tokens.emit(ops, Op.EQUAL, a, 0, tokens.prefix);
            aNext = tokens.prefix;
            bNext = tokens.prefix;
            try {
                keepShared(tokens.prefix, aEnd, tokens.prefix, bEnd);
                compare(0, x.length, 0, y.length);
            } catch (BudgetExceeded e) {
                return false;
            }
            tokens.emit(ops, Op.DELETE, a, aNext, aEnd);
            tokens.emit(ops, Op.INSERT, b, bNext, bEnd);
            tokens.emit(ops, Op.EQUAL, a, aEnd, a.length);
            return true;
        }

        private void keepShared(int aLo, int aHi, int bLo, int bHi) {
            int[] a = tokens.a;
            int[] b = tokens.b;
            boolean[] inA = new boolean[tokens.texts.size()];
            boolean[] inB = new boolean[tokens.texts.size()];
            for (int i = aLo; i < aHi; i++) {
                inA[a[i]] = true;
            }
            for (int j = bLo; j < bHi; j++) {
                inB[b[j]] = true;
            }
            xAt = positions(a, aLo, aHi, inB);
            yAt = positions(b, bLo, bHi, inA);
            x = new int[xAt.length];
            y = new int[yAt.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = a[xAt[i]];
            }
            for (int j = 0; j < y.length; j++) {
                y[j] = b[yAt[j]];
            }
            spend((aHi - aLo) + (bHi - bLo));
        }

        private static int[] positions(int[] tokens, int from, int to, boolean[] wanted) {
            int count = 0;
            for (int i = from; i < to; i++) {
                if (wanted[tokens[i]]) {
                    count++;
                }
            }
            int[] at = new int[count];
            int n = 0;
            for (int i = from; i < to; i++) {
                if (wanted[tokens[i]]) {
                    at[n++] = i;
                }
            }
            return at;
        }

        /** x[xLo, xHi) and y[yLo, yHi) are the same tokens: emit what was set aside before them, then them. */
        private void same(int xLo, int xHi, int yLo) {
            for (int k = 0; k < xHi - xLo; k++) {
                int i = xAt[xLo + k];
                int j = yAt[yLo + k];
                tokens.emit(ops, Op.DELETE, tokens.a, aNext, i);
                tokens.emit(ops, Op.INSERT, tokens.b, bNext, j);
                tokens.emit(ops, Op.EQUAL, tokens.a, i, i + 1);
                aNext = i + 1;
                bNext = j + 1;
            }
        }

        private void deleted(int xLo, int xHi) {
            if (xLo < xHi) {
                int last = xAt[xHi - 1] + 1;
                tokens.emit(ops, Op.DELETE, tokens.a, aNext, last);
                aNext = last;
            }
        }

        private void inserted(int yLo, int yHi) {
            if (yLo < yHi) {
                int last = yAt[yHi - 1] + 1;
                tokens.emit(ops, Op.INSERT, tokens.b, bNext, last);
                bNext = last;
            }
        }

        /** Differences between x[xLo, xHi) and y[yLo, yHi), emitted in text order. */
        private void compare(int xLo, int xHi, int yLo, int yHi) {
            int start = 0;
            while (xLo + start < xHi && yLo + start < yHi && x[xLo + start] == y[yLo + start]) {
                start++;
            }
            int end = 0;
            while (xHi - end > xLo + start && yHi - end > yLo + start && x[xHi - 1 - end] == y[yHi - 1 - end]) {
                end++;
            }
            spend(start + end + 1);
            same(xLo, xLo + start, yLo);
            xLo += start;
            yLo += start;
            xHi -= end;
            yHi -= end;
            if (xLo == xHi) {
                inserted(yLo, yHi);
            } else if (yLo == yHi) {
                deleted(xLo, xHi);
            } else {
                bisect(xLo, xHi, yLo, yHi);
            }
            same(xHi, xHi + end, yHi);
        }

        /**
         * Finds the middle of an optimal edit path by searching from both ends at once, and splits the problem
         * there (Myers 1986, section 4b).
         */
        private void bisect(int xLo, int xHi, int yLo, int yHi) {
            int n = xHi - xLo;
            int m = yHi - yLo;
            int maxD = (n + m + 1) / 2;
            int offset = maxD;
            int length = 2 * maxD + 2;
            int[] forward = new int[length];
            int[] backward = new int[length];
            Arrays.fill(forward, -1);
            Arrays.fill(backward, -1);
            forward[offset + 1] = 0;
            backward[offset + 1] = 0;
            int delta = n - m;
            boolean odd = (delta & 1) != 0;
            int k1start = 0;
            int k1end = 0;
            int k2start = 0;
            int k2end = 0;
            for (int d = 0; d < maxD; d++) {
                for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                    int k1Offset = offset + k1;
                    int x1 = (k1 == -d || (k1 != d && forward[k1Offset - 1] < forward[k1Offset + 1]))
                            ? forward[k1Offset + 1] : forward[k1Offset - 1] + 1;
                    int y1 = x1 - k1;
                    int run = 0;
                    while (x1 < n && y1 < m && x[xLo + x1] == y[yLo + y1]) {
                        x1++;
                        y1++;
                        run++;
                    }
                    spend(run + 1);
                    forward[k1Offset] = x1;
                    if (x1 > n) {
                        k1end += 2;
                    } else if (y1 > m) {
                        k1start += 2;
                    } else if (odd) {
                        int k2Offset = offset + delta - k1;
                        if (k2Offset >= 0 && k2Offset < length && backward[k2Offset] != -1
                                && x1 >= n - backward[k2Offset]) {
                            split(xLo, xHi, yLo, yHi, x1, y1);
                            return;
                        }
                    }
                }
                for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                    int k2Offset = offset + k2;
                    int x2 = (k2 == -d || (k2 != d && backward[k2Offset - 1] < backward[k2Offset + 1]))
                            ? backward[k2Offset + 1] : backward[k2Offset - 1] + 1;
                    int y2 = x2 - k2;
                    int run = 0;
                    while (x2 < n && y2 < m && x[xHi - 1 - x2] == y[yHi - 1 - y2]) {
                        x2++;
                        y2++;
                        run++;
                    }
                    spend(run + 1);
                    backward[k2Offset] = x2;
                    if (x2 > n) {
                        k2end += 2;
                    } else if (y2 > m) {
                        k2start += 2;
                    } else if (!odd) {
                        int k1Offset = offset + delta - k2;
                        if (k1Offset >= 0 && k1Offset < length && forward[k1Offset] != -1) {
                            int x1 = forward[k1Offset];
                            int y1 = offset + x1 - k1Offset;
                            if (x1 >= n - x2) {
                                split(xLo, xHi, yLo, yHi, x1, y1);
                                return;
                            }
                        }
                    }
                }
            }
            // nothing in common at all
            deleted(xLo, xHi);
            inserted(yLo, yHi);
        }

        private void split(int xLo, int xHi, int yLo, int yHi, int xMid, int yMid) {
            compare(xLo, xLo + xMid, yLo, yLo + yMid);
            compare(xLo + xMid, xHi, yLo + yMid, yHi);
        }

        private void spend(long work) {
            steps += work;
            if (steps > maxSteps) {
                throw new BudgetExceeded();
            }
        }
    }

    /** Thrown inside an attempt only; never leaves this class. */
    private static final class BudgetExceeded extends RuntimeException {

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }
}
