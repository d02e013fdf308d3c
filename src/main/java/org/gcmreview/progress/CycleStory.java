package org.gcmreview.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The whole story of a cycle for its cycle page: the stages as a timeline (done, current, next) with the dates
 * known so far, each submission to a review round with its answer, and what is waiting for the reader now. The
 * dates of other features (consultation window, submissions) are read from their tables here, read only, so
 * that this page needs no feature above it.
 */
@Component
class CycleStory {

    /** The stages a coordinator follows, in order; a clarification is shown at the submission stage. */
    static final List<CycleStatus> TIMELINE = List.of(CycleStatus.SCOPING, CycleStatus.DRAFTING,
            CycleStatus.CONSOLIDATION, CycleStatus.CONSULTATION, CycleStatus.SIGN_OFF, CycleStatus.ENDORSEMENT,
            CycleStatus.READY_TO_SUBMIT, CycleStatus.SUBMITTED, CycleStatus.ACKNOWLEDGED, CycleStatus.PUBLISHED);

    enum StepState { DONE, CURRENT, NEXT }

    /** One stage: its state and, where known, when it happened or is planned ({@code from} to {@code until}). */
    record Step(CycleStatus stage, StepState state, Instant from, Instant until, LocalDate due) {
    }

    /** One submission to a regional round or IMRF edition, with the secretariat's answer. */
    record RoundSubmission(String kind, String roundCode, String roundName, int versionNo, String status,
            Instant submittedAt, Instant respondedAt) {
    }

    /** A task of this cycle the reader can open now. */
    record WaitingTask(String id, String name, String formKey) {
    }

    record Story(List<Step> steps, List<RoundSubmission> submissions, List<WaitingTask> waiting,
            boolean stepUnderWay) {
    }

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final ManagementService management;

    CycleStory(JdbcClient jdbc, TaskService tasks, ManagementService management) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.management = management;
    }

    Story of(ReviewCycle cycle, CurrentUser reader) {
        List<RoundSubmission> submissions = jdbc.sql("""
                select s.kind, r.code, r.name, v.version_no, s.status, s.submitted_at, s.responded_at
                  from submission s join review_round r on r.id = s.round_id
                  join report_version v on v.id = s.report_version_id
                 where s.cycle_id = ? order by s.submitted_at, s.id""").param(cycle.id())
                .query((rs, n) -> new RoundSubmission(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
                .list();
        Instant[] window = jdbc.sql("select opens_at, coalesce(closed_at, closes_at) from consultation_window "
                        + "where cycle_id = ?").param(cycle.id())
                .query((rs, n) -> new Instant[] {instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))})
                .optional().orElse(new Instant[2]);

        CycleStatus now = cycle.status() == CycleStatus.CLARIFICATION_REQUESTED ? CycleStatus.SUBMITTED
                : cycle.status();
        int current = TIMELINE.indexOf(now);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < TIMELINE.size(); i++) {
            CycleStatus stage = TIMELINE.get(i);
            StepState state = i < current ? StepState.DONE : i == current ? StepState.CURRENT : StepState.NEXT;
            if (stage == CycleStatus.PUBLISHED && cycle.published()) {
                state = StepState.DONE;
            }
            Instant from = null;
            Instant until = null;
            LocalDate due = null;
            switch (stage) {
                case SCOPING -> from = cycle.startedAt();
                case DRAFTING -> due = cycle.draftingDue();
                case CONSULTATION -> {
                    from = window[0];
                    until = window[1];
                }
                case SUBMITTED -> from = submissions.stream().filter(s -> "REGIONAL".equals(s.kind()))
                        .map(RoundSubmission::submittedAt).findFirst().orElse(null);
                case ACKNOWLEDGED -> from = submissions.stream()
                        .filter(s -> "REGIONAL".equals(s.kind()) && "ACKNOWLEDGED".equals(s.status()))
                        .map(RoundSubmission::respondedAt).findFirst().orElse(null);
                case PUBLISHED -> from = cycle.publishedAt();
                default -> {
                }
            }
            steps.add(new Step(stage, state, from, until, due));
        }

        List<WaitingTask> waiting = reader.candidateGroups().isEmpty() ? List.of()
                : tasks.createTaskQuery().processInstanceBusinessKey(cycle.businessKey())
                        .tenantIdIn(cycle.countryIso3()).taskCandidateGroupIn(reader.candidateGroups()).includeAssignedTasks()
                        .initializeFormKeys().list().stream()
                        .map(t -> new WaitingTask(t.getId(), t.getName(), t.getFormKey())).toList();
        // an asynchronous step (e.g. sending the report) runs in a moment: the next task is on its way
        boolean underWay = cycle.processInstanceId() != null && management.createJobQuery()
                .processInstanceId(cycle.processInstanceId()).executable().messages().count() > 0;
        return new Story(steps, submissions, waiting, underWay);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
