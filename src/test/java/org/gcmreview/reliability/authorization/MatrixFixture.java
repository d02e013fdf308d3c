package org.gcmreview.reliability.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.attachment.AttachmentService;
import org.gcmreview.attachment.OwnerKind;
import org.gcmreview.attachment.SampleFiles;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.incident.FailedJobs;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.people.PeopleTestData;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.report.history.ReportTestData;
import org.gcmreview.submission.publication.TranslationTestData;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.RoundProcesses;
import org.springframework.context.ApplicationContext;
import org.gcmreview.notices.NoticesTestData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * The users and the data the matrix's requests need, all of Kenya (KEN, ECA) unless said otherwise. Users are
 * made once per caller. Data a request may change is made fresh for each request that asks for it (the
 * {@code new...} methods); data only read (GET) is made once and shared by every caller (the other methods), which
 * keeps the matrix fast.
 */
final class MatrixFixture {

    /** The matrix's own review rounds lie far ahead, so they are never a commission's current round. */
    private static final int ROUND_DEADLINE_DAYS = 700;

    private final JdbcClient jdbc;
    private final TestUsers users;
    private final CycleFixture cycles;
    private final ReviewFixtures reviews;
    private final ReportTestData reports;
    private final TranslationTestData translations;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ReportVersions versions;
    private final AttachmentService attachments;
    private final RoundProcesses roundProcesses;
    private final MockMvc mvc;
    private final PeopleTestData people;
    private final Map<Caller, CurrentUser> callers = new EnumMap<>(Caller.class);
    private final Map<String, Object> shared = new HashMap<>();

    MatrixFixture(ApplicationContext context) {
        MockMvc mvc = context.getBean(MockMvc.class);
        TaskService tasks = context.getBean(TaskService.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.management = context.getBean(ManagementService.class);
        this.users = new TestUsers(jdbc);
        this.cycles = new CycleFixture(mvc, jdbc, tasks, runtime);
        this.reviews = new ReviewFixtures(jdbc, context.getBean(ReviewCycles.class), runtime,
                context.getBean(ManagementService.class), tasks);
        this.reports = new ReportTestData(jdbc);
        this.translations = new TranslationTestData(context);
        this.versions = context.getBean(ReportVersions.class);
        this.attachments = context.getBean(AttachmentService.class);
        this.roundProcesses = context.getBean(RoundProcesses.class);
        this.mvc = mvc;
        this.people = new PeopleTestData(jdbc);
    }

    /** Accounts, ministries and set-password links (org.gcmreview.people). */
    NoticesTestData notices() {
        return new NoticesTestData(jdbc);
    }

    PeopleTestData people() {
        return people;
    }

    /** The caller's user (null for anonymous); the same user for every request of that caller. */
    CurrentUser user(Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return null;
        }
        return callers.computeIfAbsent(caller, c -> c.create(users));
    }

    /** A new Kenyan pending single sign-on account (an approval changes it, so each caller gets its own). */
    CurrentUser pendingAccount() {
        return users.pending("KEN");
    }

    private CurrentUser coordinator() {
        return user(Caller.COORDINATOR);
    }

    /**
     * Made on first use and then shared by every caller: only for data no request changes in a way that could
     * change another caller's answer (reads, or new inputs added to a shared consultation).
     */
    @SuppressWarnings("unchecked")
    private <T> T once(String name, ThrowingSupplier<T> make) throws Exception {
        Object value = shared.get(name);
        if (value == null) {
            value = make.get();
            shared.put(name, value);
        }
        return (T) value;
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    // ---------------------------------------------------------------- tasks and cycles

    /** A new review cycle of Kenya, begun by the matrix's coordinator: its "Scope the review" task's id. */
    String newCoordinatorTask() throws Exception {
        long cycleId = cycles.start(coordinator(), CycleFixture.uniqueCode());
        return cycles.task(cycleId, "ScopeReview").getId();
    }

    /** The "Draft contribution" task of the matrix's ministry in a new, scoped Kenyan cycle (read only). */
    String ministryTask() throws Exception {
        return once("ministryTask", () -> {
            CurrentUser ministry = user(Caller.MINISTRY);
            long cycleId = cycles.start(coordinator(), CycleFixture.uniqueCode());
            mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator(),
                    List.of(ministry.ministryId()), Map.of(1, ministry.ministryId())))
                    .andExpect(MockMvcResultMatchers.status().is3xxRedirection());
            return cycles.task(cycleId, "DraftContribution",
                    CandidateGroups.ministry("KEN", ministry.ministryCode())).getId();
        });
    }

    /** A new cycle with the matrix ministry's drafting task: the cycle's id and the task's id. */
    String[] newMinistryTask() throws Exception {
        CurrentUser ministry = user(Caller.MINISTRY);
        long cycleId = cycles.start(coordinator(), CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator(),
                List.of(ministry.ministryId()), Map.of(1, ministry.ministryId())))
                .andExpect(MockMvcResultMatchers.status().is3xxRedirection());
        return new String[] {String.valueOf(cycleId), cycles.task(cycleId, "DraftContribution",
                CandidateGroups.ministry("KEN", ministry.ministryCode())).getId()};
    }

    /** The matrix ministry's drafting task in a scoped cycle, for the Word round trip: [cycle id, task id]. */
    String[] wordTask() throws Exception {
        return once("wordTask", this::newMinistryTask);
    }

    /** The matrix ministry's unchanged contribution file, uploaded and waiting for confirmation: [task id, upload id]. */
    String[] wordImport() throws Exception {
        return once("wordImport", this::newWordImport);
    }

    String[] newWordImport() throws Exception {
        String[] task = newMinistryTask();
        CurrentUser ministry = user(Caller.MINISTRY);
        byte[] file = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/cycles/" + task[0] + "/ministries/" + ministry.ministryId() + "/contribution.docx")
                        .with(TestUsers.as(ministry)))
                .andExpect(MockMvcResultMatchers.status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String location = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/tasks/" + task[1] + "/word")
                        .file(new MockMultipartFile("file", "contribution.docx", "application/octet-stream", file))
                        .with(TestUsers.as(ministry))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()))
                .andExpect(MockMvcResultMatchers.status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return new String[] {task[1], location.substring(location.lastIndexOf('/') + 1)};
    }

    /** The "Prepare the regional synthesis" task of a new round of ECA (read only). */
    String regionalTask() throws Exception {
        return once("regionalTask", () -> {
            String instance = roundProcesses.ensureRunning(newRound());
            return reviews.task(instance, "PrepareRegionalSynthesis").getId();
        });
    }

    /** The "Prepare the forum and close the edition" task of a new IMRF edition (read only). */
    String imrfTask() throws Exception {
        return once("imrfTask", () -> {
            long edition = reviews.round("IMRF", null, LocalDate.now().plusDays(ROUND_DEADLINE_DAYS)).id();
            return reviews.task(roundProcesses.ensureRunning(edition), "CloseImrfEdition").getId();
        });
    }

    /** A Kenyan cycle in the making (a small report, not submitted anywhere). */
    /** A new failed job (incident) of a new Kenyan cycle's national review. */
    FailedJobs.Failure newFailure() throws Exception {
        return new FailedJobs(reviews, runtime, management).newFailure(coordinator());
    }

    long draftCycle() throws Exception {
        return once("draftCycle", () -> reviews.cycle(coordinator()).id());
    }

    // ---------------------------------------------------------------- report history

    /** A cycle with a report section and a contribution of the matrix's ministry, each with two revisions. */
    record History(long cycleId, long sectionId, long contributionId) {
    }

    History history() throws Exception {
        return once("history", () -> {
            CurrentUser coordinator = coordinator();
            CurrentUser ministry = user(Caller.MINISTRY);
            long cycleId = reports.cycle(coordinator);
            long section = reports.section(cycleId, 5, "Objective 5");
            reports.sectionRevision(section, 1, "First text of the section.", "PLANNED", coordinator, "first");
            reports.sectionRevision(section, 2, "Second text of the section.", "IN_PROGRESS", coordinator, "second");
            long contribution = reports.contribution(cycleId, ministry, 7);
            reports.contributionRevision(contribution, 1, "First draft.", "PLANNED", ministry);
            reports.contributionRevision(contribution, 2, "Second draft.", "IN_PROGRESS", ministry);
            return new History(cycleId, section, contribution);
        });
    }

    /** An open comment thread on the history fixture's section, by the coordinator (issue 16.2). */
    long comment() throws Exception {
        History history = history();
        return once("comment", () -> jdbc.sql("""
                insert into report_comment (cycle_id, section_id, body, author_id) values (?, ?, ?, ?) returning id""")
                .params(history.cycleId(), history.sectionId(), "A matrix comment.", coordinator().id())
                .query(Long.class).single());
    }

    // ---------------------------------------------------------------- follow-up items (issue 16.3)

    /** A cycle built on an endorsed report, with one follow-up item naming no objective: its ids. */
    record FollowUp(long cycleId, long itemId) {
    }

    FollowUp followUp() throws Exception {
        return once("followUp", () -> {
            long previous = reviews.cycle(coordinator()).id();
            long version = versions.freeze(previous).id();
            long cycleId = reviews.cycle(coordinator()).id();
            long item = jdbc.sql("""
                    insert into follow_up_item (cycle_id, position, commitment, from_version_id)
                    values (?, 0, 'Publish migration data every year.', ?) returning id""")
                    .params(cycleId, version).query(Long.class).single();
            return new FollowUp(cycleId, item);
        });
    }

    // ---------------------------------------------------------------- attachments

    /** Evidence the matrix's ministry added to its contribution (shared: downloads change nothing). */
    String contributionEvidence() throws Exception {
        return once("contributionEvidence", this::newContributionEvidence);
    }

    /** New evidence the matrix's ministry added to a contribution of a new cycle: for removing it. */
    String newContributionEvidence() {
        CurrentUser ministry = user(Caller.MINISTRY);
        long cycleId = reports.cycle(coordinator());
        long contribution = reports.contribution(cycleId, ministry, 7);
        return attachments.store(OwnerKind.CONTRIBUTION, contribution, cycleId, "KEN", pdf(), ministry).publicId()
                .toString();
    }

    /** The file of a consultation input sent by the matrix's stakeholder. */
    String ownInputFile() throws Exception {
        return once("ownInputFile", () -> inputFile(user(Caller.STAKEHOLDER)));
    }

    /** The file of a consultation input sent by another organisation of Kenya. */
    String otherOrganisationsInputFile() throws Exception {
        return once("otherInputFile", () -> inputFile(users.stakeholder("KEN", "Other organisation " + UUID.randomUUID())));
    }

    private String inputFile(CurrentUser stakeholder) {
        long cycleId = reports.cycle(coordinator());
        long input = reports.consultationInput(cycleId, stakeholder, "Our view on the review.");
        return attachments.store(OwnerKind.CONSULTATION_INPUT, input, cycleId, "KEN", pdf(), stakeholder).publicId()
                .toString();
    }

    private static MockMultipartFile pdf() {
        return new MockMultipartFile("evidence", "evidence.pdf", "application/pdf", SampleFiles.pdf());
    }

    // ---------------------------------------------------------------- consultation

    /** An open consultation (objectives 1 to 3) of a Kenyan cycle, read only. */
    ReviewCycle openConsultation() throws Exception {
        return once("openConsultation", this::newOpenConsultation);
    }

    /**
     * A new Kenyan cycle whose stakeholder consultation runs and whose window has opened, started the way
     * national-review starts it; individuals may send inputs.
     */
    ReviewCycle newOpenConsultation() {
        ReviewCycle cycle = reviews.cycle(coordinator());
        Instant opensAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant closesAt = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ProcessInstance consultation = runtime.createProcessInstanceByKey("stakeholder-consultation")
                .businessKey(cycle.businessKey())
                .setVariables(Map.of("cycleId", cycle.id(), "countryIso3", "KEN",
                        "coordinatorGroup", CandidateGroups.coordinator("KEN"),
                        "consultationOpensAt", Date.from(opensAt), "consultationClosesAt", Date.from(closesAt)))
                .execute();
        reviews.runJob(consultation.getId(), "WindowOpensTimer");
        jdbc.sql("update consultation_window set allow_individuals = true where cycle_id = ?").param(cycle.id())
                .update();
        return cycle;
    }

    /** A confirmed input of another organisation in the cycle's (open) consultation. */
    long newInput(ReviewCycle cycle) {
        CurrentUser author = users.stakeholder("KEN", "Input organisation " + UUID.randomUUID());
        long id = jdbc.sql("select nextval('consultation_input_id_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into consultation_input (id, window_id, reference, idempotency_key, organisation_id,
                    author_user_id, objective_number, language, body, confirmed_at)
                select ?, w.id, ?, ?, ?, ?, 1, 'en', 'An input on objective 1.', now()
                  from consultation_window w where w.cycle_id = ?""")
                .params(id, "KEN-CI-M%06d".formatted(id), UUID.randomUUID(), author.organisationId(), author.id(),
                        cycle.id())
                .update();
        return id;
    }

    /** An individual's input of the cycle's consultation that waits for its e-mail confirmation: its token. */
    String newPendingConfirmation(ReviewCycle cycle) {
        String token = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 43);
        jdbc.sql("""
                insert into consultation_input (window_id, reference, idempotency_key, author_name, author_email,
                    objective_number, language, body, confirmation_token_sha256, confirmation_expires_at)
                select w.id, ?, ?, 'A person', 'person@example.org', 1, 'en', 'An individual''s input.', ?,
                       now() + interval '1 day'
                  from consultation_window w where w.cycle_id = ?""")
                .params("KEN-CI-P" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID(), sha256(token),
                        cycle.id())
                .update();
        return token;
    }

    String pendingConfirmation() throws Exception {
        return once("pendingConfirmation", () -> newPendingConfirmation(openConsultation()));
    }

    /** A Kenyan organisation that registered and waits for its coordinator's decision. */
    long newPendingOrganisation() {
        users.ensureCountry("KEN");
        return jdbc.sql("""
                insert into organisation (country_iso3, name, stakeholder_type, verified)
                values ('KEN', ?, 'CIVIL_SOCIETY', false) returning id""")
                .param("Pending organisation " + UUID.randomUUID()).query(Long.class).single();
    }

    /** Each request from an address of its own, so that no rate limit of one request touches another. */
    static RequestPostProcessor ownAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    // ---------------------------------------------------------------- submission and publication

    /** A Kenyan cycle submitted to a regional round of ECA (far ahead), and that round. */
    record Submitted(long cycleId, String roundCode) {
    }

    Submitted submitted() throws Exception {
        return once("submitted", () -> {
            ReviewRound round = reviews.round("REGIONAL", "ECA", LocalDate.now().plusDays(ROUND_DEADLINE_DAYS));
            ReviewRound edition = reviews.round("IMRF", null, LocalDate.now().plusDays(ROUND_DEADLINE_DAYS + 30));
            ReviewCycle cycle = reviews.attach(reviews.cycle(coordinator()), round, edition);
            ReportVersion version = versions.freeze(cycle.id());
            jdbc.sql("""
                    insert into submission (cycle_id, round_id, report_version_id, kind, status)
                    values (?, ?, ?, 'REGIONAL', 'SUBMITTED')""").params(cycle.id(), round.id(), version.id()).update();
            jdbc.sql("update review_cycle set status = 'SUBMITTED' where id = ?").param(cycle.id()).update();
            return new Submitted(cycle.id(), round.code());
        });
    }

    /** A regional round of ECA nobody has submitted to yet. */
    long newRound() {
        return reviews.round("REGIONAL", "ECA", LocalDate.now().plusDays(ROUND_DEADLINE_DAYS)).id();
    }

    long round() throws Exception {
        return once("round", this::newRound);
    }

    /** A new API token of the matrix's ECA secretariat: its id. */
    long newApiToken() {
        CurrentUser owner = user(Caller.REGIONAL_SECRETARIAT);
        String secret = "gcmr_" + UUID.randomUUID().toString().replace("-", "");
        return jdbc.sql("""
                insert into secretariat_api_token (user_id, name, token_sha256, token_prefix, role, commission_code)
                values (?, 'Matrix token', ?, ?, ?, ?) returning id""")
                .params(owner.id(), sha256(secret), secret.substring(0, 11), owner.role().name(), owner.commissionCode())
                .query(Long.class).single();
    }

    /** The business key of a published Kenyan report (two frozen versions). */
    String publishedReport() throws Exception {
        return once("published", () -> {
            ReviewCycle cycle = reviews.cycle(coordinator());
            versions.freeze(cycle.id());
            versions.freeze(cycle.id());
            reports.publish(cycle.id());
            return cycle.businessKey();
        });
    }

    /** The business key of the published Kenyan report, with a Russian translation (issue 18.3). */
    String translatedReport() throws Exception {
        String businessKey = publishedReport();
        return once("translated", () -> {
            long cycleId = jdbc.sql("select id from review_cycle where business_key = ?").param(businessKey)
                    .query(Long.class).single();
            String content = "{\"title\":\"Доклад\",\"language\":\"ru\",\"sections\":[]}";
            // as the translation form stores it, so the published page's kept look-up is forgotten (issue 19.3)
            translations.translate(cycleId, "ru", content, sha256(content), coordinator().id());
            return businessKey;
        });
    }

    /** The business key of a Kenyan report that has been frozen but not published. */
    String unpublishedReport() throws Exception {
        return once("unpublished", () -> {
            ReviewCycle cycle = reviews.cycle(coordinator());
            versions.freeze(cycle.id());
            return cycle.businessKey();
        });
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
