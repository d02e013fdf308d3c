package org.gcmreview.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Loads the submission a secretariat task is about and checks that the user is that round's secretariat. */
@Component
public class SubmittedReports {

    private final Submissions submissions;
    private final ReviewRounds rounds;
    private final ReportVersions versions;
    private final ObjectMapper json;

    SubmittedReports(Submissions submissions, ReviewRounds rounds, ReportVersions versions, ObjectMapper json) {
        this.submissions = submissions;
        this.rounds = rounds;
        this.versions = versions;
        this.json = json;
    }

    /** The task's submission (local variable submissionId); 403 unless the user is the round's secretariat. */
    public Submission forTask(UserTask task, CurrentUser user) {
        Number id = task.variable("submissionId", Number.class);
        if (id == null) {
            throw new IllegalStateException("Task " + task.id() + " has no submissionId");
        }
        Submission submission = submissions.find(id.longValue())
                .orElseThrow(() -> new IllegalStateException("No submission " + id));
        SecretariatAccess.require(rounds.findById(submission.roundId()).orElseThrow(), user);
        return submission;
    }

    /** What the review pages show: the submission, its frozen content and the cycle's earlier submissions. */
    public void addTo(Model model, Submission submission) {
        ReportVersion version = versions.find(submission.reportVersionId()).orElseThrow();
        model.addAttribute("submission", submission);
        model.addAttribute("version", version);
        model.addAttribute("report", FrozenReport.parse(json, version.content()));
        model.addAttribute("round", rounds.findById(submission.roundId()).orElseThrow());
        model.addAttribute("history", submissions.forCycle(submission.cycleId()).stream()
                .filter(s -> s.kind() == submission.kind()).toList());
        model.addAttribute("previous", submission.supersedesId() == null ? null
                : submissions.find(submission.supersedesId()).orElse(null));
    }
}
