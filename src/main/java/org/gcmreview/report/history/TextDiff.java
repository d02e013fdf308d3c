package org.gcmreview.report.history;

import java.util.ArrayList;
import java.util.List;

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
 *
 * <p>The tokenisation is {@link DiffTokens}, one run of the algorithm {@link DiffAttempt}.
 */
public final class TextDiff {

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
        DiffTokens words = DiffTokens.words(a, b);
        long spent = 0;
        if (words.middleSize() <= maxWordTokens) {
            DiffAttempt attempt = new DiffAttempt(words, maxSteps);
            if (attempt.run()) {
                return new Result(tidy(attempt.ops), Granularity.WORD, attempt.steps);
            }
            spent = attempt.steps;
        }
        DiffTokens lines = DiffTokens.lines(a, b);
        DiffAttempt attempt = new DiffAttempt(lines, maxSteps);
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
}
