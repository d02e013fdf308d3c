package org.gcmreview.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.gcmreview.DatabaseTest;
import org.gcmreview.reference.GcmBooklet.Action;
import org.gcmreview.reference.GcmBooklet.BookletObjective;
import org.gcmreview.reference.GcmBooklet.QuotedTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reference tables, as Flyway leaves them, against the UN Network on Migration booklet (the source of
 * truth), read afresh by {@link GcmBooklet}. Queries go straight to the tables, not through the service.
 */
@DatabaseTest
class ReferenceDataMatchesBookletTest {

    /**
     * How many associated actions each objective has in the Compact itself (A/RES/73/195, paragraphs 17 to 39:
     * objective n is paragraph n + 16, its actions lettered from (a)), in objective order: 187 in all. Stated
     * here, not counted from the booklet, so that an action the booklet's export or its transcription loses
     * (or splits in two) fails the build even when both lose it alike.
     */
    static final List<Integer> COMPACT_ACTIONS_PER_OBJECTIVE = List.of(
            11, 12, 5, 7, 10, 12, 12, 6, 6, 10, // objectives 1-10: (a)-(k), (a)-(l), (a)-(e), (a)-(g), (a)-(j), ...
            7, 5, 8, 6, 6, 9, 7, 12, 10, 9, // objectives 11-20
            9, 3, 5); // objectives 21-23: paragraph 37 (a)-(i), 38 (a)-(c), 39 (a)-(e)
    static final int COMPACT_ACTIONS = 187;

    static GcmBooklet booklet;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void readBooklet() throws IOException {
        booklet = GcmBooklet.read();
    }

    @Test
    void holdsExactlyTheBookletsObjectivesWithTheirTitles() {
        List<BookletObjective> expected = booklet.objectives();
        List<Integer> numbers = jdbc.sql("select number from objective order by number").query(Integer.class).list();
        assertThat(numbers).containsExactlyElementsOf(expected.stream().map(BookletObjective::number).toList());

        for (BookletObjective objective : expected) {
            Map<String, Object> row = jdbc.sql("select short_title, title from objective where number = ?")
                    .param(objective.number()).query().singleRow();
            assertThat(row.get("short_title")).as("short title of objective %d", objective.number())
                    .isEqualTo(objective.shortTitle());
            // The booklet prints titles in capitals; they are stored in sentence case.
            String upper = objective.upperCaseTitle();
            assertThat(row.get("title")).as("title of objective %d", objective.number())
                    .isEqualTo(upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void holdsEveryActionOfEveryObjectiveWordForWord() {
        int total = 0;
        for (BookletObjective objective : booklet.objectives()) {
            List<Action> stored = jdbc.sql("""
                    select letter, text from objective_action where objective_number = ?
                     order by length(letter), letter
                    """).param(objective.number()).query(Action.class).list();
            assertThat(stored).as("actions of objective %d", objective.number())
                    .isNotEmpty()
                    .containsExactlyElementsOf(objective.actions());
            total += stored.size();
        }
        Integer inDatabase = jdbc.sql("select count(*) from objective_action").query(Integer.class).single();
        assertThat(inDatabase).isEqualTo(total);
    }

    @Test
    void holdsTheCompactsNumberOfActionsForEveryObjective() {
        assertThat(COMPACT_ACTIONS_PER_OBJECTIVE).hasSize(23);
        assertThat(COMPACT_ACTIONS_PER_OBJECTIVE.stream().mapToInt(Integer::intValue).sum()).isEqualTo(COMPACT_ACTIONS);

        assertThat(booklet.objectives()).as("actions per objective as read from the booklet")
                .extracting(o -> o.actions().size()).containsExactlyElementsOf(COMPACT_ACTIONS_PER_OBJECTIVE);

        List<Integer> stored = jdbc.sql("""
                select count(a.letter) from objective o left join objective_action a on a.objective_number = o.number
                 group by o.number order by o.number
                """).query(Integer.class).list();
        assertThat(stored).as("actions per objective in the database").containsExactlyElementsOf(
                COMPACT_ACTIONS_PER_OBJECTIVE);
        // lettered (a), (b), ... without gaps, as in the Compact
        for (int number = 1; number <= 23; number++) {
            List<String> letters = jdbc.sql("""
                    select letter from objective_action where objective_number = ? order by length(letter), letter
                    """).param(number).query(String.class).list();
            int count = COMPACT_ACTIONS_PER_OBJECTIVE.get(number - 1);
            assertThat(letters).as("letters of objective %d", number).containsExactlyElementsOf(
                    IntStream.range(0, count).mapToObj(i -> String.valueOf((char) ('a' + i))).toList());
        }
    }

    /**
     * No page number, running title or repeated heading of the booklet inside a stored text: the export runs
     * them into sentences ("migrants in 26 countries of destination").
     */
    @Test
    void storesNoPageFurnitureInsideTexts() {
        List<String> furniture = booklet.pageFurniture();
        assertThat(furniture).as("the booklet's repeated lines").contains("Associated actions", "Example practices",
                "Relevant sustainable development goals");

        List<String> texts = jdbc.sql("""
                select 'objective ' || objective_number || letter || ': ' || text from objective_action
                union all select 'objective ' || number || ' title: ' || title from objective
                union all select 'objective ' || number || ' short title: ' || short_title from objective
                union all select 'principle ' || number || ': ' || description from guiding_principle
                """).query(String.class).list();
        assertThat(texts).hasSizeGreaterThan(COMPACT_ACTIONS);
        assertThat(texts.stream().filter(text -> GcmBooklet.PAGE_NUMBER_IN_SENTENCE.matcher(text).find()))
                .as("texts with a page number run into a sentence").isEmpty();
        assertThat(texts.stream().filter(text -> furniture.stream().anyMatch(text::contains)))
                .as("texts with a repeated line of the booklet in them").isEmpty();
    }

    @Test
    void holdsTheRelevantSdgTargetsInBookletOrder() {
        int total = 0;
        for (BookletObjective objective : booklet.objectives()) {
            List<String> stored = jdbc.sql("""
                    select target from objective_sdg_target where objective_number = ? order by position
                    """).param(objective.number()).query(String.class).list();
            assertThat(stored).as("SDG targets of objective %d", objective.number())
                    .containsExactlyElementsOf(objective.sdgTargets());
            Boolean allSdgs = jdbc.sql("select all_sdgs from objective where number = ?")
                    .param(objective.number()).query(Boolean.class).single();
            assertThat(allSdgs).as("'All SDGs' for objective %d", objective.number()).isEqualTo(objective.allSdgs());
            total += stored.size();
        }
        Integer inDatabase = jdbc.sql("select count(*) from objective_sdg_target").query(Integer.class).single();
        assertThat(inDatabase).isEqualTo(total);
        List<Integer> positionsFromOne = jdbc.sql("""
                select objective_number from objective_sdg_target
                 group by objective_number having min(position) <> 1 or max(position) <> count(*)
                """).query(Integer.class).list();
        assertThat(positionsFromOne).as("objectives whose target positions are not 1..n").isEmpty();
    }

    /**
     * The booklet quotes each target's text after its label. Once the errata are applied, every label must
     * always come with the same text, and each corrected label must be the one under which the booklet quotes
     * that same text elsewhere; otherwise a correction is unfounded or a new misprint went unnoticed.
     */
    @Test
    void correctsOnlyTargetLabelsThatTheBookletItselfContradicts() {
        Map<String, Set<String>> textsByLabel = booklet.quotedTargets().stream().collect(Collectors.groupingBy(
                t -> GcmBooklet.ERRATA.getOrDefault(new GcmBooklet.Erratum(t.objective(), t.label()), t.label()),
                Collectors.mapping(t -> opening(t.text()), Collectors.toSet())));
        textsByLabel.forEach((label, texts) -> assertThat(texts).as("texts quoted for target %s", label).hasSize(1));

        GcmBooklet.ERRATA.forEach((erratum, corrected) -> {
            List<QuotedTarget> misprinted = booklet.quotedTargets().stream()
                    .filter(t -> t.objective() == erratum.objective() && t.label().equals(erratum.printedLabel()))
                    .toList();
            assertThat(misprinted).as("erratum %s is still printed", erratum).hasSize(1);
            boolean quotedElsewhereUnderCorrectLabel = booklet.quotedTargets().stream()
                    .anyMatch(t -> t.label().equals(corrected) && t.objective() != erratum.objective()
                            && opening(t.text()).equals(opening(misprinted.get(0).text())));
            assertThat(quotedElsewhereUnderCorrectLabel).as("booklet quotes the text of %s under %s elsewhere",
                    erratum, corrected).isTrue();
        });
    }

    @Test
    void holdsTheTenGuidingPrinciples() {
        List<String> names = jdbc.sql("select name from guiding_principle order by number").query(String.class).list();
        assertThat(names).hasSize(booklet.guidingPrincipleCount()).hasSize(10).doesNotHaveDuplicates()
                .contains("Human rights");
        List<Integer> numbers = jdbc.sql("select number from guiding_principle order by number")
                .query(Integer.class).list();
        assertThat(numbers).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Integer withoutDescription = jdbc.sql("select count(*) from guiding_principle where trim(description) = ''")
                .query(Integer.class).single();
        assertThat(withoutDescription).isZero();
    }

    @Test
    void holdsThe193MemberStatesEachInOneOfTheFiveCommissions() {
        List<String> commissions = jdbc.sql("select code from regional_commission order by code")
                .query(String.class).list();
        assertThat(commissions).containsExactly("ECA", "ECE", "ECLAC", "ESCAP", "ESCWA");

        // the reference data as Flyway seeded it: tests of other features add made-up countries ("Country QAB",
        // org.gcmreview.identity.TestUsers) to the database this context shares
        List<String> iso3 = jdbc.sql("select iso3 from country where name <> 'Country ' || iso3").query(String.class)
                .list();
        assertThat(iso3).hasSize(193).doesNotHaveDuplicates();
        // Every code is a real ISO 3166-1 alpha-3 code, as the JDK knows them.
        Set<String> isoCodes = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
        assertThat(iso3).allSatisfy(code -> assertThat(isoCodes).contains(code));
        List<String> names = jdbc.sql("select name from country").query(String.class).list();
        assertThat(names).doesNotHaveDuplicates().noneMatch(String::isBlank);

        Map<String, Integer> perCommission = jdbc.sql("""
                select c.code, count(s.iso3) as states
                  from regional_commission c left join country s on s.commission_code = c.code
                 group by c.code
                """).query((rs, row) -> Map.entry(rs.getString("code"), rs.getInt("states"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(perCommission).hasSize(5).allSatisfy((code, states) ->
                assertThat(states).as("states in %s", code).isPositive());

        // States in two commissions go with their own continent's regional review (rule in V2).
        Map<String, String> dualMembers = Map.of("EGY", "ECA", "MAR", "ECA", "TUR", "ECE", "RUS", "ECE",
                "KAZ", "ECE", "JOR", "ESCWA", "JPN", "ESCAP", "USA", "ECE", "BRA", "ECLAC");
        dualMembers.forEach((state, commission) -> assertThat(jdbc.sql(
                "select commission_code from country where iso3 = ?").param(state).query(String.class).single())
                .as("commission of %s", state).isEqualTo(commission));
    }

    @Test
    void holdsTheSevenStakeholderTypesInOrder() {
        List<String> codes = jdbc.sql("select code from stakeholder_type order by position").query(String.class).list();
        assertThat(codes).containsExactly("CIVIL_SOCIETY", "MIGRANT_DIASPORA", "PRIVATE_SECTOR", "TRADE_UNION",
                "ACADEMIA", "LOCAL_AUTHORITY", "NHRI");
    }

    /** The first words of a quoted target text, without the booklet's stray quotes and en dashes. */
    private static String opening(String text) {
        String plain = text.replace('–', '-').replaceAll("[“”\"]", "");
        return Arrays.stream(plain.split(" ")).limit(6).collect(Collectors.joining(" "));
    }
}
