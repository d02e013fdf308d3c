package org.gcmreview.report.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gcmreview.report.history.TextDiff.Chunk;
import org.gcmreview.report.history.TextDiff.Granularity;
import org.gcmreview.report.history.TextDiff.Op;
import org.gcmreview.report.history.TextDiff.Result;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    static Chunk eq(String text) {
        return new Chunk(Op.EQUAL, text);
    }

    static Chunk del(String text) {
        return new Chunk(Op.DELETE, text);
    }

    static Chunk ins(String text) {
        return new Chunk(Op.INSERT, text);
    }

    @Test
    void identicalTextsAreOneUnchangedChunk() {
        Result result = TextDiff.diff("Same text.", "Same text.");
        assertThat(result.chunks()).containsExactly(eq("Same text."));
        assertThat(result.identical()).isTrue();
        assertThat(TextDiff.diff("", "").chunks()).isEmpty();
    }

    @Test
    void anInsertedWordIsMarkedAlone() {
        assertThat(TextDiff.diff("The ministry adopted a plan.", "The ministry adopted a national plan.").chunks())
                .containsExactly(eq("The ministry adopted a "), ins("national "), eq("plan."));
    }

    @Test
    void aReplacedPhraseReadsAsOneReplacement() {
        Result result = TextDiff.diff("the quick brown fox jumps", "a slow red fox jumps");
        assertThat(result.chunks()).containsExactly(del("the quick brown"), ins("a slow red"), eq(" fox jumps"));
        assertThat(result.granularity()).isEqualTo(Granularity.WORD);
        assertThat(result.identical()).isFalse();
    }

    @Test
    void wordsAreComparedWholeAndPunctuationApart() {
        assertThat(TextDiff.diff("Progress on objective 5.", "Progress on objectives 5 and 6.").chunks())
                .containsExactly(eq("Progress on "), del("objective"), ins("objectives"), eq(" 5"), ins(" and 6"),
                        eq("."));
    }

    @Test
    void textAddedToOrRemovedFromNothing() {
        assertThat(TextDiff.diff("", "New text").chunks()).containsExactly(ins("New text"));
        assertThat(TextDiff.diff("Old text", "").chunks()).containsExactly(del("Old text"));
        assertThat(TextDiff.diff(null, "x").chunks()).containsExactly(ins("x"));
    }

    @Test
    void nonLatinScriptsAndEmojiStayWhole() {
        assertThat(TextDiff.diff("تقرير الهجرة 😀 2025", "تقرير العمل 😀 2025").chunks())
                .containsExactly(eq("تقرير "), del("الهجرة"), ins("العمل"), eq(" 😀 2025"));
        assertThat(TextDiff.diff("Évaluation réussie", "Évaluation ratée").chunks())
                .containsExactly(eq("Évaluation "), del("réussie"), ins("ratée"));
    }

    @Test
    void linesSplitChunksAtLineBreaks() {
        Result result = TextDiff.diff("First line\nSecond line\n\nLast", "First line\nSecond row\n\nLast");
        assertThat(result.lines()).containsExactly(
                List.of(eq("First line")),
                List.of(eq("Second "), del("line"), ins("row")),
                List.of(),
                List.of(eq("Last")));
    }

    @Test
    void theChunksAlwaysRebuildBothTexts() {
        Random random = new Random(42);
        String[] vocabulary = {"migrant", "migrants", "policy", "the", "of", ".", ",", " ", "  ", "\n", "data",
                "é", "حق", "2025"};
        for (int round = 0; round < 500; round++) {
            String a = randomText(random, vocabulary, random.nextInt(60));
            String b = random.nextBoolean() ? mutate(random, a, vocabulary) : randomText(random, vocabulary, 40);
            Result result = TextDiff.diff(a, b);
            assertThat(result.oldText()).as("old text, round %d", round).isEqualTo(a);
            assertThat(result.newText()).as("new text, round %d", round).isEqualTo(b);
            assertThat(result.chunks()).noneMatch(c -> c.text().isEmpty());
            for (int i = 1; i < result.chunks().size(); i++) {
                assertThat(result.chunks().get(i).op()).as("neighbours differ").isNotEqualTo(result.chunks().get(i - 1).op());
            }
        }
    }

    @Test
    void theDiffIsMinimal() {
        // punctuation marks are one token each and there is no white space to widen changes over, so the
        // unchanged characters must be exactly a longest common subsequence
        Random random = new Random(7);
        String alphabet = ".,;:!?";
        for (int round = 0; round < 300; round++) {
            // every other round, each side also has marks the other never uses (they are set aside early)
            String a = randomChars(random, round % 2 == 0 ? alphabet : ".,;:-_", random.nextInt(40));
            String b = randomChars(random, round % 2 == 0 ? alphabet : ";:!?_/", random.nextInt(40));
            int unchanged = TextDiff.diff(a, b).chunks().stream().filter(c -> c.op() == Op.EQUAL)
                    .mapToInt(c -> c.text().length()).sum();
            assertThat(unchanged).as("'%s' -> '%s'", a, b).isEqualTo(lcsLength(a, b));
        }
    }

    @Test
    void aSmallEditInALongTextIsFoundWordByWordWithLittleWork() {
        String text = longText(new Random(1), 50_000, new String[] {"alpha", "beta", "gamma", "delta"});
        int middle = text.indexOf(' ', 25_000);
        String edited = text.substring(0, middle) + " inserted" + text.substring(middle);
        Result result = TextDiff.diff(text, edited);
        assertThat(result.granularity()).isEqualTo(Granularity.WORD);
        // " inserted" after a space or "inserted " before one: both are a minimal way to say it
        assertThat(result.chunks()).filteredOn(c -> c.op() != Op.EQUAL).singleElement()
                .satisfies(c -> assertThat(c.op()).isEqualTo(Op.INSERT))
                .satisfies(c -> assertThat(c.text().strip()).isEqualTo("inserted"));
        assertThat(result.steps()).isLessThan(1_000);
    }

    @Test
    void twoLongUnrelatedTextsFallBackToLinesWithinTheCap() {
        String a = longText(new Random(2), 50_000, new String[] {"alpha", "beta", "gamma", "delta", "\n"});
        String b = longText(new Random(3), 50_000, new String[] {"one", "two", "three", "four", "\n"});
        Result result = TextDiff.diff(a, b);
        assertThat(result.granularity()).isNotEqualTo(Granularity.WORD);
        // the cap: at most MAX_STEPS per granularity tried, plus at most one overshooting run of matches
        assertThat(result.steps()).isLessThanOrEqualTo(2 * TextDiff.MAX_STEPS + a.length() + b.length());
        assertThat(result.oldText()).isEqualTo(a);
        assertThat(result.newText()).isEqualTo(b);
    }

    @Test
    void wordLevelGivesWayToLinesThenToABlockWhenTheWorkIsCapped() {
        String a = "keep this line\nchange one word here\nand this one too\nend";
        String b = "keep this line\nchange two words here\nand that one too\nend";
        assertThat(TextDiff.diff(a, b).granularity()).isEqualTo(Granularity.WORD);

        Result lines = TextDiff.diff(a, b, 0, 1_000);
        assertThat(lines.granularity()).isEqualTo(Granularity.LINE);
        assertThat(lines.chunks()).containsExactly(eq("keep this line\n"),
                del("change one word here\nand this one too\n"), ins("change two words here\nand that one too\n"),
                eq("end"));

        String c = "a\nb\nc\nd\ne\nf\n";
        String d = "a\nx\nc\ny\ne\nz\n";
        Result block = TextDiff.diff(c, d, 0, 3);
        assertThat(block.granularity()).isEqualTo(Granularity.BLOCK);
        assertThat(block.chunks()).containsExactly(eq("a\n"), del("b\nc\nd\ne\nf\n"), ins("x\nc\ny\ne\nz\n"));
    }

    static String randomText(Random random, String[] vocabulary, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return text.toString();
    }

    static String mutate(Random random, String text, String[] vocabulary) {
        List<String> parts = new ArrayList<>(List.of(text.split("(?<= )")));
        for (int i = 0; i < 1 + random.nextInt(4) && !parts.isEmpty(); i++) {
            int at = random.nextInt(parts.size());
            switch (random.nextInt(3)) {
                case 0 -> parts.remove(at);
                case 1 -> parts.add(at, vocabulary[random.nextInt(vocabulary.length)]);
                default -> parts.set(at, vocabulary[random.nextInt(vocabulary.length)]);
            }
        }
        return String.join("", parts);
    }

    static String randomChars(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    static String longText(Random random, int length, String[] vocabulary) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
        }
        return text.substring(0, length);
    }

    static int lcsLength(String a, String b) {
        int[][] table = new int[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                table[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? table[i - 1][j - 1] + 1
                        : Math.max(table[i - 1][j], table[i][j - 1]);
            }
        }
        return table[a.length()][b.length()];
    }
}
