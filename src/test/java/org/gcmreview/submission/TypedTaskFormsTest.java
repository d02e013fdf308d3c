package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A task form bound to a record (support.FormBinder): a Bean Validation constraint ({@code @Pattern} on the
 * confirmation) and a cross-field rule (the cover note's length, which names the length typed) refuse the regional
 * hand-over. Each error is at its field, tied to it with aria-describedby next to the field's hint, listed in the
 * summary that takes the focus, in the user's language; what was typed is kept and nothing is stored.
 */
@ApplicationTest
class TypedTaskFormsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Submissions submissions;
    @Autowired
    TaskService taskService;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    CurrentUser coordinator;
    ReviewCycle cycle;

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
        cycle = fixtures.cycleInRounds(coordinator);
    }

    @Test
    void refusedFieldsAreShownAtTheFieldAndInTheFocusedSummaryAndNothingIsStored() throws Exception {
        ReviewFixtures.Frozen frozen = fixtures.frozenReviewAt(cycle, "SubmitToRegionalReview");
        ReportVersion version = frozen.version();
        ProcessInstance national = frozen.national();
        Task submit = fixtures.task(national.getId(), "SubmitToRegionalReview");
        // the cover note's limit (handover.SubmitRegionalForm) is 4,000 characters
        String longNote = "n".repeat(4001);

        String page = mvc.perform(post("/tasks/" + submit.getId()).with(as(coordinator)).with(csrf())
                        .param("versionId", String.valueOf(version.id())).param("coverNote", "  " + longNote + " ")
                        .param("action", "submit").param("answerschecked", "yes"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        // the summary takes the focus and links to both fields, in the record's order
        assertThat(page).containsPattern("<div class=\"error\" role=\"alert\" tabindex=\"-1\" id=\"error-summary\" autofocus")
                .containsPattern("(?s)<a href=\"#coverNote\">The cover note can have at most 4,000 characters \\(it has 4,001\\)\\.</a>.*"
                        + "<a href=\"#confirm\">Please confirm that this frozen version is the report your government submits\\.</a>");
        // each error sits at its field, which names its hint and its error; the text is kept as typed
        assertThat(page).contains("<p class=\"hint\" id=\"coverNote-hint\">At most 4,000 characters.</p>")
                .contains("<p class=\"field-error\" id=\"coverNote-error\">The cover note can have at most 4,000 characters (it has 4,001).</p>")
                .containsPattern("<textarea id=\"coverNote\" name=\"coverNote\"[^>]* aria-describedby=\"coverNote-hint coverNote-error\" aria-invalid=\"true\">\\s*" + longNote + "\\s*</textarea>")
                .contains("<p class=\"field-error\" id=\"confirm-error\">Please confirm")
                .containsPattern("<input type=\"checkbox\" id=\"confirm\"[^>]* aria-describedby=\"confirm-error\" aria-invalid=\"true\">");
        assertThat(submissions.latest(cycle.id(), RoundKind.REGIONAL)).isEmpty();
        assertThat(taskService.createTaskQuery().taskId(submit.getId()).singleResult()).isNotNull();

        // the same messages in the user's language
        String french = mvc.perform(post("/tasks/" + submit.getId()).with(as(coordinator)).with(csrf())
                        .cookie(new Cookie("gcm-lang", "fr"))
                        .param("versionId", String.valueOf(version.id())).param("coverNote", "Note.")
                        .param("action", "submit").param("answerschecked", "yes"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(french).contains("<p class=\"field-error\" id=\"confirm-error\">Veuillez confirmer que cette version figée est le rapport que votre gouvernement soumet.</p>")
                .doesNotContain("coverNote-error");
        assertThat(submissions.latest(cycle.id(), RoundKind.REGIONAL)).isEmpty();
    }
}
