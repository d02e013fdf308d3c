package org.gcmreview.report.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Comments on sections and contributions (issue 16.2) through the real pages: comment, reply, resolve and
 * reopen, each audited; who is told (the ministries concerned, the coordinator, the thread's participants, never
 * the author); shown beside the text and in the revision history; empty and too long comments refused with
 * nothing lost; internal only (other countries: not found; stakeholders and secretariats: refused; never in the
 * published report, its PDF or JSON).
 */
@ApplicationTest
class CommentsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;
    @Autowired
    ReviewFixtures fixtures;
    @Autowired
    ReportVersions versions;

    @Test
    void aSectionsThreadIsCommentedRepliedResolvedAndReopenedAndTheRightPeopleAreTold() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        long cycleId = cycles.reachConsolidation(coordinator, interior, labour);
        long objective1 = section(cycleId, 1);
        String taskId = cycles.task(cycleId, "ConsolidateReport").getId();
        String text = "Say which law of 2025 this refers to " + UUID.randomUUID();

        mvc.perform(post("/cycles/" + cycleId + "/sections/" + objective1 + "/comments").with(TestUsers.as(coordinator))
                        .with(csrf()).param("body", text).param("back", "/tasks/" + taskId))
                .andExpect(status().is3xxRedirection());
        long comment = jdbc.sql("select id from report_comment where section_id = ?").param(objective1)
                .query(Long.class).single();
        assertThat(audit("COMMENT_ADDED", comment)).isOne();
        // the ministry assigned to objective 1 is told, not the one on objective 2, not the author
        assertThat(notices(interior, comment)).isOne();
        assertThat(notices(labour, comment)).isZero();
        assertThat(notices(coordinator, comment)).isZero();

        // beside the text in the coordinator's editor, and on the ministry's sign-off-free thread page
        String editor = page(mvc.perform(get("/tasks/" + taskId).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk()).andReturn());
        assertThat(editor).contains(text, "/cycles/" + cycleId + "/sections/" + objective1 + "/comments?back=");
        String thread = page(mvc.perform(get("/cycles/" + cycleId + "/sections/" + objective1 + "/comments")
                .with(TestUsers.as(interior))).andExpect(status().isOk()).andReturn());
        assertThat(thread).contains(text, "id=\"comment-" + comment + "\"");

        // the ministry replies: the coordinator (and other participants) are told, not the ministry itself
        mvc.perform(post("/cycles/" + cycleId + "/comments/" + comment + "/replies").with(TestUsers.as(interior))
                .with(csrf()).param("body", "The Migration Act 2025, section 4.")).andExpect(status().is3xxRedirection());
        long reply = jdbc.sql("select id from report_comment where parent_id = ?").param(comment).query(Long.class)
                .single();
        assertThat(audit("COMMENT_REPLIED", reply)).isOne();
        assertThat(notices(coordinator, reply)).isOne();
        assertThat(notices(interior, reply)).isZero();

        // resolve, reopen: audited; the open count beside the text follows
        mvc.perform(post("/cycles/" + cycleId + "/comments/" + comment + "/resolve").with(TestUsers.as(coordinator))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select resolved_by from report_comment where id = ?").param(comment).query(Long.class)
                .single()).isEqualTo(coordinator.id());
        assertThat(audit("COMMENT_RESOLVED", comment)).isOne();
        mvc.perform(post("/cycles/" + cycleId + "/comments/" + comment + "/reopen").with(TestUsers.as(interior))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(audit("COMMENT_REOPENED", comment)).isOne();
        // a reply is not a thread: it cannot be resolved or replied to
        mvc.perform(post("/cycles/" + cycleId + "/comments/" + reply + "/resolve").with(TestUsers.as(coordinator))
                .with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aContributionsCommentIsBetweenItsMinistryAndTheCoordinatorAndShowsInTheHistoryAtItsRevision()
            throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        long cycleId = cycles.reachConsolidation(coordinator, interior, labour);
        long contribution = jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ?")
                .params(cycleId, interior.ministryId()).query(Long.class).single();
        int revision = jdbc.sql("select lock_version from contribution where id = ?").param(contribution)
                .query(Integer.class).single();
        String text = "Add the 2024 figures " + UUID.randomUUID();

        mvc.perform(post("/cycles/" + cycleId + "/contributions/" + contribution + "/comments")
                .with(TestUsers.as(coordinator)).with(csrf()).param("body", text)).andExpect(status().is3xxRedirection());
        long comment = jdbc.sql("select id from report_comment where contribution_id = ?").param(contribution)
                .query(Long.class).single();
        assertThat(jdbc.sql("select revision_no from report_comment where id = ?").param(comment).query(Integer.class)
                .single()).isEqualTo(revision).isPositive();
        assertThat(notices(interior, comment)).isOne();
        assertThat(notices(labour, comment)).isZero();

        // in the revision history, at the revision it was made on
        String history = page(mvc.perform(get("/cycles/" + cycleId + "/contributions/" + contribution + "/history")
                .with(TestUsers.as(interior))).andExpect(status().isOk()).andReturn());
        assertThat(history).contains(text);
        // another ministry of the same cycle: not found (a contribution is between its ministry and the coordinator)
        mvc.perform(get("/cycles/" + cycleId + "/contributions/" + contribution + "/comments")
                .with(TestUsers.as(labour))).andExpect(status().isNotFound());
        mvc.perform(post("/cycles/" + cycleId + "/comments/" + comment + "/replies").with(TestUsers.as(labour))
                .with(csrf()).param("body", "Not mine to say.")).andExpect(status().isNotFound());
    }

    @Test
    void anEmptyOrTooLongCommentIsRefusedWithWhatWasTypedKept() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        ReviewCycle cycle = fixtures.cycle(coordinator);
        long objective1 = section(cycle.id(), 1);
        String path = "/cycles/" + cycle.id() + "/sections/" + objective1 + "/comments";

        String empty = mvc.perform(post(path).with(TestUsers.as(coordinator)).with(csrf()).param("body", "   "))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(empty).contains("Write your comment before sending it: an empty comment is not kept.",
                "href=\"#body\"", "id=\"body-error\"");
        String tooLong = "x".repeat(5_001);
        String refused = mvc.perform(post(path).with(TestUsers.as(coordinator)).with(csrf()).param("body", tooLong))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("A comment can be at most 5,000 characters long", tooLong + "</textarea>");
        assertThat(jdbc.sql("select count(*) from report_comment where section_id = ?").param(objective1)
                .query(Integer.class).single()).isZero();

        // an empty reply: refused at its own field, nothing stored
        mvc.perform(post(path).with(TestUsers.as(coordinator)).with(csrf()).param("body", "Kept."))
                .andExpect(status().is3xxRedirection());
        long comment = jdbc.sql("select id from report_comment where section_id = ?").param(objective1)
                .query(Long.class).single();
        String reply = mvc.perform(post("/cycles/" + cycle.id() + "/comments/" + comment + "/replies")
                        .with(TestUsers.as(coordinator)).with(csrf()).param("body", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(reply).contains("href=\"#reply-" + comment + "\"", "id=\"reply-" + comment + "-error\"");
        assertThat(jdbc.sql("select count(*) from report_comment where parent_id = ?").param(comment)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void commentsAreTheCountrysGovernmentsOnly() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        ReviewCycle cycle = fixtures.cycle(coordinator);
        long objective1 = section(cycle.id(), 1);
        String path = "/cycles/" + cycle.id() + "/sections/" + objective1 + "/comments";
        mvc.perform(post(path).with(TestUsers.as(coordinator)).with(csrf()).param("body", "Internal."))
                .andExpect(status().is3xxRedirection());
        long comment = jdbc.sql("select id from report_comment where section_id = ?").param(objective1)
                .query(Long.class).single();

        // another country's coordinator and ministry: not found, whatever they ask
        for (CurrentUser other : new CurrentUser[] {users.coordinator("GHA"), users.ministry("GHA", "INTERIOR")}) {
            mvc.perform(get(path).with(TestUsers.as(other))).andExpect(status().isNotFound());
            mvc.perform(post(path).with(TestUsers.as(other)).with(csrf()).param("body", "Probe."))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/cycles/" + cycle.id() + "/comments/" + comment + "/resolve").with(TestUsers.as(other))
                    .with(csrf())).andExpect(status().isNotFound());
        }
        // a ministry of the country that takes no part in the cycle: not found either
        mvc.perform(get(path).with(TestUsers.as(users.ministry("KEN", "FOREIGN")))).andExpect(status().isNotFound());
        // the country's stakeholders, the secretariats and administrators: refused
        for (CurrentUser outsider : new CurrentUser[] {users.stakeholder("KEN", "Comment Watchers"),
                users.regionalSecretariat("ECA"), users.imrfSecretariat(), users.admin()}) {
            mvc.perform(get(path).with(TestUsers.as(outsider))).andExpect(status().isForbidden());
            mvc.perform(post("/cycles/" + cycle.id() + "/comments/" + comment + "/replies")
                    .with(TestUsers.as(outsider)).with(csrf()).param("body", "Probe.")).andExpect(status().isForbidden());
        }
        // a section of another cycle under this cycle's address: not found
        ReviewCycle another = fixtures.cycle(coordinator);
        mvc.perform(get("/cycles/" + another.id() + "/sections/" + objective1 + "/comments")
                .with(TestUsers.as(coordinator))).andExpect(status().isNotFound());
        // no return address to another site is carried over
        String page = mvc.perform(get(path).param("back", "https://evil.example/tasks/1").with(TestUsers.as(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("evil.example");
        assertThat(jdbc.sql("select count(*) from report_comment where cycle_id = ?").param(cycle.id())
                .query(Integer.class).single()).isOne();
    }

    @Test
    void commentsAreNeverInThePublishedReportItsPdfOrItsJson() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        ReviewCycle cycle = fixtures.cycle(coordinator);
        long objective1 = section(cycle.id(), 1);
        String text = "Internal remark " + UUID.randomUUID();
        mvc.perform(post("/cycles/" + cycle.id() + "/sections/" + objective1 + "/comments")
                .with(TestUsers.as(coordinator)).with(csrf()).param("body", text)).andExpect(status().is3xxRedirection());
        long comment = jdbc.sql("select id from report_comment where section_id = ?").param(objective1)
                .query(Long.class).single();
        mvc.perform(post("/cycles/" + cycle.id() + "/comments/" + comment + "/replies").with(TestUsers.as(coordinator))
                .with(csrf()).param("body", text + " reply")).andExpect(status().is3xxRedirection());
        versions.freeze(cycle.id());
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?").param(cycle.id())
                .update();

        String html = mvc.perform(get("/published/" + cycle.businessKey())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(cycle.title()).doesNotContain(text).doesNotContain("Internal remark");
        String json = mvc.perform(get("/published/" + cycle.businessKey() + ".json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).doesNotContain(text).doesNotContain("Internal remark");
        byte[] pdf = mvc.perform(get("/published/" + cycle.businessKey() + ".pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Contents").doesNotContain("Internal remark");
        }
        assertThat(jdbc.sql("select content from report_version where cycle_id = ?").param(cycle.id())
                .query(String.class).list()).allSatisfy(content -> assertThat(content).doesNotContain(text));
        // the public consultation pages of the cycle say nothing of them either
        int whatWeHeard = mvc.perform(get("/consultations/" + cycle.businessKey() + "/what-we-heard")).andReturn()
                .getResponse().getStatus();
        if (whatWeHeard == 200) {
            assertThat(mvc.perform(get("/consultations/" + cycle.businessKey() + "/what-we-heard")).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Internal remark");
        }
    }

    @Test
    void aRequestForChangesPointsAtOpenCommentsAndTheCoordinatorSeesThemWhenRevising() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        long cycleId = cycles.reachSignOff(coordinator, interior, labour);
        long objective1 = section(cycleId, 1);
        String text = "The figures for 2024 are missing " + UUID.randomUUID();
        mvc.perform(post("/cycles/" + cycleId + "/sections/" + objective1 + "/comments").with(TestUsers.as(interior))
                .with(csrf()).param("body", text)).andExpect(status().is3xxRedirection());
        long comment = jdbc.sql("select id from report_comment where section_id = ?").param(objective1)
                .query(Long.class).single();
        String interiorTask = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry("KEN", "INTERIOR")).getId();

        // the sign-off page shows the comment beside its section and offers it to point at
        String signOff = page(mvc.perform(get("/tasks/" + interiorTask).with(TestUsers.as(interior)))
                .andExpect(status().isOk()).andReturn());
        assertThat(signOff).contains(text, "name=\"comments\"", "value=\"" + comment + "\"");
        // a comment that is not an open one of this report is refused, nothing decided
        mvc.perform(post("/tasks/" + interiorTask).with(TestUsers.as(interior)).with(csrf())
                        .param("action", "request-changes").param("reason", "See the comment.")
                        .param("sections", String.valueOf(objective1)).param("comments", "999999999"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/tasks/" + interiorTask).with(TestUsers.as(interior)).with(csrf())
                        .param("action", "request-changes").param("reason", "See the comment.")
                        .param("sections", String.valueOf(objective1)).param("comments", String.valueOf(comment)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("""
                select count(*) from report_comment_decision l join signoff_decision d on d.id = l.signoff_decision_id
                 where l.comment_id = ? and d.cycle_id = ? and d.decision = 'CHANGES_REQUESTED'""")
                .params(comment, cycleId).query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SIGNOFF_CHANGES_REQUESTED' and "
                + "details like ?").param("%comments [" + comment + "]%").query(Integer.class).single()).isOne();
        mvc.perform(post("/tasks/" + cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry("KEN", "LABOUR"))
                .getId()).with(TestUsers.as(labour)).with(csrf()).param("action", "approve").param("reason", ""))
                .andExpect(status().is3xxRedirection());

        // the coordinator revising sees the comment with the request, linked to its thread
        String revise = page(mvc.perform(get("/tasks/" + cycles.task(cycleId, "ReviseRequestedSections").getId())
                .with(TestUsers.as(coordinator))).andExpect(status().isOk()).andReturn());
        assertThat(revise).contains("class=\"plain pointed-comments\"", text,
                "/cycles/" + cycleId + "/sections/" + objective1 + "/comments#comment-" + comment);
    }

    private long section(long cycleId, int objective) {
        return jdbc.sql("select id from report_section where cycle_id = ? and objective_number = ?")
                .params(cycleId, objective).query(Long.class).single();
    }

    private int audit(String action, long commentId) {
        return jdbc.sql("select count(*) from audit_event where action = ? and subject_type = 'report_comment' "
                + "and subject_id = ?").params(action, String.valueOf(commentId)).query(Integer.class).single();
    }

    /** COMMENT notices the user got that lead to this comment. */
    private int notices(CurrentUser user, long commentId) {
        return jdbc.sql("select count(*) from notice where user_id = ? and kind = 'COMMENT' and link like ?")
                .params(user.id(), "%#comment-" + commentId).query(Integer.class).single();
    }

    private static String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
