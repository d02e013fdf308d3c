package org.gcmreview.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Figure 1: a verified stakeholder sends an input through the real form (GET the page for its CSRF token and
 * idempotency key, POST it as the browser does, multipart with an empty file field; validation, the window check,
 * the rate limit, the audit entry, the database-backed session all as in production), at several
 * concurrency levels, beside plain JDBC inserts of the same row into the same table at the same concurrency.
 */
final class InputSubmission {

    static final String BUSINESS_KEY = "KEN-BENCH-INPUTS";
    static final String PATH = "/consultations/" + BUSINESS_KEY;
    static final String PASSWORD = "bench-password";
    /** An input of a typical length (the form allows 10 to 5,000 characters). */
    static final String BODY = ("Our members in the diaspora report that remittance costs remain above the SDG "
            + "target of 3 per cent, and that the new consular services reach few migrants outside the capital. "
            + "We recommend that the report describes the pilot of mobile consular days and gives figures. ")
            .repeat(2).strip();

    private final App app;
    private final Options options;
    private final Report report;
    private final Web web;
    private long windowId;
    private long baselineWindowId;
    private int nextUser = 1;
    /** References of the baseline's rows stay unique across levels, though the rows are deleted after each. */
    private long baselineReferences;
    private final List<Long> signInNanos = new ArrayList<>();

    InputSubmission(App app, Options options, Report report) {
        this.app = app;
        this.options = options;
        this.report = report;
        this.web = new Web(app.port);
    }

    void run() throws Exception {
        setUp();
        warmUp();
        for (int clients : options.levels()) {
            report.detail("\n### Input submission, " + clients + " concurrent clients (" + Machine.loadText()
                    + " load before)");
            // sign-ins (BCrypt) before the CPU sample: they are not part of sending inputs
            List<Deque<Web.Session>> sessions = signIn(clients, options.sessionsPerClient(clients));
            Machine.CpuSample before = Machine.CpuSample.take(app.postmasterPid());
            Machine.CpuSplit splitBefore = Machine.CpuSplit.take(app.postmasterPid());
            Recorder.reset("input-form", "input-post");
            boolean last = clients == options.levels().get(options.levels().size() - 1);
            ClosedLoop.Result form;
            try (Profiling profiling = Profiling.start(last && options.profile(), "input-form-" + clients)) {
                form = level(sessions, options.seconds(), true);
            }
            Machine.CpuSample afterForm = Machine.CpuSample.take(app.postmasterPid());
            Machine.CpuSplit splitAfterForm = Machine.CpuSplit.take(app.postmasterPid());
            ClosedLoop.Result baseline = baseline(clients);
            Machine.CpuSample afterBaseline = Machine.CpuSample.take(app.postmasterPid());
            List<FloorClient> floorClients = floorClients(clients);
            Recorder.reset("floor-get", "floor-post");
            Machine.CpuSample beforeFloor = Machine.CpuSample.take(app.postmasterPid());
            Machine.CpuSplit splitBeforeFloor = Machine.CpuSplit.take(app.postmasterPid());
            ClosedLoop.Result floor = floor(floorClients);
            Machine.CpuSample afterFloor = Machine.CpuSample.take(app.postmasterPid());
            Machine.CpuSplit splitAfterFloor = Machine.CpuSplit.take(app.postmasterPid());
            Interleaved interleaved = interleaved(clients, floorClients);
            // the baseline's rows go again, so the next level and the workspace data set start from the same table
            app.jdbc.update("delete from consultation_input where window_id = ?", baselineWindowId);

            Latencies post = form.parts().get(0);
            Latencies whole = form.parts().get(1);
            Latencies get = form.parts().get(2);
            Latencies insert = baseline.parts().get(0);
            double ratio = post.perSecond() / insert.perSecond();
            // CPU per operation (application + PostgreSQL + the clients) does not depend on how much of the shared
            // machine others took meanwhile, unlike the throughput
            double formCpuMs = afterForm.ownSecondsSince(before) * 1000 / Math.max(1, post.count());
            double insertCpuMs = afterBaseline.ownSecondsSince(afterForm) * 1000 / Math.max(1, insert.count());
            Latencies floorPost = floor.parts().get(0);
            Latencies floorPair = floor.parts().get(1);
            Latencies floorGet = floor.parts().get(2);
            double floorCpuMs = afterFloor.ownSecondsSince(beforeFloor) * 1000 / Math.max(1, floorPair.count());
            double ofFloor = post.perSecond() / floorPair.perSecond();
            String plural = clients == 1 ? "" : "s";
            report.row("1. input via form (GET + POST), " + clients + " client" + plural + ": throughput",
                    "%.0f inputs/s (%.1f ms CPU each)".formatted(post.perSecond(), formCpuMs),
                    "floor pair (GET `/` + POST `/language`) %.0f pairs/s (%.1f ms CPU each)".formatted(
                            floorPair.perSecond(), floorCpuMs),
                    "%.1f%% of the floor pair".formatted(100 * ofFloor), clients == 32 ? ">= 40% at 32 clients" : "",
                    clients == 32 ? ofFloor >= 0.4 : null);
            report.row("1. input via form, taking turns with the floor pair, " + clients + " client" + plural,
                    "%.0f inputs/s".formatted(interleaved.inputsPerSecond()),
                    "floor pair %.0f pairs/s".formatted(interleaved.pairsPerSecond()),
                    "%.1f%% of the floor pair".formatted(100 * interleaved.ratio()),
                    "%d rounds of %d s + %d s".formatted(INTERLEAVED_ROUNDS, INTERLEAVED_SECONDS, INTERLEAVED_SECONDS),
                    null);
            report.row("1. input via form, " + clients + " client" + plural + ": against plain inserts",
                    "%.0f inputs/s".formatted(post.perSecond()),
                    "%.0f inserts/s (%.2f ms CPU each)".formatted(insert.perSecond(), insertCpuMs),
                    "%.1f%% of plain inserts".formatted(100 * ratio), "(old baseline, no target)", null);
            report.row("1. input via form, " + clients + " client" + (clients == 1 ? "" : "s") + ": POST latency",
                    Report.latencies(post), Report.latencies(insert), "p99 %.0fx".formatted(
                            post.percentileMs(99) / insert.percentileMs(99)), "p99 < 100 ms",
                    post.percentileMs(99) < 100);
            report.row("1. floor pair, " + clients + " client" + plural + ": GET `/` then POST `/language`",
                    "GET %s; POST %s".formatted(Report.latencies(floorGet), Report.latencies(floorPost)),
                    "input: GET %s; POST %s".formatted(Report.latencies(get), Report.latencies(post)),
                    "", "", null);
            Recorder.Operation postOp = Recorder.operation("input-post");
            Recorder.Operation getOp = Recorder.operation("input-form");
            // the JVM's CPU per request, on the thread that served it: unlike throughput, it hardly depends on what
            // the rest of the shared machine does, so it is the figure to compare between runs
            double inputThreadMs = getOp.cpuMsPerRequest() + postOp.cpuMsPerRequest();
            Recorder.Operation floorGetOp = Recorder.operation("floor-get");
            Recorder.Operation floorPostOp = Recorder.operation("floor-post");
            double floorThreadMs = floorGetOp.cpuMsPerRequest() + floorPostOp.cpuMsPerRequest();
            report.row("1. server-thread CPU per input (GET + POST), " + clients + " client" + plural,
                    "%.2f ms (GET %.2f + POST %.2f); %.1f + %.1f SQL statements".formatted(inputThreadMs,
                            getOp.cpuMsPerRequest(), postOp.cpuMsPerRequest(), getOp.statementsPerRequest(),
                            postOp.statementsPerRequest()),
                    "floor pair %.2f ms (GET %.2f + POST %.2f); %.1f + %.1f SQL statements".formatted(floorThreadMs,
                            floorGetOp.cpuMsPerRequest(), floorPostOp.cpuMsPerRequest(),
                            floorGetOp.statementsPerRequest(), floorPostOp.statementsPerRequest()),
                    "floor / input %.1f%%".formatted(100 * floorThreadMs / inputThreadMs), "", null);
            report.detail("""
                    - form: %d inputs in %.1f s, %d errors%s; stored in the window: %d
                    - POST /inputs at the client: %s
                    - POST /inputs server time: %s; %.1f SQL statements per POST taking %.1f ms
                    - GET form at the client: %s; server %s; %.1f SQL statements per GET
                    - GET + POST (one input as a browser sends it): %s
                    - floor pair (GET `/` + POST `/language`): %s; CPU during it: %s
                    - CPU during the form run: %s; during the baseline: %s
                    - CPU per input, by part: %s
                    - CPU per floor pair, by part: %s
                    - baseline: %d inserts in %.1f s, %s, %d errors""".formatted(
                    post.count(), form.wallNanos() / 1e9, form.errors(),
                    form.firstError() == null ? "" : " (first: " + form.firstError() + ")", storedInputs(),
                    post.summary(), Report.latencies(postOp.serverTimes()), postOp.statementsPerRequest(),
                    postOp.sqlMsPerRequest(),
                    get.summary(), Report.latencies(getOp.serverTimes()), getOp.statementsPerRequest(),
                    whole.summary(), floorPair.summary(), afterFloor.othersSince(beforeFloor),
                    afterForm.othersSince(before), afterBaseline.othersSince(afterForm),
                    splitAfterForm.perOperationSince(splitBefore, post.count()),
                    splitAfterFloor.perOperationSince(splitBeforeFloor, floorPair.count()),
                    insert.count(), baseline.wallNanos() / 1e9, insert.summary(), baseline.errors()));
            if (clients == options.levels().get(options.levels().size() - 1)) {
                report.detail("Statements of one POST /inputs (" + clients + " clients):\n" + Sections.sqlTable(postOp));
                report.detail("Statements of one GET of the form:\n" + Sections.sqlTable(getOp));
                // the queries that grow with the consultation: how the inputs table is read
                for (Recorder.Operation op : List.of(getOp, postOp)) {
                    for (Recorder.Sql sql : op.heaviest()) {
                        if (sql.text.contains("from consultation_input")) {
                            report.detail("EXPLAIN (ANALYZE, BUFFERS) of `" + sql.text + "` (window of "
                                    + storedInputs() + " inputs)\n\n```\n" + Sections.explain(app, sql) + "```\n");
                        }
                    }
                }
            }
        }
        Latencies signIns = Latencies.of(signInNanos.stream().mapToLong(Long::longValue).toArray(), 0, 0);
        report.detail("\nSign-in (GET /login + POST /login, BCrypt strength 10), measured while preparing the levels: "
                + signIns.summary());
    }

    private void setUp() {
        long coordinator = app.userId("coordinator.ken");
        long cycle = cycle("BENCH-INPUTS", coordinator);
        windowId = window(cycle);
        baselineWindowId = window(cycle("BENCH-BASELINE", coordinator));
        int users = warmupRounds() * WARMUP_CLIENTS * 3
                // per level: the form's stakeholders, as many again for the interleaved rounds, one for the floor
                + options.levels().stream().mapToInt(l -> l * (2 * options.sessionsPerClient(l) + 1)).sum();
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        app.jdbc.update("""
                insert into organisation (country_iso3, name, stakeholder_type, verified, verified_at)
                select 'KEN', 'Bench organisation ' || g, 'CIVIL_SOCIETY', true, now() from generate_series(1, ?) g""",
                users);
        app.jdbc.update("""
                insert into app_user (username, password_hash, display_name, email, role, country_iso3, organisation_id)
                select 'bench.stakeholder.' || g, ?, 'Bench stakeholder ' || g, 'bench' || g || '@bench.invalid',
                       'STAKEHOLDER', 'KEN', o.id
                  from generate_series(1, ?) g join organisation o
                    on o.country_iso3 = 'KEN' and o.name = 'Bench organisation ' || g""", hash, users);
    }

    private long cycle(String code, long startedBy) {
        long id = app.jdbc.queryForObject("""
                insert into review_cycle (country_iso3, code, business_key, title, status, started_by)
                values ('KEN', ?, ?, 'Benchmark consultation', 'CONSULTATION', ?) returning id""", Long.class,
                code, "KEN-" + code, startedBy);
        app.jdbc.update("insert into cycle_objective (cycle_id, objective_number) select ?, number from objective", id);
        return id;
    }

    private long window(long cycleId) {
        return app.jdbc.queryForObject("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status)
                values (?, now() - interval '1 day', now() + interval '30 days', 'OPEN') returning id""", Long.class,
                cycleId);
    }

    private long storedInputs() {
        return app.jdbc.queryForObject("select count(*) from consultation_input where window_id = ?", Long.class,
                windowId);
    }

    /** Signs in the stakeholders this level's clients will use, a few at a time. */
    private List<Deque<Web.Session>> signIn(int clients, int sessionsPerClient) throws Exception {
        List<Deque<Web.Session>> queues = new ArrayList<>();
        List<Future<Web.Session>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int c = 0; c < clients; c++) {
                for (int s = 0; s < sessionsPerClient; s++) {
                    int user = nextUser++;
                    Web.Session session = web.session("bench.stakeholder." + user)
                            .from("10.%d.%d.%d".formatted(user / 65536 % 256, user / 256 % 256, user % 256));
                    futures.add(pool.submit(() -> {
                        long start = System.nanoTime();
                        session.signIn(PASSWORD);
                        synchronized (signInNanos) {
                            signInNanos.add(System.nanoTime() - start);
                        }
                        return session;
                    }));
                }
            }
            int i = 0;
            for (int c = 0; c < clients; c++) {
                Deque<Web.Session> queue = new ArrayDeque<>();
                for (int s = 0; s < sessionsPerClient; s++) {
                    queue.add(futures.get(i++).get());
                }
                queues.add(queue);
            }
        } finally {
            pool.shutdown();
        }
        return queues;
    }

    /**
     * The form's clients: each sends {@code perSession} inputs as one signed-in stakeholder, then moves to the
     * next of its queue; kept across runs, so the interleaved rounds go on where the last round stopped.
     */
    private static final class FormClients {
        final List<Deque<Web.Session>> queues;
        final Web.Session[] current;
        final int[] used;

        FormClients(List<Deque<Web.Session>> queues) {
            this.queues = queues;
            this.current = new Web.Session[queues.size()];
            this.used = new int[queues.size()];
        }
    }

    private ClosedLoop.Result level(List<Deque<Web.Session>> queues, int seconds, boolean measured)
            throws Exception {
        return level(new FormClients(queues), seconds, measured);
    }

    private ClosedLoop.Result level(FormClients formClients, int seconds, boolean measured) throws Exception {
        List<Deque<Web.Session>> queues = formClients.queues;
        Web.Session[] current = formClients.current;
        int[] used = formClients.used;
        AtomicLong objective = new AtomicLong();
        return ClosedLoop.run(queues.size(), 3, seconds, (client, iteration) -> {
            if (current[client] == null || used[client] >= options.perSession()) {
                current[client] = queues.get(client).poll();
                used[client] = 0;
                if (current[client] == null) {
                    return null;
                }
            }
            Web.Session session = current[client];
            long t0 = System.nanoTime();
            Web.Page form = session.get(PATH, measured ? "input-form" : "warm-up");
            if (form.status() != 200) {
                throw new IllegalStateException("form page answered " + form.status());
            }
            String csrf = form.requireHidden("_csrf");
            String key = form.requireHidden("idempotencyKey");
            long t1 = System.nanoTime();
            Web.Page sent = session.postMultipart(PATH + "/inputs", measured ? "input-post" : "warm-up", List.of(
                    Map.entry("_csrf", csrf), Map.entry("idempotencyKey", key),
                    Map.entry("target", "objective:" + (1 + objective.getAndIncrement() % 23)),
                    Map.entry("language", "en"), Map.entry("body", BODY)), "attachment");
            long t2 = System.nanoTime();
            if (sent.status() != 302 || sent.location() == null || !sent.location().endsWith(PATH)) {
                throw new IllegalStateException("POST answered " + sent.status() + " " + sent.location());
            }
            used[client]++;
            return new long[] {t2 - t1, t2 - t0, t1 - t0};
        });
    }

    /** Clients of one warm-up round; each signs in two stakeholders for the form and one for the floor pair. */
    private static final int WARMUP_CLIENTS = 8;
    private static final int WARMUP_FORM_SECONDS = 5;
    private static final int WARMUP_FLOOR_SECONDS = 3;
    /**
     * A round whose compiler threads used less than this share of one core, or less than 90% of the round before,
     * ends the warm-up: the compiler does not fall silent under this load (the first run of these rounds: 0.48,
     * 0.38, 0.32, 0.31, 0.31, 0.29 ... 0.29 cores in twelve rounds) but settles at a level it keeps.
     */
    private static final double JIT_SETTLED_CORES = 0.05;
    private static final double JIT_SETTLED_FALL = 0.9;
    /** Rounds before the compiler's share may count as settled: two rounds alike were not (0.42, 0.41). */
    private static final int WARMUP_MIN_ROUNDS = 6;

    private int warmupRounds() {
        return Math.max(1, options.warmupSeconds() / (WARMUP_FORM_SECONDS + WARMUP_FLOOR_SECONDS));
    }

    /**
     * Warm-up (JIT, Thymeleaf's template cache, the pool's connections; not measured) until the JIT has settled:
     * rounds of the input form and the floor pair, at least six, until a round's compiler threads used less than 5%
     * of a core or hardly less than the round before, or {@code warmup} seconds have gone. Until session 10 it was
     * a fixed 240 inputs, and the CPU split showed the levels measured while the JIT still compiled: at 32 clients
     * 1.07 ms of compiler CPU per input against 0.38 per floor pair, so the input, whose code paths are longer and
     * were measured first, paid more of it.
     */
    private void warmUp() throws Exception {
        int rounds = warmupRounds();
        List<String> seen = new ArrayList<>();
        double previous = Double.MAX_VALUE;
        for (int round = 1; round <= rounds; round++) {
            List<Deque<Web.Session>> sessions = signIn(WARMUP_CLIENTS, 2);
            List<FloorClient> floorClients = floorClients(WARMUP_CLIENTS);
            // the sign-ins (BCrypt) before the sample: the compiler's share is of the form and the floor pair
            Machine.CpuSplit before = Machine.CpuSplit.take(app.postmasterPid());
            level(sessions, WARMUP_FORM_SECONDS, false);
            warmUpFloor(floorClients);
            double jit = Machine.CpuSplit.take(app.postmasterPid()).jitCoresSince(before);
            seen.add("%.2f".formatted(jit));
            if (round >= WARMUP_MIN_ROUNDS && (jit < JIT_SETTLED_CORES || jit > JIT_SETTLED_FALL * previous)) {
                break;
            }
            previous = jit;
        }
        report.detail("\nWarm-up of the input form and the floor pair: %d round%s of %d s + %d s at %d clients; "
                .formatted(seen.size(), seen.size() == 1 ? "" : "s", WARMUP_FORM_SECONDS, WARMUP_FLOOR_SECONDS,
                        WARMUP_CLIENTS)
                + "compiler threads per round (cores; settled below %.2f or above %.0f%% of the round before): %s"
                        .formatted(JIT_SETTLED_CORES, 100 * JIT_SETTLED_FALL, String.join(", ", seen)));
    }

    /**
     * The input form and the floor pair taking turns in short rounds. The level above measures each for
     * {@code seconds} one after the other, and the shared machine's speed changes by up to a fifth between runs
     * and within one (session 10): the ratio then also measures when each half ran. In rounds of three seconds both
     * see the same machine, and their sums give the ratio. Throughput only; the CPU split stays the level's.
     */
    private static final int INTERLEAVED_ROUNDS = 5;
    private static final int INTERLEAVED_SECONDS = 3;

    /** Inputs and floor pairs of the interleaved rounds, and the wall time of each side. */
    private record Interleaved(long inputs, long formNanos, long pairs, long floorNanos) {

        double inputsPerSecond() {
            return inputs / (formNanos / 1e9);
        }

        double pairsPerSecond() {
            return pairs / (floorNanos / 1e9);
        }

        double ratio() {
            return inputsPerSecond() / pairsPerSecond();
        }
    }

    private Interleaved interleaved(int clients, List<FloorClient> floorClients) throws Exception {
        // stakeholders of their own, signed in before the rounds: the level used up its own
        FormClients form = new FormClients(signIn(clients, options.sessionsPerClient(clients)));
        long inputs = 0;
        long formNanos = 0;
        long pairs = 0;
        long floorNanos = 0;
        for (int round = 0; round < INTERLEAVED_ROUNDS; round++) {
            ClosedLoop.Result sent = level(form, INTERLEAVED_SECONDS, false);
            if (sent.errors() > 0) {
                throw new IllegalStateException("interleaved input form: " + sent.firstError());
            }
            inputs += sent.parts().get(0).count();
            formNanos += sent.wallNanos();
            ClosedLoop.Result pair = floor(floorClients, INTERLEAVED_SECONDS, false);
            pairs += pair.parts().get(1).count();
            floorNanos += pair.wallNanos();
        }
        return new Interleaved(inputs, formNanos, pairs, floorNanos);
    }

    /** A signed-in client of the floor figure and the CSRF token of its session. */
    private record FloorClient(Web.Session session, String csrf) {
    }

    /** One newly signed-in stakeholder per client, with the CSRF token of its session (taken from the home page). */
    private List<FloorClient> floorClients(int clients) throws Exception {
        List<FloorClient> result = new ArrayList<>();
        for (Deque<Web.Session> queue : signIn(clients, 1)) {
            Web.Session session = queue.poll();
            result.add(new FloorClient(session, session.get("/", "warm-up").requireHidden("_csrf")));
        }
        return result;
    }

    /**
     * The floor pair under any form of this application, shaped as an input is (one GET of a page, then one POST),
     * at the same concurrency: the lightest signed-in GET of a page (the home page: the layout with its menu, no
     * model, no SQL of its own) and the lightest state-changing request (choose the page language: CSRF check,
     * database-backed session read and written, one UPDATE of the user's row, a redirect, no page rendered).
     * No form that validates, audits and renders can be faster than this pair.
     */
    private ClosedLoop.Result floor(List<FloorClient> clients) throws Exception {
        return floor(clients, options.seconds(), true);
    }

    private void warmUpFloor(List<FloorClient> clients) throws Exception {
        floor(clients, WARMUP_FLOOR_SECONDS, false);
    }

    private ClosedLoop.Result floor(List<FloorClient> clients, int seconds, boolean measured) throws Exception {
        return ClosedLoop.run(clients.size(), 3, seconds, (client, iteration) -> {
            FloorClient c = clients.get(client);
            long t0 = System.nanoTime();
            Web.Page page = c.session().get("/", measured ? "floor-get" : "warm-up");
            if (page.status() != 200) {
                throw new IllegalStateException("GET / answered " + page.status());
            }
            long t1 = System.nanoTime();
            Web.Page answer = c.session().post("/language", measured ? "floor-post" : "warm-up",
                    List.of(Map.entry("_csrf", c.csrf()), Map.entry("lang", "en"), Map.entry("return", "/")));
            long t2 = System.nanoTime();
            if (answer.status() != 302) {
                throw new IllegalStateException("POST /language answered " + answer.status());
            }
            return new long[] {t2 - t1, t2 - t0, t1 - t0};
        });
    }

    /** The same row, inserted with plain JDBC on one connection per client, each insert its own transaction. */
    private ClosedLoop.Result baseline(int clients) throws Exception {
        String url = app.pool.getJdbcUrl();
        long organisation = app.jdbc.queryForObject(
                "select organisation_id from app_user where username = 'bench.stakeholder.1'", Long.class);
        long user = app.userId("bench.stakeholder.1");
        Connection[] connections = new Connection[clients];
        PreparedStatement[] statements = new PreparedStatement[clients];
        for (int c = 0; c < clients; c++) {
            connections[c] = DriverManager.getConnection(url, app.pool.getUsername(),
                    app.pool.getPassword() == null ? "" : app.pool.getPassword());
            statements[c] = connections[c].prepareStatement("""
                    insert into consultation_input (window_id, reference, idempotency_key, organisation_id,
                        author_user_id, author_name, author_email, objective_number, section_kind, language, body,
                        confirmed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())""");
        }
        AtomicInteger left = new AtomicInteger(30_000);
        AtomicLong reference = new AtomicLong(baselineReferences);
        try {
            return ClosedLoop.run(clients, 1, options.seconds(), (client, iteration) -> {
                if (left.decrementAndGet() < 0) {
                    return null;
                }
                PreparedStatement ps = statements[client];
                long start = System.nanoTime();
                ps.setLong(1, baselineWindowId);
                ps.setString(2, "KEN-CB-%08d".formatted(reference.incrementAndGet()));
                ps.setObject(3, UUID.randomUUID());
                ps.setLong(4, organisation);
                ps.setLong(5, user);
                ps.setString(6, "Bench stakeholder 1");
                ps.setString(7, "bench1@bench.invalid");
                ps.setInt(8, 1 + iteration % 23);
                ps.setNull(9, java.sql.Types.VARCHAR);
                ps.setString(10, "en");
                ps.setString(11, BODY);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("insert stored nothing");
                }
                return new long[] {System.nanoTime() - start};
            });
        } finally {
            baselineReferences = reference.get();
            for (Connection c : connections) {
                c.close();
            }
        }
    }
}
