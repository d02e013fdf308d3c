package org.gcmreview.report.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gcmreview.report.history.TextDiff.Chunk;
import org.gcmreview.report.history.TextDiff.Op;

/**
 * One run of {@link TextDiff}'s algorithm (Myers, linear space) over one tokenisation, within a budget of
 * steps. Kept in one class of about 250 lines on purpose: its methods are the steps of one search over shared
 * state (the budget, the tokens set aside, the output so far) and read best together.
 *
 * <p>Tokens of the differing middle that do not occur at all on the other side cannot be part of any
 * common subsequence, so they are set aside before the search (as GNU diff does with lines) and put back
 * afterwards as deletions and insertions where they stood. The result stays minimal, and texts with little
 * in common shrink to the few tokens they share before the costly part begins.
 */
final class DiffAttempt {

    private final DiffTokens tokens;
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

    DiffAttempt(DiffTokens tokens, long maxSteps) {
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

    /** Thrown inside an attempt only; never leaves this class. */
    private static final class BudgetExceeded extends RuntimeException {

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }
}
