package org.gcmreview.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gcmreview.reference.GcmBooklet.Action;
import org.gcmreview.reference.GcmBooklet.BookletObjective;
import org.gcmreview.reference.GcmBooklet.QuotedTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reference tables, as Flyway leaves them, against the UN Network on Migration booklet (the source of
 * truth), read afresh by {@link GcmBooklet}. Queries go straight to the tables, not through the service.
 */
@SpringBootTest
@AutoConfigureMockMvc // same configuration in all reference tests, so they share one application context
class ReferenceDataMatchesBookletTest {

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

        List<String> iso3 = jdbc.sql("select iso3 from country").query(String.class).list();
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
