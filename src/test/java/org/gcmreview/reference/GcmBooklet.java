package org.gcmreview.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the objectives, actions and SDG targets straight from the text export of the UN Network on Migration
 * booklet, independently of db/V2__reference_data.sql, so that a slip in either shows up when the two are
 * compared. The export is irregular (bullets "-", "▪", "■" or none, stray bold markers, a page break in the
 * middle of an action, one heading missing, one action letter run into the previous action as "i)", page
 * numbers run into sentences), so the parser keys on the booklet's fixed section names and checks the letter
 * sequence of the actions as it goes.
 */
final class GcmBooklet {

    /** Kept in the repository with its origin (docs/sources/README.md); the tests run in the project directory. */
    static final Path PATH = Path.of("docs", "sources", "unnm-2022-implementing-gcm-booklet.txt");

    /**
     * Labels the booklet misprints. Each is a target whose text the booklet quotes, under its right label, for
     * another objective; the test proves that from {@link #quotedTargets()}.
     */
    static final Map<Erratum, String> ERRATA = Map.of(
            new Erratum(9, "17.16"), "17.6",
            new Erratum(17, "17.7"), "17.17",
            new Erratum(18, "17.7"), "17.17");

    private static final Pattern TOC_ENTRY = Pattern.compile("^(\\d{1,2})\\. (.+)\\t\\d+$");
    private static final Pattern HEADING_NUMBER = Pattern.compile("^\\**(\\d{1,2}) ");
    private static final Pattern ACTION = Pattern.compile("^(?:[-▪■]\\s*)?([a-zI])\\.\\s+(.*)$");
    // "17:18" occurs twice for 17.18, hence [.:] between goal and target.
    private static final Pattern TARGET = Pattern.compile("^(?:[-▪■]\\s*)?\\**\\s*(\\d{1,2})[.:](\\d{1,2}|[a-z])\\**:\\**\\s*(.*)$");
    private static final Pattern TARGET_IN_PROSE = Pattern.compile("\\bSDG (\\d{1,2})\\.(\\d{1,2}|[a-z])\\b");
    /**
     * A page number the export ran into a sentence: a bare number of up to three digits between two lower-case
     * words ("migrants in 26 countries of destination"). Numbers in the Compact's own sentences stand after a
     * capitalised name ("Recommendation 202"), have four digits ("by 2030") or count per cent.
     */
    static final Pattern PAGE_NUMBER_IN_SENTENCE = Pattern.compile("(?<=\\s[a-z]{1,40} )\\b\\d{1,3} (?=[a-z])(?!per cent)");
    private static final Pattern PRINCIPLE_COUNT = Pattern.compile("(\\d+) guiding principles");

    record Erratum(int objective, String printedLabel) {
    }

    record Action(String letter, String text) {
    }

    /** A target label as printed in a bullet, with the first words of the target text quoted after it. */
    record QuotedTarget(int objective, String label, String text) {
    }

    record BookletObjective(int number, String shortTitle, String upperCaseTitle, List<Action> actions,
            boolean allSdgs, List<String> sdgTargets) {
    }

    private final List<String> lines;
    private final List<BookletObjective> objectives = new ArrayList<>();
    private final List<QuotedTarget> quotedTargets = new ArrayList<>();

    private GcmBooklet(List<String> lines) {
        this.lines = lines;
        parse();
    }

    static GcmBooklet read() throws IOException {
        if (!Files.isRegularFile(PATH)) {
            throw new AssertionError("The GCM booklet is missing: expected " + PATH.toAbsolutePath().normalize()
                    + " (see docs/sources/README.md). The reference data cannot be checked without it.");
        }
        return new GcmBooklet(Files.readAllLines(PATH, StandardCharsets.UTF_8));
    }

    List<BookletObjective> objectives() {
        return objectives;
    }

    List<QuotedTarget> quotedTargets() {
        return quotedTargets;
    }

    /** How many guiding principles the booklet says the GCM has ("... one the GCM's 10 guiding principles"). */
    int guidingPrincipleCount() {
        for (String line : lines) {
            Matcher m = PRINCIPLE_COUNT.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the booklet no longer states how many guiding principles there are");
    }

    /** Booklet text normalised as the reference data stores it: no bold markers, footnote marks or extra space. */
    static String normalise(String text) {
        return text.replace("**", "").replaceAll("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "").replaceAll("\\s+", " ").trim();
    }

    private void parse() {
        Map<Integer, String> toc = tableOfContents();
        List<Integer> actionHeadings = indexesOf("Associated actions");
        if (actionHeadings.size() != 23) {
            throw new AssertionError("expected 23 'Associated actions' sections, found " + actionHeadings.size());
        }
        int resources = nextIndexOf("Resources", actionHeadings.get(22));
        List<Integer> titleStarts = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            int number = i + 1;
            int end = previousNonBlank(actionHeadings.get(i) - 1);
            int start = blockStart(end);
            titleStarts.add(start);
            titles.add(normalise(String.join(" ", lines.subList(start, end + 1))));
            checkHeadingNumber(number, previousNonBlank(start - 1));
        }
        for (int i = 0; i < 23; i++) {
            int number = i + 1;
            int practices = nextIndexOf("Example practices", actionHeadings.get(i));
            int sdgs = nextIndexOf("Relevant sustainable development goals", practices);
            int sectionEnd = number < 23 ? titleStarts.get(i + 1) : resources;
            if (sdgs > sectionEnd) {
                throw new AssertionError("objective " + number + " has no SDG section");
            }
            boolean allSdgs = lines.subList(sdgs, sectionEnd).stream().anyMatch(l -> l.strip().equals("All SDGs"));
            objectives.add(new BookletObjective(number, toc.get(number), titles.get(i),
                    actions(number, actionHeadings.get(i) + 1, practices), allSdgs,
                    sdgTargets(number, sdgs + 1, sectionEnd)));
        }
    }

    private Map<Integer, String> tableOfContents() {
        Map<Integer, String> toc = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = TOC_ENTRY.matcher(line);
            if (m.matches()) {
                toc.put(Integer.parseInt(m.group(1)), m.group(2).strip());
            }
        }
        for (int n = 1; n <= 23; n++) {
            if (!toc.containsKey(n)) {
                throw new AssertionError("table of contents has no entry for objective " + n);
            }
        }
        return toc;
    }

    /** The heading above the title ("1 DATA") must carry the objective's number when the export has it. */
    private void checkHeadingNumber(int number, int headingEnd) {
        String heading = lines.get(blockStart(headingEnd)).strip();
        Matcher m = HEADING_NUMBER.matcher(heading);
        if (m.find() && Integer.parseInt(m.group(1)) != number) {
            throw new AssertionError("objective " + number + " sits under heading '" + heading + "'");
        }
    }

    private List<Action> actions(int objective, int from, int to) {
        List<StringBuilder> texts = new ArrayList<>();
        for (String raw : lines.subList(from, to)) {
            String line = raw.strip();
            Matcher m = ACTION.matcher(line);
            if (m.matches()) {
                char letter = m.group(1).charAt(0);
                char expected = (char) ('a' + texts.size());
                // The export renders action "l" of objective 6 as a capital I.
                if (letter != expected && !(letter == 'I' && expected == 'l')) {
                    throw new AssertionError("objective " + objective + ": expected action " + expected
                            + ", found: " + line);
                }
                texts.add(new StringBuilder(m.group(2)));
                splitRunInAction(texts);
                continue;
            }
            String unbulleted = line.startsWith("- ") ? line.substring(2) : line;
            if (!texts.isEmpty() && !unbulleted.isEmpty() && Character.isLowerCase(unbulleted.charAt(0))) {
                // the rest of the previous action, after a page break
                texts.get(texts.size() - 1).append(' ').append(unbulleted);
                splitRunInAction(texts);
            }
            // anything else is a sub-heading or the booklet's note on where the actions come from
        }
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = PAGE_NUMBER_IN_SENTENCE.matcher(texts.get(i)).replaceAll("");
            actions.add(new Action(String.valueOf((char) ('a' + i)), normalise(text)));
        }
        return actions;
    }

    /**
     * The export sometimes loses the line break before an action, leaving its letter inside the previous one
     * ("... upon return i) Identify and address ..."): only the next letter in sequence, followed by a capital,
     * counts as such a letter.
     */
    private static void splitRunInAction(List<StringBuilder> texts) {
        StringBuilder last = texts.get(texts.size() - 1);
        char next = (char) ('a' + texts.size());
        Matcher runIn = Pattern.compile("\\s" + next + "[.)]\\s+(?=\\**[A-Z])").matcher(last);
        if (runIn.find()) {
            String rest = last.substring(runIn.end());
            last.setLength(runIn.start());
            texts.add(new StringBuilder(rest));
            splitRunInAction(texts);
        }
    }

    /**
     * The booklet's page furniture: the lines it repeats on page after page (section headings, running titles,
     * the pointer to the Hub), as the export left them. None of them belongs inside an objective's or action's
     * text. Bullets are left out: the booklet quotes the same SDG target under several objectives.
     */
    List<String> pageFurniture() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String line : lines) {
            String text = normalise(line);
            if (text.length() > 3 && !text.startsWith("-")) {
                counts.merge(text, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= 3).map(Map.Entry::getKey).toList();
    }

    private List<String> sdgTargets(int objective, int from, int to) {
        List<String> targets = new ArrayList<>();
        for (String raw : lines.subList(from, to)) {
            String line = raw.strip();
            Matcher bullet = TARGET.matcher(line);
            if (bullet.matches()) {
                String label = bullet.group(1) + "." + bullet.group(2);
                quotedTargets.add(new QuotedTarget(objective, label, normalise(bullet.group(3))));
                targets.add(ERRATA.getOrDefault(new Erratum(objective, label), label));
                continue;
            }
            Matcher prose = TARGET_IN_PROSE.matcher(line);
            while (prose.find()) {
                targets.add(prose.group(1) + "." + prose.group(2));
            }
        }
        return targets;
    }

    private List<Integer> indexesOf(String line) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(line)) {
                found.add(i);
            }
        }
        return found;
    }

    private int nextIndexOf(String line, int after) {
        for (int i = after + 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(line)) {
                return i;
            }
        }
        throw new AssertionError("no '" + line + "' after line " + (after + 1));
    }

    private int previousNonBlank(int from) {
        int i = from;
        while (lines.get(i).isBlank()) {
            i--;
        }
        return i;
    }

    private int blockStart(int end) {
        int i = end;
        while (i > 0 && !lines.get(i - 1).isBlank()) {
            i--;
        }
        return i;
    }
}
