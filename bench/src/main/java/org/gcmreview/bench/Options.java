package org.gcmreview.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's settings, given as {@code key=value} words ({@code -Dbench.args="quick=true levels=1,8"}).
 * Every bound has a default that keeps one whole run to a few minutes on the 2-core machine.
 *
 * @param sections which parts to run: inputs, tasks, workspace, public (generates the workspace data set if the
 *        workspace section does not run), nodes (one node against two, issue 19.5), startup
 * @param levels concurrent clients of the input benchmark
 * @param seconds measuring time per concurrency level (the first bound reached ends a level)
 * @param perSession submissions one signed-in stakeholder makes before the client moves to the next one, so no
 *        page grows with hundreds of the same user's earlier inputs (a real organisation sends a handful)
 * @param sessionsPerClient signed-in stakeholders each client may use per level (bounds the request count)
 * @param tasks measured task completions per side (form and TaskService.complete), after {@code taskWarmup}
 * @param pageRequests measured requests per workspace page, after {@code pageWarmup}
 * @param inputs consultation inputs generated for the workspace data set
 * @param appArgs extra Spring Boot properties for the application under test, {@code app.args=name=value,...}
 *        (e.g. {@code app.args=camunda.bpm.history-level=activity})
 * @param poolSize maximum size of the application's Hikari pool (0: leave it as the application sets it)
 * @param quietLoad wait before measuring until the 1-minute load average is below this ...
 * @param quietWaitSeconds ... but no longer than this
 * @param warmupSeconds longest warm-up of the input form and the floor pair before their levels (rounds of 8 s,
 *        until the JIT has settled)
 * @param startupRequests page views after start-up before the resident memory is read again
 * @param profile record the input form's last level and the task forms with JDK Flight Recorder
 *        (target/bench/*.jfr; see {@link Profiling})
 * @param history copy one real cycle's Camunda history to every generated cycle (bench/sql/workspace-history.sql);
 *        false leaves the workspace data set without history, to compare the pages with and without
 * @param taskList after each task form's POST, read the task list it redirects to, as the browser does (untimed in
 *        the ratio); false: leave the redirect unfollowed, as the benchmark did until the fourteenth session, which
 *        keeps every unread confirmation in the ministry's session
 */
record Options(List<String> sections, List<Integer> levels, int seconds, int perSession, int sessionsPerClient,
        int tasks, int taskWarmup, int pageRequests, int pageWarmup, int inputs, List<String> appArgs, int poolSize,
        double quietLoad, int quietWaitSeconds, int warmupSeconds, int startupRequests, boolean profile,
        boolean history, boolean taskList) {

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg == null || arg.isBlank()) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("Benchmark options are key=value, not " + arg);
            }
            values.merge(arg.substring(0, eq), arg.substring(eq + 1), (a, b) -> a + " " + b);
        }
        boolean quick = Boolean.parseBoolean(values.getOrDefault("quick", "false"));
        List<String> appArgs = new ArrayList<>();
        for (String a : values.getOrDefault("app.args", "").split("[ ,]+")) {
            if (!a.isBlank()) {
                appArgs.add(a.startsWith("--") ? a : "--" + a);
            }
        }
        return new Options(
                List.of(values.getOrDefault("sections", "inputs,tasks,workspace,public,startup").split(",")),
                ints(values.getOrDefault("levels", "1,8,32")),
                integer(values, "seconds", quick ? 3 : 10),
                integer(values, "perSession", 20),
                integer(values, "sessionsPerClient", quick ? 1 : 0),
                integer(values, "tasks", quick ? 10 : 200),
                integer(values, "taskWarmup", quick ? 3 : 15),
                integer(values, "pageRequests", quick ? 20 : 150),
                integer(values, "pageWarmup", quick ? 5 : 30),
                integer(values, "inputs", 1_000_000),
                List.copyOf(appArgs),
                integer(values, "pool", 0),
                Double.parseDouble(values.getOrDefault("quietLoad", "1.5")),
                integer(values, "quietWait", quick ? 0 : 180),
                integer(values, "warmup", quick ? 8 : 96),
                integer(values, "startupRequests", quick ? 400 : 10_000),
                Boolean.parseBoolean(values.getOrDefault("profile", "false")),
                Boolean.parseBoolean(values.getOrDefault("history", "true")),
                Boolean.parseBoolean(values.getOrDefault("taskList", "true")));
    }

    boolean runs(String section) {
        return sections.contains(section);
    }

    /**
     * Stakeholders each client may use at this level; by default enough for the level's time at the
     * throughput this machine reaches, and never fewer than two.
     */
    int sessionsPerClient(int level) {
        if (sessionsPerClient > 0) {
            return sessionsPerClient;
        }
        return Math.max(2, 48 / level);
    }

    private static int integer(Map<String, String> values, String key, int fallback) {
        return Integer.parseInt(values.getOrDefault(key, String.valueOf(fallback)));
    }

    private static List<Integer> ints(String csv) {
        List<Integer> list = new ArrayList<>();
        for (String s : csv.split(",")) {
            list.add(Integer.parseInt(s.trim()));
        }
        return List.copyOf(list);
    }
}
