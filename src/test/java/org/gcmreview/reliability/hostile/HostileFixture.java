package org.gcmreview.reliability.hostile;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.gcmreview.attachment.AttachmentService;
import org.gcmreview.attachment.OwnerKind;
import org.gcmreview.consultation.ConsultationScenario;
import org.gcmreview.consultation.ConsultationScenarios;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.incident.FailedJobs;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.people.PeopleTestData;
import org.gcmreview.report.history.ReportTestData;
import org.gcmreview.submission.ReviewFixtures;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The data the hostile requests aim at, made fresh for each request through the other features' own test
 * fixtures (CycleFixture, ConsultationScenarios, ReviewFixtures, ReportTestData, TestUsers); a bean of
 * {@code @ApplicationTest}, new for every test instance.
 */
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // its users are made once per test instance
public final class HostileFixture {

    final MockMvc mvc;
    final JdbcClient jdbc;
    final TestUsers users;
    final CycleFixture cycles;
    final ReviewFixtures reviews;
    final ReportTestData reports;
    final PeopleTestData people;
    private final ConsultationScenarios consultations;
    private final RuntimeService runtime;
    final ManagementService management;
    private final AttachmentService attachments;
    private CurrentUser coordinator;
    private CurrentUser admin;
    private CurrentUser eca;

    public HostileFixture(MockMvc mvc, JdbcClient jdbc, TestUsers users, CycleFixture cycles, ReviewFixtures reviews,
            ReportTestData reports, PeopleTestData people, ConsultationScenarios consultations,
            AttachmentService attachments, RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.users = users;
        this.cycles = cycles;
        this.reviews = reviews;
        this.reports = reports;
        this.people = people;
        this.consultations = consultations;
        this.attachments = attachments;
    }

    /** A new failed job (incident) of a new cycle of the fixture's coordinator. */
    FailedJobs.Failure newFailure() {
        return new FailedJobs(reviews, runtime, management).newFailure(coordinator());
    }

    CurrentUser coordinator() {
        if (coordinator == null) {
            coordinator = users.coordinator("KEN");
        }
        return coordinator;
    }

    CurrentUser admin() {
        if (admin == null) {
            admin = users.admin();
        }
        return admin;
    }

    CurrentUser eca() {
        if (eca == null) {
            eca = users.regionalSecretariat("ECA");
        }
        return eca;
    }

    /** A Kenyan consultation whose window is open, individuals allowed. */
    ConsultationScenario consultation() {
        return consultations.open();
    }

    /** An organisation's input, sent through the public page; its id. */
    long input(ConsultationScenario scenario) throws Exception {
        String body = "An input about objective one, " + UUID.randomUUID();
        mvc.perform(scenario.input(scenario.stakeholder(), "objective:1", body)).andExpect(status().is3xxRedirection());
        return scenario.inputId(scenario.referenceOf(body));
    }

    /** An organisation that registered itself and waits for the Kenyan coordinator: its id. */
    long pendingOrganisation() {
        String name = "Pending forum " + UUID.randomUUID();
        jdbc.sql("""
                insert into organisation (country_iso3, name, stakeholder_type, verified)
                values ('KEN', ?, 'MIGRANT_DIASPORA', false)""").param(name).update();
        return jdbc.sql("select id from organisation where name = ?").param(name).query(Long.class).single();
    }

    /** A file of evidence on a Kenyan ministry's contribution, removable by the coordinator: its public id. */
    String attachment() {
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        long cycleId = reports.cycle(coordinator());
        long contribution = reports.contribution(cycleId, interior, 7);
        return attachments.store(OwnerKind.CONTRIBUTION, contribution, cycleId, "KEN",
                new MockMultipartFile("evidence", "chart.png", "image/png", png()), interior).publicId().toString();
    }

    /** An API token of the ECA secretariat: its id. */
    long token() throws Exception {
        String name = "token " + UUID.randomUUID();
        mvc.perform(FormPost.of("/secretariat/tokens", eca()).field("name", name).valid())
                .andExpect(status().isOk());
        return jdbc.sql("select id from secretariat_api_token where name = ?").param(name).query(Long.class).single();
    }

    long round() {
        return reviews.regionalRound("ESCAP").id();
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
