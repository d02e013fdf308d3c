package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The rules of a plan with the production minimum window (14 days), and the plan proposed back from a deadline. */
class PlanningRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private final PlanningRules rules = new PlanningRules(new ConsultationPlan(Duration.ofDays(14)));

    @Test
    void theProposalCountsBackFromTheDeadlineWithTheNamedSpacings() {
        CyclePlan plan = rules.proposal(LocalDate.of(2026, 12, 31), 7);

        assertThat(plan.internalSubmission()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(plan.endorsementDue()).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(plan.signOffDue()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(plan.consultationCloses()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(ConsultationPlan.days(plan.consultationOpens(), plan.consultationCloses())).isEqualTo(28);
        assertThat(plan.draftingDue()).isEqualTo(plan.consultationOpens().minusDays(7));
        assertThat(rules.errors(new EnumMap<>(plan.dates()), null, TODAY, false)).isEmpty();
        assertThat(rules.warnings(plan, LocalDate.of(2026, 12, 31), TODAY, true)).isEmpty();
    }

    @Test
    void aDeadlineTooCloseForTheUsualSpacingIsAWarningWithItsReason() {
        LocalDate deadline = TODAY.plusDays(30);
        CyclePlan plan = rules.proposal(deadline, 7);

        assertThat(rules.warnings(plan, deadline, TODAY, true)).extracting(PlanningRules.Problem::key)
                .containsExactly("cycle.plan.warning.tooLittleTime");
        // submitted as it is, its dates in the past are refused
        assertThat(rules.errors(new EnumMap<>(plan.dates()), null, TODAY, false))
                .extracting(PlanningRules.Problem::field).contains("draftingDue", "consultationOpens");
    }

    @Test
    void aWindowShorterThanTheMinimumIsRefusedAndADateAfterTheDeadlineOnlyWarned() {
        Map<Milestone, LocalDate> dates = new EnumMap<>(Milestone.class);
        dates.put(Milestone.DRAFTING_DUE, TODAY.plusDays(10));
        dates.put(Milestone.CONSULTATION_OPENS, TODAY.plusDays(20));
        dates.put(Milestone.CONSULTATION_CLOSES, TODAY.plusDays(32));
        dates.put(Milestone.SIGN_OFF_DUE, TODAY.plusDays(40));
        dates.put(Milestone.ENDORSEMENT_DUE, TODAY.plusDays(50));
        dates.put(Milestone.INTERNAL_SUBMISSION, TODAY.plusDays(60));

        assertThat(rules.errors(dates, null, TODAY, false)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("cycle.plan.error.windowTooShort");
            assertThat(p.args()).containsExactly(14L, 13L);
        });
        dates.put(Milestone.CONSULTATION_CLOSES, TODAY.plusDays(33));
        assertThat(rules.errors(dates, null, TODAY, false)).isEmpty();
        assertThat(rules.warnings(CyclePlan.of(dates, 7), TODAY.plusDays(55), TODAY, false))
                .extracting(PlanningRules.Problem::field).containsExactly("internalSubmission");
    }

    @Test
    void aDateThatHasPassedCannotChangeUnlessTheWindowIsReplanned() {
        CyclePlan before = new CyclePlan(TODAY.minusDays(10), 7, TODAY.minusDays(5), TODAY.minusDays(1),
                TODAY.plusDays(20), TODAY.plusDays(30), TODAY.plusDays(40));
        Map<Milestone, LocalDate> moved = new EnumMap<>(before.with(Milestone.CONSULTATION_OPENS, TODAY)
                .with(Milestone.CONSULTATION_CLOSES, TODAY.plusDays(13)).dates());

        assertThat(rules.errors(moved, before, TODAY, false)).extracting(PlanningRules.Problem::key)
                .containsOnly("cycle.plan.error.passed");
        assertThat(rules.errors(moved, before, TODAY, true)).isEmpty();
    }

    @Test
    void aWindowFitsWhenItOpensTodayOrLaterForAtLeastTheMinimum() {
        ConsultationPlan check = new ConsultationPlan(Duration.ofDays(14));
        assertThat(check.fits(TODAY, TODAY.plusDays(13), TODAY)).isTrue();
        assertThat(check.fits(TODAY, TODAY.plusDays(12), TODAY)).isFalse();
        assertThat(check.fits(TODAY.minusDays(1), TODAY.plusDays(30), TODAY)).isFalse();
        assertThat(new ConsultationPlan(Duration.ofDays(1)).fits(TODAY, TODAY, TODAY)).isTrue();
    }
}
