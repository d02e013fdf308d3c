package org.gcmreview.report.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16.2, the rest: a signing ministry's request for changes can point at the open comments on its own
 * contributions (not another ministry's, which it may not read), and the coordinator revising is led to their
 * threads; the deputy of a person who is out of office is told of the comments addressed to that person and may
 * open them, for as long as the absence runs.
 */
@ApplicationTest
class CommentReachTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    @Test
    void aRequestForChangesPointsAtTheMinistrysOwnContributionComments() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        long cycleId = cycles.reachSignOff(coordinator, interior, labour);
        long own = contribution(cycleId, interior);
        long others = contribution(cycleId, labour);
        String ownText = "Our 2024 figures were left out " + UUID.randomUUID();
        String otherText = "Labour's private remark " + UUID.randomUUID();
        long ownComment = comment(cycleId, own, interior, ownText);
        long otherComment = comment(cycleId, others, labour, otherText);

        String task = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry("KEN", "INTERIOR")).getId();
        String signOff = mvc.perform(get("/tasks/" + task).with(TestUsers.as(interior))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(signOff).contains("id=\"point-" + ownComment + "\"", "(your contribution)")
                .doesNotContain(otherText).doesNotContain("id=\"point-" + otherComment + "\"");
        long section = jdbc.sql("select id from report_section where cycle_id = ? and objective_number = 1")
                .param(cycleId).query(Long.class).single();
        // another ministry's contribution comment is not one to point at: refused, nothing decided
        mvc.perform(post("/tasks/" + task).with(TestUsers.as(interior)).with(csrf())
                        .param("action", "request-changes").param("reason", "See the comments.")
                        .param("sections", String.valueOf(section)).param("comments", String.valueOf(otherComment)))
                .andExpect(status().isBadRequest());
        assertThat(cycles.count("select count(*) from signoff_decision where cycle_id = ?", cycleId)).isZero();
        mvc.perform(post("/tasks/" + task).with(TestUsers.as(interior)).with(csrf())
                        .param("action", "request-changes").param("reason", "See the comments.")
                        .param("sections", String.valueOf(section)).param("comments", String.valueOf(ownComment)))
                .andExpect(status().is3xxRedirection());
        assertThat(cycles.count("""
                select count(*) from report_comment_decision l join signoff_decision d on d.id = l.signoff_decision_id
                 where l.comment_id = ? and d.cycle_id = ? and d.decision = 'CHANGES_REQUESTED'""", ownComment, cycleId))
                .isOne();
        mvc.perform(post("/tasks/" + cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry("KEN", "LABOUR"))
                .getId()).with(TestUsers.as(labour)).with(csrf()).param("action", "approve").param("reason", ""))
                .andExpect(status().is3xxRedirection());

        String revise = mvc.perform(get("/tasks/" + cycles.task(cycleId, "ReviseRequestedSections").getId())
                .with(TestUsers.as(coordinator))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(revise).contains(ownText,
                "/cycles/" + cycleId + "/contributions/" + own + "/comments#comment-" + ownComment);
    }

    @Test
    void theDeputyOfSomeoneOutOfOfficeIsToldOfCommentsToThemAndMayOpenThem() throws Exception {
        String code = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser away = users.ministry("KEN", code);
        CurrentUser deputy = users.ministry("KEN", code + "X");
        CurrentUser bystander = users.ministry("KEN", code + "Y");
        long cycleId = cycles.reachConsolidation(coordinator, away);
        long contribution = contribution(cycleId, away);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long absence = jdbc.sql("insert into deputy (user_id, deputy_id, starts_on, ends_on) values (?, ?, ?, ?)"
                + " returning id").params(away.id(), deputy.id(), today.minusDays(1), today.plusDays(7))
                .query(Long.class).single();

        long first = comment(cycleId, contribution, coordinator, "Please add the sources " + UUID.randomUUID());
        assertThat(notices(away, first)).isOne();
        assertThat(notices(deputy, first)).isOne();
        assertThat(notices(bystander, first)).isZero();
        // the deputy acts for the absent person's ministry: the thread opens and takes a reply
        String thread = "/cycles/" + cycleId + "/contributions/" + contribution + "/comments";
        mvc.perform(get(thread).with(TestUsers.as(deputy))).andExpect(status().isOk());
        mvc.perform(post("/cycles/" + cycleId + "/comments/" + first + "/replies").with(TestUsers.as(deputy))
                .with(csrf()).param("body", "Sources added on behalf of my colleague.")).andExpect(status().is3xxRedirection());
        mvc.perform(get(thread).with(TestUsers.as(bystander))).andExpect(status().isNotFound());

        // once the absence ended, the deputy is neither told nor let in
        jdbc.sql("update deputy set ended_at = now() where id = ?").param(absence).update();
        long second = comment(cycleId, contribution, coordinator, "One more thing " + UUID.randomUUID());
        assertThat(notices(away, second)).isOne();
        assertThat(notices(deputy, second)).isZero();
        mvc.perform(get(thread).with(TestUsers.as(deputy))).andExpect(status().isNotFound());
    }

    private long contribution(long cycleId, CurrentUser ministry) {
        return jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ?")
                .params(cycleId, ministry.ministryId()).query(Long.class).single();
    }

    private long comment(long cycleId, long contribution, CurrentUser author, String text) throws Exception {
        mvc.perform(post("/cycles/" + cycleId + "/contributions/" + contribution + "/comments")
                .with(TestUsers.as(author)).with(csrf()).param("body", text)).andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from report_comment where contribution_id = ? and body = ?")
                .params(contribution, text).query(Long.class).single();
    }

    private int notices(CurrentUser user, long commentId) {
        return jdbc.sql("select count(*) from notice where user_id = ? and kind = 'COMMENT' and link like ?")
                .params(user.id(), "%#comment-" + commentId).query(Integer.class).single();
    }
}
