package org.gcmreview.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.gcmreview.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

@DatabaseTest
class ReferenceDataTest {

    @Autowired
    ReferenceData referenceData;

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsObjectivesInNumberOrderWithActionsAndTargets() {
        List<Objective> objectives = referenceData.objectives();
        assertThat(objectives).extracting(Objective::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 23).boxed().toList());

        Objective data = objectives.get(0);
        assertThat(data.shortTitle()).isEqualTo("Data");
        assertThat(data.actions()).extracting(ObjectiveAction::letter).startsWith("a", "b", "c").endsWith("k");
        assertThat(data.sdgTargets()).containsExactly("10.7", "17.18");
        assertThat(data.allSdgs()).isFalse();

        Objective migrantContributions = referenceData.objective(19).orElseThrow();
        assertThat(migrantContributions.allSdgs()).isTrue();
        assertThat(migrantContributions.sdgTargets()).isEmpty();
        assertThat(migrantContributions.actions()).isNotEmpty();
    }

    @Test
    void findsObjectivesByNumberOnlyWhenTheyExist() {
        assertThat(referenceData.objective(23)).map(Objective::shortTitle).contains("International cooperation");
        assertThat(referenceData.objective(0)).isEmpty();
        assertThat(referenceData.objective(24)).isEmpty();
    }

    @Test
    void groupsCountriesByCommission() {
        assertThat(referenceData.commissions()).extracting(RegionalCommission::code)
                .containsExactly("ECA", "ECE", "ECLAC", "ESCAP", "ESCWA");
        assertThat(referenceData.commission("ECLAC")).map(RegionalCommission::name)
                .contains("Economic Commission for Latin America and the Caribbean");
        assertThat(referenceData.commission("NOPE")).isEmpty();

        int total = 0;
        for (RegionalCommission commission : referenceData.commissions()) {
            List<Country> states = referenceData.countriesIn(commission.code());
            assertThat(states).isNotEmpty().allSatisfy(c -> assertThat(c.commissionCode()).isEqualTo(commission.code()));
            total += states.size();
        }
        assertThat(total).isEqualTo(referenceData.countries().size()).isEqualTo(193);
        assertThat(referenceData.countriesIn("ECA")).extracting(Country::iso3).contains("KEN", "EGY", "NGA");
        assertThat(referenceData.countriesIn("XYZ")).isEmpty();
    }

    @Test
    void sortsCountriesAlphabeticallyInEnglish() {
        List<String> names = referenceData.countries().stream().map(Country::name).toList();
        // Accented names sort with their letter, not after "Z" as a byte-wise collation would put them.
        assertThat(names.indexOf("Côte d'Ivoire")).isBetween(names.indexOf("Costa Rica"), names.indexOf("Croatia"));
        assertThat(names.indexOf("Türkiye")).isBetween(names.indexOf("Tunisia"), names.indexOf("Turkmenistan"));
    }

    @Test
    void findsACountryByIso3IgnoringCase() {
        assertThat(referenceData.country("KEN")).contains(new Country("KEN", "Kenya", "ECA"));
        assertThat(referenceData.country("mex")).map(Country::name).contains("Mexico");
        assertThat(referenceData.country("XXX")).isEmpty();
        assertThat(referenceData.country(null)).isEmpty();
    }

    @Test
    void listsStakeholderTypesAndGuidingPrinciples() {
        assertThat(referenceData.stakeholderTypes()).extracting(StakeholderType::code).hasSize(7)
                .startsWith("CIVIL_SOCIETY").endsWith("NHRI");
        assertThat(referenceData.stakeholderType("TRADE_UNION")).map(StakeholderType::name).contains("Trade unions");
        assertThat(referenceData.stakeholderType("BANK")).isEmpty();
        assertThat(referenceData.guidingPrinciples()).extracting(GuidingPrinciple::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    @Transactional // rolls the edit below back
    void keepsServingWhatItFirstLoadedFromMemory() {
        Objective before = referenceData.objective(1).orElseThrow();
        jdbc.sql("update objective set short_title = 'Edited behind its back' where number = 1").update();

        assertThat(referenceData.objective(1)).containsSame(before);
        assertThat(referenceData.objectives()).isSameAs(referenceData.objectives());
        assertThat(referenceData.countriesIn("ECE")).isSameAs(referenceData.countriesIn("ECE"));
    }

    @Test
    void handsOutImmutableValues() {
        List<Objective> objectives = referenceData.objectives();
        assertThatThrownBy(() -> objectives.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> objectives.get(0).actions().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> referenceData.countriesIn("ECA").clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
