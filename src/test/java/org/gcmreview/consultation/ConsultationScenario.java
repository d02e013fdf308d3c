package org.gcmreview.consultation;

import static org.gcmreview.identity.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.submission.ReviewFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A Kenyan review cycle (objectives 1 to 3 in scope) with its stakeholder-consultation process started the
 * way national-review starts it, a coordinator, and helpers to send inputs. Every request a test sends comes
 * from its own client address, so the per-address rate limit of one test never touches another.
 */
public final class ConsultationScenario {

    final JdbcClient jdbc;
    final TestUsers users;
    final ReviewFixtures fixtures;
    public final CurrentUser coordinator;
    public final ReviewCycle cycle;
    final Instant opensAt;
    final Instant closesAt;
    final ProcessInstance consultation;
    final String address = randomAddress();

    ConsultationScenario(JdbcClient jdbc, TestUsers users, ReviewFixtures fixtures, RuntimeService runtimeService,
            Instant opensAt) {
        this.jdbc = jdbc;
        this.users = users;
        this.fixtures = fixtures;
        this.coordinator = users.coordinator("KEN");
        this.cycle = fixtures.cycle(coordinator);
        this.opensAt = opensAt.truncatedTo(ChronoUnit.SECONDS);
        this.closesAt = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        this.consultation = runtimeService.createProcessInstanceByKey("stakeholder-consultation")
                .businessKey(cycle.businessKey())
                .setVariables(Map.of("cycleId", cycle.id(), "countryIso3", "KEN",
                        "coordinatorGroup", CandidateGroups.coordinator("KEN"),
                        "consultationOpensAt", Date.from(this.opensAt),
                        "consultationClosesAt", Date.from(closesAt)))
                .execute();
    }

    public void openWindow() {
        fixtures.runJob(consultation.getId(), "WindowOpensTimer");
    }

    ConsultationWindow window() {
        return new ConsultationWindows(jdbc).windowOf(cycle.id()).orElseThrow();
    }

    public Task respondTask() {
        return fixtures.task(consultation.getId(), "RespondToInputs");
    }

    public CurrentUser stakeholder() {
        return users.stakeholder("KEN", "Forum " + UUID.randomUUID());
    }

    /** A verified organisation of the given stakeholder type. */
    CurrentUser stakeholder(String type) {
        CurrentUser user = stakeholder();
        jdbc.sql("update organisation set stakeholder_type = ? where id = ?").params(type, user.organisationId())
                .update();
        return user;
    }

    public void allowIndividuals() {
        jdbc.sql("update consultation_window set allow_individuals = true where cycle_id = ?").param(cycle.id())
                .update();
    }

    /** An organisation's input as the public page's form sends it. */
    MockHttpServletRequestBuilder input(CurrentUser user, String key, String target, String body) {
        return post("/consultations/" + cycle.businessKey() + "/inputs").with(as(user)).with(csrf()).with(from(address))
                .param("idempotencyKey", key).param("target", target).param("language", "en").param("body", body);
    }

    public MockHttpServletRequestBuilder input(CurrentUser user, String target, String body) {
        return input(user, UUID.randomUUID().toString(), target, body);
    }

    /** An individual's input, signed out. */
    MockHttpServletRequestBuilder individualInput(String name, String email, String target, String body) {
        return post("/consultations/" + cycle.businessKey() + "/individual-inputs").with(csrf()).with(from(address))
                .param("idempotencyKey", UUID.randomUUID().toString()).param("authorName", name)
                .param("authorEmail", email).param("target", target).param("language", "en").param("body", body);
    }

    /**
     * Stores many confirmed inputs of the maximum length straight into the window (the web layer's limits would
     * take hours to send them), for tests of long lists.
     */
    void storeLongInputs(CurrentUser author, int count, String status) {
        long window = window().id();
        for (int i = 0; i < count; i++) {
            long id = jdbc.sql("select nextval('consultation_input_id_seq')").query(Long.class).single();
            String body = ("Long input " + i + " ").repeat(600).substring(0, 5000);
            jdbc.sql("""
                    insert into consultation_input (id, window_id, reference, idempotency_key, organisation_id,
                        author_user_id, objective_number, language, body, status, confirmed_at)
                    values (?, ?, ?, ?, ?, ?, 1, 'en', ?, ?, now())""")
                    .params(id, window, "KEN-CI-%06d".formatted(id), UUID.randomUUID(), author.organisationId(),
                            author.id(), body, status)
                    .update();
        }
    }

    /** Every input row of the cycle, confirmed or not. */
    int storedInputs() {
        return jdbc.sql("""
                select count(*) from consultation_input i join consultation_window w on w.id = i.window_id
                 where w.cycle_id = ?""").param(cycle.id()).query(Integer.class).single();
    }

    public long inputId(String reference) {
        return jdbc.sql("select id from consultation_input where reference = ?").param(reference).query(Long.class)
                .single();
    }

    /** The reference of the input with this text (texts are unique within a test). */
    public String referenceOf(String body) {
        return jdbc.sql("""
                select i.reference from consultation_input i join consultation_window w on w.id = i.window_id
                 where w.cycle_id = ? and i.body = ?""").params(cycle.id(), body).query(String.class).single();
    }

    int audit(String action) {
        return jdbc.sql("select count(*) from audit_event where action = ? and country_iso3 = 'KEN' and ("
                        + "subject_id = ? or subject_id in (select id::text from consultation_window where cycle_id = ?)"
                        + " or subject_id in (select reference from consultation_input i join consultation_window w"
                        + " on w.id = i.window_id where w.cycle_id = ?))")
                .params(action, String.valueOf(cycle.id()), cycle.id(), cycle.id()).query(Integer.class).single();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** An address from 10.0.0.0/8, different for every scenario in practice. */
    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
