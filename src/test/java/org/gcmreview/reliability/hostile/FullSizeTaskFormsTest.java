package org.gcmreview.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.TaskService;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.web.HttpUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every task form at the largest size the product allows, posted through the real servlet container (Tomcat
 * applies its limits on parts, part headers and form size; MockMvc applies none) as a browser encodes it, and
 * stored. Each form is read from its own page and every control filled to its limit: each text to its maximum
 * length (in a mix of Latin, Arabic and Chinese script, so several bytes a character), every check box ticked,
 * 20 indicators on every objective (the 21 rows a page shows once 20 are stored), a 1 MB evidence file in every
 * file field. The drafting form carries all 23 objectives of one ministry; the consolidation page the largest
 * report it edits on one page. Tasks are reached as the hostile-input suite reaches them
 * ({@link HostileTaskFormsTest#CASES}); a TaskForm without a case here fails {@link #everyTaskFormHasAFullSizeCase}.
 */
@ApplicationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FullSizeTaskFormsTest {

    /** Indicator rows a page shows for an objective with the most indicators (Edits.MAX_INDICATORS + 1). */
    static final int INDICATOR_ROWS = 21;
    static final int INDICATOR_TEXT = 300;
    static final int FILE_BYTES = 1024 * 1024;
    /** Longest text a textarea takes where the page gives no maxlength (the forms' own limits). */
    static final Map<Pattern, Integer> TEXT_LIMITS = new LinkedHashMap<>();

    static {
        TEXT_LIMITS.put(Pattern.compile("body-\\d+"), 20_000);
        TEXT_LIMITS.put(Pattern.compile("(measures|practices|challenges)-\\d+"), 10_000);
        TEXT_LIMITS.put(Pattern.compile("section-\\d+"), 20_000);
        TEXT_LIMITS.put(Pattern.compile("reason"), 5_000);
        TEXT_LIMITS.put(Pattern.compile("note"), 2_000);
    }

    /** The button pressed: the one that takes the most text; otherwise "save" where there is one, or the only one. */
    static final Map<String, String> ACTIONS = Map.of("sign-off", "request-changes", "review-submission", "clarify",
            "validate-report", "return");

    /** Forms reached differently from the hostile suite, to have them at their largest. */
    static final Map<String, HostileTaskFormsTest.Reach> LARGEST = new HashMap<>();

    /** Every form key must have a case: the hostile suite's way of reaching it, or one of {@link #LARGEST}. */
    static final Set<String> CASES = new TreeSet<>(HostileTaskFormsTest.CASES.keySet());

    static {
        // one ministry drafting all 23 objectives
        LARGEST.put("draft-contribution", t -> {
            CurrentUser interior = t.interior();
            long cycle = t.f.cycles.start(t.f.coordinator(), CycleFixture.uniqueCode());
            Map<Integer, Long> leads = new LinkedHashMap<>();
            IntStream.rangeClosed(1, 23).forEach(n -> leads.put(n, interior.ministryId()));
            t.mvc.perform(t.f.cycles.scopeForm(t.f.cycles.task(cycle, "ScopeReview").getId(), t.f.coordinator(),
                    List.of(interior.ministryId()), leads)).andExpect(status().is3xxRedirection());
            return new HostileTaskFormsTest.OpenTask(t.f.cycles.task(cycle, "DraftContribution",
                    CandidateGroups.ministry("KEN", interior.ministryCode())).getId(), interior);
        });
        // the largest report the editor shows whole: 6 objectives from three ministries, and the other sections
        LARGEST.put("consolidate-report", t -> {
            List<CurrentUser> ministries = List.of(t.interior(), t.f.users.ministry("KEN", "LABOUR"),
                    t.f.users.ministry("KEN", "FOREIGN"));
            long cycle = t.f.cycles.start(t.f.coordinator(), CycleFixture.uniqueCode());
            Map<Integer, Long> leads = new LinkedHashMap<>();
            IntStream.rangeClosed(1, 6).forEach(n -> leads.put(n, ministries.get((n - 1) / 2).ministryId()));
            t.mvc.perform(t.f.cycles.scopeForm(t.f.cycles.task(cycle, "ScopeReview").getId(), t.f.coordinator(),
                    ministries.stream().map(CurrentUser::ministryId).toList(), leads))
                    .andExpect(status().is3xxRedirection());
            for (CurrentUser ministry : ministries) {
                t.f.cycles.submitContributions(cycle, ministry, "Contribution of " + ministry.ministryCode());
            }
            return new HostileTaskFormsTest.OpenTask(t.f.cycles.task(cycle, "ConsolidateReport").getId(),
                    t.f.coordinator());
        });
    }

    /**
     * Inputs a coordinator answers in one save in the respond-to-inputs case: a large national consultation. The
     * form is url-encoded (gcm.forms.max-url-encoded-size, 2 MB): 200 answers of 1,000 characters in a mix of
     * scripts take about 0.74 MB (measured); all in Chinese, about 220 answers fill it.
     */
    static final int CONSULTATION_INPUTS = 200;

    private static byte[] evidence;
    private static byte[] largeEvidence;

    static {
        // a consultation that received many inputs, each to be answered with an explanation
        LARGEST.put("respond-to-inputs", t -> {
            var scenario = t.f.consultation();
            CurrentUser author = scenario.stakeholder();
            long window = t.jdbc.sql("select id from consultation_window where cycle_id = ?")
                    .param(scenario.cycle.id()).query(Long.class).single();
            for (int i = 0; i < CONSULTATION_INPUTS; i++) {
                long id = t.jdbc.sql("select nextval('consultation_input_id_seq')").query(Long.class).single();
                t.jdbc.sql("""
                        insert into consultation_input (id, window_id, reference, idempotency_key, organisation_id,
                            author_user_id, objective_number, language, body, status, confirmed_at)
                        values (?, ?, ?, ?, ?, ?, 1, 'en', ?, 'PUBLISHED', now())""")
                        .params(id, window, "KEN-CI-%06d".formatted(id), UUID.randomUUID(), author.organisationId(),
                                author.id(), "Input " + i + " on objective 1 from a large consultation.")
                        .update();
            }
            t.mvc.perform(FormPost.of("/cycles/" + scenario.cycle.id() + "/consultation/close", scenario.coordinator)
                    .valid()).andExpect(status().is3xxRedirection());
            return new HostileTaskFormsTest.OpenTask(scenario.respondTask().getId(), scenario.coordinator);
        });
    }

    @LocalServerPort
    int port;
    @Autowired
    AutowireCapableBeanFactory beans;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    List<TaskForm> forms;
    @Autowired
    PasswordEncoder passwordEncoder;

    /** The hostile suite, used only to reach each form's task the way it does. */
    HostileTaskFormsTest reach;

    @BeforeEach
    void fixture() {
        reach = new HostileTaskFormsTest();
        beans.autowireBean(reach); // its fields, as Spring fills them in the hostile suite
        reach.fixture();
    }

    @Test
    void everyTaskFormHasAFullSizeCase() {
        Set<String> keys = forms.stream().map(TaskForm::formKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(keys).as("form keys of the TaskForm beans").hasSizeGreaterThanOrEqualTo(14);
        assertThat(CASES).as("task forms without a full-size case").containsAll(keys);
        assertThat(keys).as("full-size cases for form keys no TaskForm has").containsAll(CASES)
                .containsAll(LARGEST.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyTaskFormAtItsLargestIsStoredThroughTheServletContainer() {
        return CASES.stream().map(key -> DynamicTest.dynamicTest(key, () -> fullSize(key)));
    }

    /**
     * The stakeholder consultation's input form (not a task form, public and multipart): the longest text in a
     * two-byte script and a file just under the evidence limit, through the container and its own size filter.
     */
    @Test
    void aConsultationInputAtItsLargestIsStoredThroughTheServletContainer() throws Exception {
        var scenario = reach.f.consultation();
        CurrentUser stakeholder = scenario.stakeholder();
        HttpUser browser = HttpUser.signedIn(port, stakeholder, jdbc, passwordEncoder);
        String path = "/consultations/" + scenario.cycle.businessKey();
        HttpResponse<String> page = browser.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        FullForm form = FullForm.posting(page.body(), path + "/inputs");
        assertThat(form.multipart()).isTrue();
        String run = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        MultiValueMap<String, HttpUser.Upload> files = new LinkedMultiValueMap<>();
        String body = null;
        for (FullForm.Control c : form.controls()) {
            switch (c.kind()) {
                case HIDDEN -> fields.add(c.name(), c.value());
                case SELECT -> fields.add(c.name(), c.options().contains("ar") ? "ar" : c.options().get(0));
                case TEXTAREA -> {
                    body = filler(run + "n0.", c.maxLength());
                    fields.add(c.name(), body);
                }
                case FILE -> files.add(c.name(), new HttpUser.Upload(run + ".png", "image/png", largeEvidence()));
                default -> throw new AssertionError("a control the test does not fill: " + c);
            }
        }
        HttpResponse<String> response = browser.postMultipart(form.action(), fields, files, Map.of());
        System.out.printf("full-size consultation input: %d bytes -> HTTP %d%n", browser.lastBodyBytes(),
                response.statusCode());
        assertThat(response.statusCode()).as(abbreviated(response.body())).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from consultation_input where body = ?").param(body)
                .query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("select size_bytes from attachment where file_name = ?").param(run + ".png")
                .query(Long.class).single()).isEqualTo(largeEvidence().length);
    }

    private void fullSize(String formKey) throws Exception {
        HostileTaskFormsTest.OpenTask task = LARGEST.getOrDefault(formKey, HostileTaskFormsTest.CASES.get(formKey))
                .open(reach);
        HttpUser browser = HttpUser.signedIn(port, task.user(), jdbc, passwordEncoder);
        HttpResponse<String> page = browser.get("/tasks/" + task.id());
        assertThat(page.statusCode()).as("%s: task page", formKey).isEqualTo(200);
        FullForm form = FullForm.of(page.body(), task.id());

        String run = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Filled filled = fill(formKey, form, run);
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
        HttpResponse<String> response = form.multipart()
                ? browser.postMultipart(form.action(), filled.fields, filled.files, Map.of())
                : browser.post(form.action(), filled.fields);

        // the figures for the record (target/surefire-reports/...-output.txt)
        System.out.printf("full-size form %s: %s, %d parts (%d files), %d bytes -> HTTP %d%n", formKey,
                form.multipart() ? "multipart" : "url-encoded", filled.parts(), filled.files.size(),
                browser.lastBodyBytes(), response.statusCode());
        assertThat(response.statusCode()).as("%s: %d parts, %d fields posted; answer %s", formKey,
                filled.parts(), filled.fields.values().stream().mapToInt(List::size).sum(),
                abbreviated(response.body())).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).as("%s: sent on to", formKey)
                .hasValueSatisfying(l -> assertThat(l).contains("/tasks").doesNotContain("login", "error"));
        assertThat(before.differences(DatabaseSnapshot.take(jdbc))).as("%s: stored", formKey).isNotEmpty();
        assertThat(storedMarkers(run)).as("%s: every text typed is stored", formKey).containsAll(filled.markers);
        if (!filled.files.isEmpty()) {
            assertThat(jdbc.sql("select count(*) from attachment where size_bytes = ? and uploaded_at > now() - interval '10 minutes' and file_name like ?")
                    .params(evidence().length, run + "%").query(Integer.class).single())
                    .as("%s: every evidence file stored", formKey).isEqualTo(filled.files.size());
        }
    }

    /** What the form sends once filled to its largest, and the markers that start each text typed. */
    record Filled(MultiValueMap<String, String> fields, MultiValueMap<String, HttpUser.Upload> files,
            Set<String> markers) {
        int parts() {
            return fields.values().stream().mapToInt(List::size).sum() + files.values().stream().mapToInt(List::size)
                    .sum();
        }
    }

    private Filled fill(String formKey, FullForm form, String run) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        MultiValueMap<String, HttpUser.Upload> files = new LinkedMultiValueMap<>();
        Set<String> markers = new LinkedHashSet<>();
        int[] counter = {0};
        java.util.function.IntFunction<String> text = length -> {
            String marker = run + "n" + (counter[0]++) + ".";
            markers.add(marker);
            return filler(marker, length);
        };
        for (FullForm.Control c : form.controls()) {
            String name = c.name();
            if (name.startsWith("ind-")) {
                continue; // indicator rows are written out in full below
            }
            switch (c.kind()) {
                case HIDDEN -> {
                    if (name.startsWith("indrows-")) {
                        String id = name.substring("indrows-".length());
                        fields.add(name, String.valueOf(INDICATOR_ROWS));
                        for (int n = 0; n < INDICATOR_ROWS; n++) {
                            String p = "ind-" + id + "-" + n + "-";
                            boolean last = n == INDICATOR_ROWS - 1;
                            fields.add(p + "name", last ? "" : text.apply(INDICATOR_TEXT));
                            fields.add(p + "value", last ? "" : String.valueOf(1000 + n) + ".5");
                            fields.add(p + "unit", last ? "" : text.apply(INDICATOR_TEXT));
                            fields.add(p + "source", last ? "" : text.apply(INDICATOR_TEXT));
                            fields.add(p + "year", last ? "" : String.valueOf(2000 + n));
                        }
                    } else {
                        fields.add(name, c.value());
                    }
                }
                case TEXTAREA -> fields.add(name, text.apply(c.maxLength() != null ? c.maxLength() : limit(name)));
                case TEXT -> fields.add(name, text.apply(c.maxLength() != null ? c.maxLength() : 200));
                case SELECT -> fields.add(name, c.options().contains("IN_PROGRESS") ? "IN_PROGRESS"
                        : c.options().isEmpty() ? "" : c.options().get(0));
                case CHECKBOX -> fields.add(name, c.value());
                // a radio group sends one value: the first option, as a person who takes the page's first choice
                case RADIO -> {
                    if (!fields.containsKey(name)) {
                        fields.add(name, c.value());
                    }
                }
                case DATE -> fields.add(name, c.value().isEmpty() ? date(name) : c.value());
                case NUMBER -> fields.add(name, c.value().isEmpty() ? "7" : c.value());
                case FILE -> files.add(name, new HttpUser.Upload(run + "-" + name + ".png", "image/png", evidence()));
            }
        }
        fields.add("action", ACTIONS.getOrDefault(formKey, form.actions().contains("save") ? "save"
                : form.actions().get(0)));
        return new Filled(fields, files, markers);
    }

    private static int limit(String name) {
        return TEXT_LIMITS.entrySet().stream().filter(e -> e.getKey().matcher(name).matches()).findFirst()
                .map(Map.Entry::getValue).orElseThrow(() -> new AssertionError("no length limit known for " + name
                        + ": give the textarea a maxlength, or add its limit to TEXT_LIMITS"));
    }

    private static String date(String name) {
        return switch (name) {
            case "periodStart" -> "2022-01-01";
            case "periodEnd" -> "2025-12-31";
            case "draftingDue" -> CycleFixture.inDays(30).toString();
            case "consultationOpens" -> CycleFixture.inDays(40).toString();
            case "consultationCloses" -> CycleFixture.inDays(50).toString();
            default -> CycleFixture.inDays(10).toString();
        };
    }

    /** Text of exactly {@code length} characters, beginning with the marker, in three scripts. */
    static String filler(String marker, int length) {
        String words = " Safe, orderly and regular migration; هجرة آمنة ومنظمة ونظامية؛ 安全、有序和正常移民。";
        StringBuilder text = new StringBuilder(marker);
        while (text.length() < length) {
            text.append(words);
        }
        text.setLength(length);
        // never end on a space (it would be trimmed) or in the middle of a word
        text.setCharAt(length - 1, '.');
        return text.toString();
    }

    /** A valid PNG of about 1 MB (noise does not compress), checked by content like any evidence. */
    static synchronized byte[] evidence() {
        if (evidence == null) {
            evidence = noise(600);
        }
        return evidence;
    }

    /** A valid PNG of about 9.3 MB, under the 10 MB evidence limit. */
    static synchronized byte[] largeEvidence() {
        if (largeEvidence == null) {
            largeEvidence = noise(1760);
            assertThat(largeEvidence.length).isBetween(8_000_000, 10 * 1024 * 1024);
        }
        return largeEvidence;
    }

    private static byte[] noise(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(12);
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The markers found anywhere in the database's text columns (application and engine tables). */
    private Set<String> storedMarkers(String run) {
        List<Map<String, Object>> columns = jdbc.sql("""
                select c.table_name, c.column_name from information_schema.columns c
                  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                 where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                   and c.data_type in ('text', 'character varying', 'json', 'jsonb')""").query().listOfRows();
        Set<String> found = new HashSet<>();
        Pattern marker = Pattern.compile(run + "n[0-9]+\\.");
        for (Map<String, Object> column : columns) {
            // names come from information_schema, never from a request
            String sql = "select \"" + column.get("column_name") + "\"::text from \"" + column.get("table_name")
                    + "\" where \"" + column.get("column_name") + "\"::text like ?";
            for (String value : jdbc.sql(sql).param("%" + run + "%").query(String.class).list()) {
                Matcher m = marker.matcher(value);
                while (m.find()) {
                    found.add(m.group());
                }
            }
        }
        return found;
    }

    private static String abbreviated(String body) {
        String text = body.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        Matcher errors = Pattern.compile("class=\"field-error\"[^>]*>([^<]*)<").matcher(body);
        StringBuilder found = new StringBuilder();
        while (errors.find() && found.length() < 2000) {
            found.append(errors.group(1)).append(" | ");
        }
        return found.length() > 0 ? "errors: " + found : text.substring(0, Math.min(600, text.length()));
    }
}
