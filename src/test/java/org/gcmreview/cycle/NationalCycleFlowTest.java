package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One national review cycle from POST /cycles to the endorsement of the frozen report, through the real web
 * forms and the real national-review process. The stakeholder consultation's own forms belong to another
 * feature: this test moves the called consultation instance straight to its last task ("Record how each
 * input was addressed") by process instance modification and completes that task through the TaskService.
 */
@ApplicationTest
class NationalCycleFlowTest {

    static final String KEN = "KEN";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    CurrentUser coordinator;
    CurrentUser interior;
    CurrentUser interiorColleague;
    CurrentUser labour;
    CurrentUser ghanaInterior;
    long interiorId;
    long labourId;

    @BeforeEach
    void team() {
        coordinator = users.coordinator(KEN);
        interior = users.ministry(KEN, "INTERIOR");
        interiorColleague = users.ministry(KEN, "INTERIOR");
        labour = users.ministry(KEN, "LABOUR");
        ghanaInterior = users.ministry("GHA", "INTERIOR");
        interiorId = interior.ministryId();
        labourId = labour.ministryId();
    }

    @Test
    void aCycleGoesFromStartThroughDraftingAndSignOffToEndorsement() throws Exception {
        // ---------------------------------------------------------------- start
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        assertThat(cycles.cycleStatus(cycleId)).isEqualTo(CycleStatus.SCOPING);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(cycles.processInstanceId(cycleId)).singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo(cycles.businessKey(cycleId)).startsWith("KEN-");
        assertThat(instance.getTenantId()).isEqualTo(KEN);

        // ---------------------------------------------------------------- scoping
        Task scoping = cycles.task(cycleId, "ScopeReview");
        mvc.perform(get("/tasks/" + scoping.getId()).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Scope the review"),
                        containsString("id=\"objective-23\" value=\"23\" checked=\"checked\""), containsString(cycles.ministryName(interiorId)))));
        mvc.perform(cycles.scopeForm(scoping.getId(), coordinator, List.of(interiorId, labourId),
                        Map.of(1, interiorId, 2, labourId, 3, interiorId))
                        .param("contributors-1", String.valueOf(labourId)))
                .andExpect(redirectedUrl("/tasks"));

        assertThat(cycles.cycleStatus(cycleId)).isEqualTo(CycleStatus.DRAFTING);
        assertThat(jdbc.sql("select kind || coalesce(':' || objective_number, '') from report_section "
                + "where cycle_id = ? order by position").param(cycleId).query(String.class).list())
                .containsExactly("INTRODUCTION", "POLICY", "OBJECTIVE:1", "OBJECTIVE:2", "OBJECTIVE:3", "MEANS",
                        "NEXT_STEPS");
        assertThat(jdbc.sql("select ministry_id || '/' || objective_number || '/' || lead from ministry_assignment "
                + "where cycle_id = ? order by objective_number, lead desc").param(cycleId).query(String.class).list())
                .containsExactly(interiorId + "/1/true", labourId + "/1/false", labourId + "/2/true",
                        interiorId + "/3/true");
        assertThat(cycles.count("select count(*) from contribution where cycle_id = ?", cycleId)).isEqualTo(4);
        Task interiorDraft = cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry(KEN, "INTERIOR"));
        Task labourDraft = cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry(KEN, "LABOUR"));
        assertThat(interiorDraft.getDueDate()).isEqualTo(
                Date.from(CycleFixture.inDays(30).atTime(23, 59).toInstant(java.time.ZoneOffset.UTC)));

        // ---------------------------------------------------------------- drafting: who may open the task
        mvc.perform(get("/tasks/" + interiorDraft.getId()).with(TestUsers.as(ghanaInterior)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/tasks/" + interiorDraft.getId()).with(TestUsers.as(labour)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + interiorDraft.getId()).with(TestUsers.as(ghanaInterior)).with(csrf())
                        .param("action", "submit").param("answerschecked", "yes"))
                .andExpect(status().isForbidden());

        // ---------------------------------------------------------------- drafting: save, conflict, submit
        long interior1 = contribution(cycleId, interiorId, 1);
        long interior3 = contribution(cycleId, interiorId, 3);
        mvc.perform(get("/tasks/" + interiorDraft.getId()).with(TestUsers.as(interior)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"version-" + interior1 + "\" value=\"0\"")));
        mvc.perform(draft(interiorDraft, interior, "save", interior1, "IN_PROGRESS", "Border data is shared.", 0))
                .andExpect(redirectedUrl("/tasks/" + interiorDraft.getId()));
        assertThat(cycles.count("select lock_version from contribution where id = ?", interior1)).isEqualTo(1);
        assertThat(cycles.count("select count(*) from contribution_revision where contribution_id = ? "
                + "and author_id = ? and body = 'Border data is shared.'", interior1, interior.id())).isEqualTo(1);

        // a colleague still has version 0 open and saves a different text: refused, both texts shown
        mvc.perform(draft(interiorDraft, interiorColleague, "save", interior1, "PLANNED", "A data strategy is planned.", 0))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Someone else saved objective 1"),
                        containsString("Border data is shared."), containsString("A data strategy is planned."))));
        assertThat(jdbc.sql("select body from contribution where id = ?").param(interior1).query(String.class)
                .single()).isEqualTo("Border data is shared.");
        assertThat(cycles.count("select count(*) from contribution_revision where contribution_id = ?", interior1))
                .isEqualTo(1);

        // submitting needs a status and a narrative for every objective
        mvc.perform(draft(interiorDraft, interior, "submit", interior1, "IN_PROGRESS", "Border data is shared.", 1))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose the implementation status of objective 3")));
        assertThat(cycles.count("select count(*) from contribution where cycle_id = ? and submitted_at is not null",
                cycleId)).isZero();
        mvc.perform(draft(interiorDraft, interior, "submit", interior1, "IN_PROGRESS", "Border data is shared.", 1)
                        .param("status-" + interior3, "PLANNED").param("body-" + interior3, "Consular network review.")
                        .param("version-" + interior3, "0"))
                .andExpect(redirectedUrl("/tasks"));

        long labour1 = contribution(cycleId, labourId, 1);
        long labour2 = contribution(cycleId, labourId, 2);
        mvc.perform(draft(labourDraft, labour, "submit", labour1, "IMPLEMENTED", "Labour statistics published.", 0)
                        .param("status-" + labour2, "IN_PROGRESS").param("body-" + labour2, "Pre-departure training.")
                        .param("version-" + labour2, "0"))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(cycles.count("select count(*) from contribution where cycle_id = ? and submitted_at is not null",
                cycleId)).isEqualTo(4);

        // ---------------------------------------------------------------- consolidation
        assertThat(cycles.cycleStatus(cycleId)).isEqualTo(CycleStatus.CONSOLIDATION);
        Task consolidate = cycles.task(cycleId, "ConsolidateReport");
        mvc.perform(get("/tasks/" + consolidate.getId()).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Border data is shared."),
                        containsString("Labour statistics published."), containsString("Pre-departure training."))));
        Map<Long, String> report = sectionTexts(cycleId, "v1");
        long intro = section(cycleId, "INTRODUCTION");
        Map<Long, String> withoutIntro = new LinkedHashMap<>(report);
        withoutIntro.put(intro, "");
        mvc.perform(sections(consolidate, coordinator, "send", withoutIntro))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write the section")));
        assertThat(cycles.count("select count(*) from section_revision r join report_section s on s.id = r.section_id "
                + "where s.cycle_id = ?", cycleId)).isZero();
        mvc.perform(sections(consolidate, coordinator, "send", report)).andExpect(redirectedUrl("/tasks"));
        assertThat(cycles.count("select count(*) from section_revision r join report_section s on s.id = r.section_id "
                + "where s.cycle_id = ?", cycleId)).isEqualTo(7);
        assertThat(cycles.cycleStatus(cycleId)).isEqualTo(CycleStatus.CONSULTATION);

        // ---------------------------------------------------------------- consultation (driven through Camunda)
        ProcessInstance consultation = cycles.consultation(cycleId);
        runtimeService.createProcessInstanceModification(consultation.getId())
                .startBeforeActivity("RespondToInputs")
                .cancelAllForActivity("WindowOpensTimer")
                .execute();
        Task respond = cycles.task(cycleId, "RespondToInputs");
        taskService.complete(respond.getId(), Map.of("reviseDraft", true));

        Task revise = cycles.task(cycleId, "ReviseDraftAfterConsultation");
        mvc.perform(sections(revise, coordinator, "send", Map.of(intro, "Introduction, revised after consultation.")))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(cycles.cycleStatus(cycleId)).isEqualTo(CycleStatus.SIGN_OFF);

        // ---------------------------------------------------------------- sign-off round 1: changes requested
        Task interiorSignOff = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry(KEN, "INTERIOR"));
        Task labourSignOff = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry(KEN, "LABOUR"));
        mvc.perform(get("/tasks/" + interiorSignOff.getId()).with(TestUsers.as(interior)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"round\">1</strong>"),
                        containsString("Introduction, revised after consultation."))));
        mvc.perform(signOff(interiorSignOff, interior, "request-changes", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Say which changes you need")));
        assertThat(cycles.count("select count(*) from signoff_decision where cycle_id = ?", cycleId)).isZero();
        mvc.perform(signOff(labourSignOff, labour, "approve", "")).andExpect(redirectedUrl("/tasks"));
        long objective3 = section(cycleId, "OBJECTIVE", 3);
        mvc.perform(signOff(interiorSignOff, interior, "request-changes", "Objective 3 must name the new law.")
                        .param("sections", String.valueOf(objective3)))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(decisions(cycleId)).containsExactlyInAnyOrder(
                "1/" + interiorId + "/CHANGES_REQUESTED", "1/" + labourId + "/APPROVED");

        // ---------------------------------------------------------------- revision, round 2: both approve
        Task revision = cycles.task(cycleId, "ReviseRequestedSections");
        String revisionPage = mvc.perform(get("/tasks/" + revision.getId()).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Objective 3 must name the new law.")))
                .andReturn().getResponse().getContentAsString();
        // the named section comes first, then the rest of the report
        assertThat(revisionPage.indexOf("Sections with requested changes"))
                .isLessThan(revisionPage.indexOf("id=\"body-" + objective3 + "\""));
        assertThat(revisionPage.indexOf("id=\"body-" + objective3 + "\""))
                .isLessThan(revisionPage.indexOf("Other sections"));
        assertThat(revisionPage.indexOf("Other sections")).isLessThan(revisionPage.indexOf("id=\"body-" + intro + "\""));
        mvc.perform(sections(revision, coordinator, "send",
                        Map.of(objective3, "Consular network review; the 2025 Migration Act was adopted.")))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(cycles.openTasks(cycleId, "SignOffReport")).isEqualTo(2);
        mvc.perform(signOff(cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry(KEN, "INTERIOR")),
                interior, "approve", "")).andExpect(redirectedUrl("/tasks"));
        assertThat(cycles.cycleStatus(cycleId)).isEqualTo(CycleStatus.SIGN_OFF);
        mvc.perform(signOff(cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry(KEN, "LABOUR")),
                labour, "approve", "")).andExpect(redirectedUrl("/tasks"));
        assertThat(decisions(cycleId)).containsExactlyInAnyOrder(
                "1/" + interiorId + "/CHANGES_REQUESTED", "1/" + labourId + "/APPROVED",
                "2/" + interiorId + "/APPROVED", "2/" + labourId + "/APPROVED");

        // ---------------------------------------------------------------- frozen version and endorsement
        assertThat(cycles.cycleStatus(cycleId)).isEqualTo(CycleStatus.ENDORSEMENT);
        Task endorse = cycles.task(cycleId, "EndorseFinalReport");
        long versionId = ((Number) taskService.getVariable(endorse.getId(), "reportVersionId")).longValue();
        Map<String, Object> version = jdbc.sql("select cycle_id, version_no, content, sha256 from report_version "
                + "where id = ?").param(versionId).query().singleRow();
        assertThat(((Number) version.get("cycle_id")).longValue()).isEqualTo(cycleId);
        assertThat(version.get("version_no")).isEqualTo(1);
        String content = (String) version.get("content");
        assertThat(content).contains("the 2025 Migration Act was adopted", "Introduction, revised after consultation.");
        assertThat(version.get("sha256")).isEqualTo(sha256(content));
        mvc.perform(get("/tasks/" + endorse.getId()).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(sha256(content)),
                        containsString("The stored content matches its SHA-256."))));
        mvc.perform(post("/tasks/" + endorse.getId()).with(TestUsers.as(coordinator)).with(csrf())
                        .param("action", "endorse").param("note", "Cabinet decision 12/2026"))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(jdbc.sql("select report_version_id from endorsement where cycle_id = ?").param(cycleId)
                .query(Long.class).single()).isEqualTo(versionId);
        assertThat(cycles.cycleStatus(cycleId)).isEqualTo(CycleStatus.READY_TO_SUBMIT);
        assertThat(cycles.openTasks(cycleId, "SubmitToRegionalReview")).isOne();

        assertThat(auditActions(cycleId)).contains("CYCLE_STARTED", "CYCLE_SCOPED", "CONTRIBUTION_SAVED",
                "CONTRIBUTION_SUBMITTED", "REPORT_SECTIONS_SAVED", "REPORT_CONSOLIDATED",
                "REPORT_REVISED_AFTER_CONSULTATION", "SIGNOFF_CHANGES_REQUESTED", "SIGNOFF_APPROVED",
                "REPORT_REVISED_FOR_SIGNOFF", "REPORT_VERSION_FROZEN", "REPORT_ENDORSED");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    long contribution(long cycleId, long ministryId, int objective) {
        return jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ? and objective_number = ?")
                .params(cycleId, ministryId, objective).query(Long.class).single();
    }

    long section(long cycleId, String kind) {
        return jdbc.sql("select id from report_section where cycle_id = ? and kind = ?").params(cycleId, kind)
                .query(Long.class).single();
    }

    long section(long cycleId, String kind, int objective) {
        return jdbc.sql("select id from report_section where cycle_id = ? and kind = ? and objective_number = ?")
                .params(cycleId, kind, objective).query(Long.class).single();
    }

    /** A text for every section of the report. */
    Map<Long, String> sectionTexts(long cycleId, String tag) {
        Map<Long, String> texts = new LinkedHashMap<>();
        jdbc.sql("select id, title from report_section where cycle_id = ? order by position").param(cycleId)
                .query((rs, row) -> texts.put(rs.getLong(1), rs.getString(2) + " (" + tag + ")")).list();
        return texts;
    }

    MockHttpServletRequestBuilder draft(Task task, CurrentUser user, String action, long contributionId,
            String implementationStatus, String body, int version) {
        return post("/tasks/" + task.getId()).with(TestUsers.as(user)).with(csrf()).param("action", action).param("answerschecked", "yes")
                .param("status-" + contributionId, implementationStatus).param("body-" + contributionId, body)
                .param("version-" + contributionId, String.valueOf(version));
    }

    /** A report form with these section texts, each with the lock_version the page would carry now. */
    MockHttpServletRequestBuilder sections(Task task, CurrentUser user, String action, Map<Long, String> texts) {
        MockHttpServletRequestBuilder form = post("/tasks/" + task.getId()).with(TestUsers.as(user)).with(csrf())
                .param("action", action).param("answerschecked", "yes");
        texts.forEach((id, body) -> {
            Map<String, Object> row = jdbc.sql("select lock_version, kind from report_section where id = ?").param(id)
                    .query().singleRow();
            form.param("body-" + id, body).param("version-" + id, String.valueOf(row.get("lock_version")));
            if ("OBJECTIVE".equals(row.get("kind"))) {
                form.param("status-" + id, "IN_PROGRESS");
            }
        });
        return form;
    }

    MockHttpServletRequestBuilder signOff(Task task, CurrentUser user, String action, String reason) {
        return post("/tasks/" + task.getId()).with(TestUsers.as(user)).with(csrf()).param("action", action).param("answerschecked", "yes")
                .param("reason", reason);
    }

    List<String> decisions(long cycleId) {
        return jdbc.sql("select round_no || '/' || ministry_id || '/' || decision from signoff_decision "
                + "where cycle_id = ? order by round_no, decision, ministry_id").param(cycleId).query(String.class).list();
    }

    List<String> auditActions(long cycleId) {
        return jdbc.sql("""
                select action from audit_event
                 where (subject_type = 'review_cycle' and subject_id = ?)
                    or (subject_type = 'signoff_decision' and subject_id in
                        (select id::text from signoff_decision where cycle_id = ?))
                    or (subject_type = 'report_version' and subject_id in
                        (select id::text from report_version where cycle_id = ?))
                 order by id""").params(String.valueOf(cycleId), cycleId, cycleId).query(String.class).list();
    }

    static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
