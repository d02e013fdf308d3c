package org.gcmreview.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.TaskWork;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Figure 2: a ministry submits its contribution through the task form (POST /tasks/{id}: load the task,
 * authorise by candidate group and country, validate and save the contribution texts with their revisions and the
 * audit entries, claim and complete the task in one transaction) beside Camunda's TaskService.complete on an
 * equivalent task: the same "Draft contribution" task of another cycle in the same state, completed in this JVM
 * with no form. Both complete the last drafting task of a cycle, so both end the multi-instance sub-process and
 * create the "Consolidate the report" task. The two alternate, one after the other, so they share the machine's
 * conditions. A third side, measured the same way, submits the same form in this JVM without HTTP
 * ({@code TaskWork.submit}: the same lookup, authorisation, domain writes and completion, no security filter chain,
 * no session, no request): the form's own work, so the figure can tell what HTTP adds from what the form does.
 * After each form the ministry reads the task list the form redirects to, as its browser does ({@code taskList}).
 */
final class TaskCompletion {

    private static final String DEMO_PASSWORD = "demo";
    /** The task list's box that shows a completion's confirmation ("Your contribution has been submitted"). */
    private static final String CONFIRMATION = "id=\"confirmation\"";

    private final App app;
    private final Options options;
    private final Report report;
    private final Web web;
    private final TaskService taskService;
    private final TaskWork taskWork;
    private final CurrentUser interior;
    /** Each view of the task list after a form's POST, in the measured part of the run. */
    private final List<Long> listNanos = new ArrayList<>();
    /** How many tasks each of those views listed. */
    private final List<Integer> listed = new ArrayList<>();

    TaskCompletion(App app, Options options, Report report) {
        this.app = app;
        this.options = options;
        this.report = report;
        this.web = new Web(app.port);
        this.taskService = app.bean(TaskService.class);
        this.taskWork = app.bean(TaskWork.class);
        this.interior = app.bean(UserAccountRepository.class).findByUsername("interior.ken").orElseThrow();
    }

    void run() throws Exception {
        int perSide = options.tasks() + options.taskWarmup();
        long setupStart = System.nanoTime();
        List<String> draftTasks = prepare(3 * perSide);
        report.detail("\n### Task completion (" + Machine.loadText() + " load before; " + draftTasks.size()
                + " cycles started and scoped through the forms in %.1f s)".formatted((System.nanoTime() - setupStart)
                / 1e9));
        Web.Session ministry = web.session("interior.ken").signIn(DEMO_PASSWORD);
        long[] formNanos = new long[options.tasks()];
        long[] formGetNanos = new long[options.tasks()];
        long[] completeNanos = new long[options.tasks()];
        long[] inProcessNanos = new long[options.tasks()];
        int errors = 0;
        Machine.CpuSample before = Machine.CpuSample.take(app.postmasterPid());
        Profiling profiling = Profiling.start(false, "none");
        for (int i = 0; i < perSide; i++) {
            boolean measured = i >= options.taskWarmup();
            if (i == options.taskWarmup()) {
                Recorder.reset("task-form-get", "task-form-post", "taskservice-complete", "taskwork-submit",
                        "task-list");
                listNanos.clear();
                listed.clear();
                before = Machine.CpuSample.take(app.postmasterPid());
                profiling = Profiling.start(options.profile(), "task-completion");
            }
            String formTask = draftTasks.get(3 * i);
            String engineTask = draftTasks.get(3 * i + 1);
            String inProcessTask = draftTasks.get(3 * i + 2);
            long[] form = null;
            long complete = 0;
            long inProcess = 0;
            // alternate which goes first
            if (i % 2 == 0) {
                form = viaForm(ministry, formTask);
                complete = viaTaskService(engineTask);
                inProcess = viaTaskWork(ministry, inProcessTask);
            } else {
                inProcess = viaTaskWork(ministry, inProcessTask);
                complete = viaTaskService(engineTask);
                form = viaForm(ministry, formTask);
            }
            if (form == null) {
                errors++;
            }
            if (measured) {
                int k = i - options.taskWarmup();
                formNanos[k] = form == null ? 0 : form[0];
                formGetNanos[k] = form == null ? 0 : form[1];
                completeNanos[k] = complete;
                inProcessNanos[k] = inProcess;
            }
        }
        Machine.CpuSample after = Machine.CpuSample.take(app.postmasterPid());
        profiling.close();
        long consolidating = taskService.createTaskQuery().taskDefinitionKey("ConsolidateReport")
                .processInstanceBusinessKeyLike("KEN-BENCH-T-%").count();
        Latencies form = Latencies.of(formNanos, 0, errors);
        Latencies get = Latencies.of(formGetNanos, 0, 0);
        Latencies complete = Latencies.of(completeNanos, 0, 0);
        Latencies inProcess = Latencies.of(inProcessNanos, 0, 0);
        double ratio = form.percentileMs(50) / complete.percentileMs(50);
        report.row("2. task completion via form (POST /tasks/{id})", Report.latencies(form),
                "TaskService.complete " + Report.latencies(complete), "%.2fx (p50)".formatted(ratio),
                "<= 2x", ratio <= 2);
        report.row("2. the same form without HTTP (TaskWork.submit in this JVM)", Report.latencies(inProcess),
                "TaskService.complete " + Report.latencies(complete),
                "%.2fx (p50); HTTP adds %.2fx".formatted(inProcess.percentileMs(50) / complete.percentileMs(50),
                        form.percentileMs(50) / inProcess.percentileMs(50)), "", null);
        Recorder.Operation post = Recorder.operation("task-form-post");
        Recorder.Operation engine = Recorder.operation("taskservice-complete");
        Recorder.Operation inProcessOp = Recorder.operation("taskwork-submit");
        report.row("2. JVM CPU per completion (thread that did it)",
                "form POST %.2f ms; `TaskWork.submit` %.2f ms".formatted(post.cpuMsPerRequest(),
                        inProcessOp.cpuMsPerRequest()),
                "`TaskService.complete` %.2f ms".formatted(engine.cpuMsPerRequest()),
                "%.2fx".formatted(post.cpuMsPerRequest() / engine.cpuMsPerRequest()), "", null);
        Recorder.Operation getOp = Recorder.operation("task-form-get");
        report.detail("""
                - %d form completions and %d TaskService.complete calls measured after %d of each as warm-up, %d errors
                - form POST at the client: %s; server time %s; %.1f SQL statements per POST taking %.1f ms
                - TaskService.complete: %s; %.1f SQL statements per call taking %.1f ms
                - GET of the task form (not part of the ratio): %s; %.1f SQL statements per GET
                - cycles waiting in "Consolidate the report" afterwards: %d (every completion moved its process on)
                - CPU: %s""".formatted(options.tasks(), options.tasks(), options.taskWarmup(), errors,
                form.summary(), Report.latencies(post.serverTimes()), post.statementsPerRequest(), post.sqlMsPerRequest(),
                complete.summary(), engine.statementsPerRequest(), engine.sqlMsPerRequest(), get.summary(), getOp.statementsPerRequest(),
                consolidating,
                after.othersSince(before)));
        report.detail(options.taskList() ? taskListDetail()
                : "- the form's redirect to the task list was not followed (taskList=false)");
        report.detail("Statements of one task form POST:\n" + Sections.sqlTable(post));
        report.detail("Statements of one TaskService.complete:\n" + Sections.sqlTable(engine));
    }

    private String taskListDetail() {
        Recorder.Operation listOp = Recorder.operation("task-list");
        Latencies list = Latencies.of(listNanos.stream().mapToLong(Long::longValue).toArray(), 0, 0);
        return ("- GET of the task list after each POST, as the browser follows the redirect (not part of the ratio): "
                + "%s; server time %s; %.1f SQL statements per view taking %.1f ms; a view listed %.0f tasks on "
                + "average (%d at the first, %d at the last)").formatted(list.summary(),
                Report.latencies(listOp.serverTimes()), listOp.statementsPerRequest(), listOp.sqlMsPerRequest(),
                listed.stream().mapToInt(Integer::intValue).average().orElse(0), listed.get(0),
                listed.get(listed.size() - 1));
    }

    /** What the ministry types into the form for each of its contributions, and the button it presses. */
    private static List<Map.Entry<String, String>> contributionFields(Web.Page page) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        page.hiddenStartingWith("version-").forEach((name, version) -> {
            String id = name.substring("version-".length());
            fields.add(Map.entry("status-" + id, "IN_PROGRESS"));
            fields.add(Map.entry("body-" + id, "The national action plan on labour migration was adopted in 2024; "
                    + "bilateral labour agreements now cover the main destination countries. Contribution " + id));
            fields.add(Map.entry(name, version));
        });
        fields.add(Map.entry("action", "submit"));
        // the field of the "check your answers" page, without which a submit is refused (issue 16.5)
        fields.add(Map.entry("answerschecked", "yes"));
        return fields;
    }

    /** GET the form (for the contribution ids, versions and the CSRF token), then the timed POST. */
    private long[] viaForm(Web.Session ministry, String taskId) throws Exception {
        long t0 = System.nanoTime();
        Web.Page page = ministry.get("/tasks/" + taskId, "task-form-get");
        long t1 = System.nanoTime();
        if (page.status() != 200) {
            return null;
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("_csrf", page.requireHidden("_csrf")));
        fields.addAll(contributionFields(page));
        long t2 = System.nanoTime();
        Web.Page sent = ministry.post("/tasks/" + taskId, "task-form-post", fields);
        long t3 = System.nanoTime();
        if (sent.status() != 302 || sent.location() == null || !sent.location().endsWith("/tasks")) {
            throw new IllegalStateException("task form answered " + sent.status() + " " + sent.location());
        }
        if (options.taskList()) {
            readTaskList(ministry);
        }
        return new long[] {t3 - t2, t1 - t0};
    }

    /**
     * The task list, as the browser shows it after the form's redirect, with the completion's confirmation: a
     * flash message kept in the session until this page takes it out. Until the fourteenth session the benchmark
     * did not read it, and the session's list of confirmations waiting for /tasks grew by one per completion for
     * their three minutes: every later request of this ministry read it and every form POST wrote it back, a cost
     * no browser meets. Timed for the report's detail, not part of the ratio.
     */
    private void readTaskList(Web.Session ministry) throws Exception {
        long start = System.nanoTime();
        Web.Page list = ministry.get("/tasks", "task-list");
        listNanos.add(System.nanoTime() - start);
        listed.add(list.body().split("href=\"/tasks/", -1).length - 1);
        if (list.status() != 200 || !list.body().contains(CONFIRMATION)) {
            throw new IllegalStateException("the task list after a completion answered " + list.status()
                    + " without the confirmation");
        }
    }

    /** The same fields as the form's POST (taken from the same GET, not timed), submitted in this JVM. */
    private long viaTaskWork(Web.Session ministry, String taskId) throws Exception {
        Web.Page page = ministry.get("/tasks/" + taskId, "warm-up");
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        contributionFields(page).forEach(field -> fields.add(field.getKey(), field.getValue()));
        long start = System.nanoTime();
        long cpu = Recorder.threadCpuNanos();
        TaskOutcome outcome = Recorder.as("taskwork-submit",
                () -> taskWork.submit(taskId, interior, TaskSubmission.of(fields)));
        long took = System.nanoTime() - start;
        Recorder.operation("taskwork-submit").cpuNanos.addAndGet(Recorder.threadCpuNanos() - cpu);
        Recorder.operation("taskwork-submit").requests.incrementAndGet();
        if (!(outcome instanceof TaskOutcome.Complete)) {
            throw new IllegalStateException("TaskWork.submit answered " + outcome);
        }
        return took;
    }

    private long viaTaskService(String taskId) throws Exception {
        long start = System.nanoTime();
        long cpu = Recorder.threadCpuNanos();
        Recorder.as("taskservice-complete", () -> {
            taskService.complete(taskId);
            return null;
        });
        long took = System.nanoTime() - start;
        Recorder.operation("taskservice-complete").cpuNanos.addAndGet(Recorder.threadCpuNanos() - cpu);
        Recorder.operation("taskservice-complete").requests.incrementAndGet();
        return took;
    }

    /**
     * Starts and scopes the cycles through the coordinator's forms, as a coordinator would: each ends with one
     * "Draft contribution" task for the Ministry of Interior (three objectives).
     */
    private List<String> prepare(int cycles) throws Exception {
        Web.Session coordinator = web.session("coordinator.ken").signIn(DEMO_PASSWORD);
        String csrf = coordinator.get("/cycles", "setup").requireHidden("_csrf");
        long interior = app.jdbc.queryForObject(
                "select id from ministry where country_iso3 = 'KEN' and code = 'INTERIOR'", Long.class);
        LocalDate today = LocalDate.now();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<String>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < cycles; i++) {
                String code = "BENCH-T-%04d".formatted(i);
                futures.add(pool.submit(() -> {
                    Web.Page started = coordinator.post("/cycles", "setup", List.of(Map.entry("_csrf", csrf),
                            Map.entry("code", code), Map.entry("title", "Benchmark task cycle " + code)));
                    if (started.status() != 302) {
                        throw new IllegalStateException("starting a cycle answered " + started.status());
                    }
                    Task scope = taskService.createTaskQuery().processInstanceBusinessKey("KEN-" + code)
                            .taskDefinitionKey("ScopeReview").singleResult();
                    Web.Page scoped = coordinator.post("/tasks/" + scope.getId(), "setup", List.of(
                            Map.entry("_csrf", csrf),
                            Map.entry("periodStart", "2024-01-01"), Map.entry("periodEnd", "2025-12-31"),
                            Map.entry("ministries", String.valueOf(interior)),
                            Map.entry("defaultLead", String.valueOf(interior)),
                            Map.entry("objectives", "1"), Map.entry("objectives", "2"), Map.entry("objectives", "3"),
                            Map.entry("draftingDue", today.plusDays(30).toString()), Map.entry("reminderDays", "7"),
                            Map.entry("consultationOpens", today.plusDays(40).toString()),
                            Map.entry("consultationCloses", today.plusDays(60).toString()),
                            Map.entry("action", "complete")));
                    if (scoped.status() != 302) {
                        throw new IllegalStateException("scoping answered " + scoped.status());
                    }
                    return taskService.createTaskQuery().processInstanceBusinessKey("KEN-" + code)
                            .taskDefinitionKey("DraftContribution").singleResult().getId();
                }));
            }
            List<String> tasks = new ArrayList<>();
            for (Future<String> f : futures) {
                tasks.add(f.get());
            }
            return tasks;
        } finally {
            pool.shutdown();
        }
    }
}
