package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The task list's status rules (issue 16.5), including "cannot start yet". */
class TaskStatusTest {

    private static final SectionContent EMPTY = new SectionContent(null, "", "", "", "", List.of());

    @Test
    void aContributionIsCompletedWithAStatusAndANarrative() {
        assertThat(TaskStatus.of(contribution(EMPTY, null))).isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(TaskStatus.of(contribution(new SectionContent(null, "Some text", "", "", "", List.of()), null)))
                .isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(TaskStatus.of(contribution(new SectionContent("PLANNED", "Some text", "", "", "", List.of()),
                null))).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void anEmptyObjectiveSectionCannotStartWhileAContributionIsNotIn() {
        ReportSection objective = new ReportSection(1, 1, SectionKind.OBJECTIVE, 3, 5, "Objective 3", EMPTY, 0);
        Contribution drafting = contribution(EMPTY, null);
        Contribution submitted = contribution(EMPTY, Instant.now());
        assertThat(TaskStatus.of(objective, List.of(submitted, drafting), Set.of(1L)))
                .isEqualTo(TaskStatus.CANNOT_START_YET);
        assertThat(TaskStatus.of(objective, List.of(submitted), Set.of(1L))).isEqualTo(TaskStatus.NOT_STARTED);
        // a ministry the coordinator went on without, or removed, is no longer drafting: nothing to wait for
        assertThat(TaskStatus.of(objective, List.of(submitted, drafting), Set.of())).isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(TaskStatus.of(objective, List.of(drafting))).isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(TaskStatus.of(objective, null)).isEqualTo(TaskStatus.NOT_STARTED);
        // once the coordinator wrote in it, it is in progress whatever the ministries do
        ReportSection started = new ReportSection(1, 1, SectionKind.OBJECTIVE, 3, 5, "Objective 3",
                new SectionContent(null, "Started.", "", "", "", List.of()), 1);
        assertThat(TaskStatus.of(started, List.of(drafting), Set.of(1L))).isEqualTo(TaskStatus.IN_PROGRESS);
        ReportSection intro = new ReportSection(2, 1, SectionKind.INTRODUCTION, null, 1, "Introduction",
                new SectionContent(null, "Written.", "", "", "", List.of()), 1);
        assertThat(TaskStatus.of(intro, null)).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void theLastStepCannotStartUntilEverySectionIsCompleted() {
        TaskListItem done = new TaskListItem(1, "toc-1", "Objective 1", TaskStatus.COMPLETED, "/tasks/t#1");
        TaskListItem half = new TaskListItem(2, "toc-2", "Objective 2", TaskStatus.IN_PROGRESS, "/tasks/t#2");
        assertThat(TaskStatus.finalStep(List.of(done, half))).isEqualTo(TaskStatus.CANNOT_START_YET);
        assertThat(TaskStatus.finalStep(List.of(done, done))).isEqualTo(TaskStatus.NOT_STARTED);
    }

    private static Contribution contribution(SectionContent content, Instant submittedAt) {
        return new Contribution(1, 1, 1, "Interior", 3, "Objective 3", true, content, 0, Instant.now(), submittedAt);
    }
}
