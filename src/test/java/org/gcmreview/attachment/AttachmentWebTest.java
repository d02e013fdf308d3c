package org.gcmreview.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.report.history.ReportTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Downloading and removing evidence over HTTP: who may, and what the response says about the file. */
@ApplicationTest
class AttachmentWebTest {

    @Autowired
    ReportVersions versions;
    @Autowired
    MockMvc mvc;
    @Autowired
    AttachmentService attachments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    ReportTestData data;

    CurrentUser coordinator;
    CurrentUser interior;
    long cycleId;
    long contributionId;

    @BeforeEach
    void aKenyanContribution() {
        coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
        cycleId = data.cycle(coordinator);
        contributionId = data.contribution(cycleId, interior, 7);
    }

    Attachment stored(String name, byte[] content) {
        return attachments.store(OwnerKind.CONTRIBUTION, contributionId, cycleId, "KEN",
                new MockMultipartFile("evidence", name, "application/octet-stream", content), interior);
    }

    boolean exists(Attachment attachment) {
        return jdbc.sql("select count(*) from attachment where public_id = ?").param(attachment.publicId())
                .query(Integer.class).single() == 1;
    }

    @Test
    void theCountrysUsersDownloadTheExactBytesAsAnAttachment() throws Exception {
        byte[] pdf = SampleFiles.pdf();
        Attachment file = stored("Évaluation \"finale\".pdf", pdf);
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        mvc.perform(get("/attachments/" + file.publicId()).with(TestUsers.as(users.admin())))
                .andExpect(status().isForbidden());
        for (CurrentUser user : new CurrentUser[] {interior, coordinator, labour}) {
            mvc.perform(get("/attachments/" + file.publicId()).with(TestUsers.as(user)))
                    .andExpect(status().isOk())
                    .andExpect(content().bytes(pdf))
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().longValue("Content-Length", pdf.length))
                    // quotes were replaced when the name was stored; the accent survives in the encoded name
                    .andExpect(header().string("Content-Disposition", "attachment; filename=\"_valuation _finale_.pdf\"; "
                            + "filename*=UTF-8''%C3%89valuation%20_finale_.pdf"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Cache-Control", containsString("no-store")))
                    .andExpect(header().string("Content-Security-Policy", containsString("sandbox")));
        }
    }

    @Test
    void theContentTypeIsTheDetectedOneNotTheUploadersClaim() throws Exception {
        Attachment file = stored("sheet.xlsx", SampleFiles.xlsx());
        mvc.perform(get("/attachments/" + file.publicId()).with(TestUsers.as(coordinator)))
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @Test
    void anotherCountrysUsersAreRefused() throws Exception {
        Attachment file = stored("report.pdf", SampleFiles.pdf());
        mvc.perform(get("/attachments/" + file.publicId()).with(TestUsers.as(users.coordinator("GHA"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/attachments/" + file.publicId()).with(TestUsers.as(users.ministry("GHA", "INTERIOR"))))
                .andExpect(status().isForbidden());
        // a secretariat sees a cycle only once it was submitted to it
        mvc.perform(get("/attachments/" + file.publicId()).with(TestUsers.as(users.regionalSecretariat("ECA"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/attachments/" + file.publicId()).with(TestUsers.as(users.imrfSecretariat())))
                .andExpect(status().isForbidden());
    }

    @Test
    void aStakeholderDownloadsOnlyTheFilesTheyAdded() throws Exception {
        Attachment evidence = stored("report.pdf", SampleFiles.pdf());
        CurrentUser stakeholder = users.stakeholder("KEN", "Diaspora Forum");
        CurrentUser otherOrganisation = users.stakeholder("KEN", "Another forum " + UUID.randomUUID());
        Attachment own = attachments.store(OwnerKind.CONSULTATION_INPUT,
                data.consultationInput(cycleId, stakeholder, "Our view"), cycleId, "KEN",
                new MockMultipartFile("attachment", "ours.pdf", "application/pdf", SampleFiles.pdf()), stakeholder);
        Attachment theirs = attachments.store(OwnerKind.CONSULTATION_INPUT,
                data.consultationInput(cycleId, otherOrganisation, "Their view"), cycleId, "KEN",
                new MockMultipartFile("attachment", "theirs.pdf", "application/pdf", SampleFiles.pdf()),
                otherOrganisation);

        mvc.perform(get("/attachments/" + own.publicId()).with(TestUsers.as(stakeholder))).andExpect(status().isOk());
        // a ministry's drafting evidence and another organisation's input, although of the stakeholder's country
        mvc.perform(get("/attachments/" + evidence.publicId()).with(TestUsers.as(stakeholder)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/attachments/" + theirs.publicId()).with(TestUsers.as(stakeholder)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/attachments/" + theirs.publicId()).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk());
    }

    @Test
    void unknownIdsAreNotFoundAndAnonymousVisitorsMustSignIn() throws Exception {
        stored("report.pdf", SampleFiles.pdf());
        mvc.perform(get("/attachments/" + UUID.randomUUID()).with(TestUsers.as(coordinator)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no such file")));
        mvc.perform(get("/attachments/not-an-id").with(TestUsers.as(coordinator))).andExpect(status().isNotFound());
        mvc.perform(get("/attachments/1-1-1-1-1").with(TestUsers.as(coordinator))).andExpect(status().isNotFound());
        mvc.perform(get("/attachments/" + UUID.randomUUID())).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void theUploaderRemovesTheirFileAndReturnsToTheirPage() throws Exception {
        Attachment file = stored("report.pdf", SampleFiles.pdf());
        mvc.perform(post("/attachments/" + file.publicId() + "/delete").param("returnTo", "/tasks/abc")
                        .with(TestUsers.as(interior)).with(csrf()))
                .andExpect(redirectedUrl("/tasks/abc"))
                .andExpect(flash().attribute("flash", "\"report.pdf\" was removed."));
        assertThat(exists(file)).isFalse();
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'ATTACHMENT_REMOVED' and subject_id = ? and actor = ?""")
                .params(file.publicId().toString(), interior.username()).query(Integer.class).single()).isOne();
        mvc.perform(get("/attachments/" + file.publicId()).with(TestUsers.as(interior))).andExpect(status().isNotFound());
    }

    @Test
    void theCoordinatorMayRemoveAnyFileOfTheirCountry() throws Exception {
        Attachment file = stored("report.pdf", SampleFiles.pdf());
        mvc.perform(post("/attachments/" + file.publicId() + "/delete").with(TestUsers.as(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(exists(file)).isFalse();
    }

    @Test
    void othersCannotRemoveIt() throws Exception {
        Attachment file = stored("report.pdf", SampleFiles.pdf());
        String url = "/attachments/" + file.publicId() + "/delete";
        mvc.perform(post(url).with(TestUsers.as(users.ministry("KEN", "LABOUR"))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(url).with(TestUsers.as(users.stakeholder("KEN", "Diaspora Forum"))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(url).with(TestUsers.as(users.coordinator("GHA"))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(url).with(TestUsers.as(interior))).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/attachments/" + UUID.randomUUID() + "/delete").with(TestUsers.as(coordinator)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(exists(file)).isTrue();
    }

    /**
     * A secretariat reads only the evidence of a version submitted to its own round: report sections' files that
     * existed when that version was frozen. Not a ministry's drafting evidence, not a file added later, not
     * another round's; and that evidence can no longer be removed by anybody.
     */
    @Test
    void secretariatsReadOnlyTheEvidenceOfVersionsSubmittedToThemAndItStays() throws Exception {
        long sectionId = data.section(cycleId, 7, "Objective 7");
        Attachment evidence = attachments.store(OwnerKind.REPORT_SECTION, sectionId, cycleId, "KEN",
                new MockMultipartFile("evidence", "evidence.pdf", "application/pdf", SampleFiles.pdf()), coordinator);
        Attachment draft = stored("draft.pdf", SampleFiles.pdf());
        long roundId = jdbc.sql("""
                insert into review_round (kind, commission_code, code, name, submission_deadline)
                values ('REGIONAL', 'ECA', ?, 'Test round', current_date + 30) returning id""")
                .param("ECA-T" + UUID.randomUUID().toString().substring(0, 8)).query(Long.class).single();
        jdbc.sql("update review_cycle set regional_round_id = ? where id = ?").params(roundId, cycleId).update();
        // a real frozen version: every version ever frozen must validate against the published schema
        long versionId = versions.freeze(cycleId).id();
        jdbc.sql("""
                insert into submission (cycle_id, round_id, report_version_id, kind, status)
                values (?, ?, ?, 'REGIONAL', 'SUBMITTED')""").params(cycleId, roundId, versionId).update();
        Attachment later = attachments.store(OwnerKind.REPORT_SECTION, sectionId, cycleId, "KEN",
                new MockMultipartFile("evidence", "later.pdf", "application/pdf", SampleFiles.pdf()), coordinator);

        CurrentUser eca = users.regionalSecretariat("ECA");
        mvc.perform(get("/attachments/" + evidence.publicId()).with(TestUsers.as(eca))).andExpect(status().isOk());
        mvc.perform(get("/attachments/" + draft.publicId()).with(TestUsers.as(eca))).andExpect(status().isForbidden());
        mvc.perform(get("/attachments/" + later.publicId()).with(TestUsers.as(eca))).andExpect(status().isForbidden());
        // submitted to a regional round only: not the IMRF's
        mvc.perform(get("/attachments/" + evidence.publicId()).with(TestUsers.as(users.imrfSecretariat())))
                .andExpect(status().isForbidden());

        mvc.perform(post("/attachments/" + evidence.publicId() + "/delete").with(TestUsers.as(coordinator)).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(exists(evidence)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from attachment where public_id = ?")
                        .param(evidence.publicId()).update())
                .hasMessageContaining("evidence of a frozen report version");
        assertThat(exists(evidence)).isTrue();
        // a file added after the freeze is not that version's evidence: its uploader may still remove it
        mvc.perform(post("/attachments/" + later.publicId() + "/delete").with(TestUsers.as(coordinator)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(exists(later)).isFalse();
    }

    @Test
    void nothingIsRemovedOnceTheReportIsPublished() throws Exception {
        Attachment file = stored("report.pdf", SampleFiles.pdf());
        data.publish(cycleId);
        mvc.perform(post("/attachments/" + file.publicId() + "/delete").with(TestUsers.as(interior)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("has been published")));
        assertThat(exists(file)).isTrue();
    }

    @Test
    void removalNeverRedirectsOffTheSite() throws Exception {
        for (String target : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:x"}) {
            Attachment file = stored("report.pdf", SampleFiles.pdf());
            mvc.perform(post("/attachments/" + file.publicId() + "/delete").param("returnTo", target)
                            .with(TestUsers.as(interior)).with(csrf()))
                    .andExpect(redirectedUrl("/tasks"));
        }
    }
}
