package org.gcmreview.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the machine is and how busy it is. The machine is shared with other engineers' builds, so every
 * measurement says how much CPU the rest of the machine took while it ran, not just the load average (which
 * also counts the benchmark itself).
 */
final class Machine {

    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    private Machine() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String memory() {
        return meminfo("MemTotal");
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1)
                    .trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The 1-, 5- and 15-minute load averages as /proc/loadavg gives them. */
    static double[] loadAverage() {
        String[] parts = read("/proc/loadavg").trim().split("\\s+");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    static String loadText() {
        double[] l = loadAverage();
        return "%.2f, %.2f, %.2f".formatted(l[0], l[1], l[2]);
    }

    /** Waits (at most maxSeconds) until the 1-minute load average is below the threshold; says how it went. */
    static String waitForQuiet(double threshold, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        double load = loadAverage()[0];
        while (load >= threshold && System.nanoTime() < deadline) {
            Thread.sleep(5000);
            load = loadAverage()[0];
        }
        return load < threshold ? "load %.2f < %.2f".formatted(load, threshold)
                : "load still %.2f after waiting %d s (threshold %.2f): the figures below were taken on a busy machine"
                        .formatted(load, maxSeconds, threshold);
    }

    /**
     * CPU time of the whole machine and of this JVM with everything it started (the embedded PostgreSQL), so a
     * measurement can say how much of the machine others used meanwhile.
     */
    record CpuSample(long machineBusyTicks, long machineTotalTicks, long ownTicks, long wallNanos) {

        /**
         * @param postmasterPid the embedded PostgreSQL server, which pg_ctl started detached from this JVM (0:
         *        none), counted with its backends as part of the benchmark
         */
        static CpuSample take(long postmasterPid) {
            String[] cpu = read("/proc/stat").lines().findFirst().orElseThrow().trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                long v = Long.parseLong(cpu[i]);
                total += v;
                if (i == 4 || i == 5) { // idle, iowait
                    idle += v;
                }
            }
            long own = ticksWithDescendants(ProcessHandle.current());
            if (postmasterPid > 0) {
                ProcessHandle postmaster = ProcessHandle.of(postmasterPid).orElse(null);
                if (postmaster != null && postmaster.parent().map(p -> p.pid() != ProcessHandle.current().pid())
                        .orElse(true)) {
                    own += ticksWithDescendants(postmaster);
                }
            }
            return new CpuSample(total - idle, total, own, System.nanoTime());
        }

        /** Cores' worth of CPU used by others (not this JVM or its children) between the two samples. */
        String othersSince(CpuSample before) {
            double seconds = (wallNanos - before.wallNanos) / 1e9;
            if (seconds <= 0) {
                return "n/a";
            }
            double busy = (machineBusyTicks - before.machineBusyTicks) / (double) CLOCK_TICKS;
            double own = (ownTicks - before.ownTicks) / (double) CLOCK_TICKS;
            double others = Math.max(0, busy - own) / seconds;
            double ours = own / seconds;
            return "others %.2f cores, benchmark %.2f cores".formatted(others, ours);
        }

        /** CPU seconds this JVM and the embedded PostgreSQL used since the earlier sample. */
        double ownSecondsSince(CpuSample before) {
            return (ownTicks - before.ownTicks) / (double) CLOCK_TICKS;
        }

        static long ticksOf(ProcessHandle process) {
            try {
                String[] f = fieldsAfterName(Files.readString(Path.of("/proc", String.valueOf(process.pid()),
                        "stat")));
                // utime, stime, cutime, cstime are fields 14-17 of the full line: 11-14 here
                return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            } catch (IOException | RuntimeException e) {
                return 0; // the process ended meanwhile
            }
        }

        /** A process with every process it started, as those that have not ended stand now. */
        static long ticksWithDescendants(ProcessHandle process) {
            long ticks = ticksOf(process);
            for (ProcessHandle descendant : process.descendants().toList()) {
                ticks += ticksOf(descendant);
            }
            return ticks;
        }
    }

    /** The fields of a /proc stat line after the command name, which may contain spaces and ends at the last ')'. */
    private static String[] fieldsAfterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
    }

    /**
     * This JVM's CPU per thread and the embedded PostgreSQL's, so a figure of CPU per operation can say where it
     * went: the application's request threads, the benchmark's own clients (in this JVM, on the same two cores),
     * the garbage collector, the JIT compiler, the rest of the JVM, or the database.
     */
    record CpuSplit(Map<Long, Long> threadTicks, Map<Long, String> threadNames, long jvmTicks, long databaseTicks,
            long wallNanos) {

        static CpuSplit take(long postmasterPid) {
            Map<Long, Long> ticks = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] f = fieldsAfterName(stat);
                        long tid = Long.parseLong(task.getFileName().toString());
                        ticks.put(tid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                        names.put(tid, name);
                    } catch (IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long database = postmasterPid > 0 ? ProcessHandle.of(postmasterPid)
                    .map(CpuSample::ticksWithDescendants).orElse(0L) : 0;
            return new CpuSplit(ticks, names, CpuSample.ticksOf(ProcessHandle.current()), database,
                    System.nanoTime());
        }

        /** Cores' worth of CPU the JIT compiler's threads used since the earlier sample. */
        double jitCoresSince(CpuSplit before) {
            long jit = 0;
            for (Map.Entry<Long, Long> thread : threadTicks.entrySet()) {
                if (part(threadNames.get(thread.getKey())).equals("JIT")) {
                    jit += thread.getValue() - before.threadTicks.getOrDefault(thread.getKey(), 0L);
                }
            }
            return jit / (double) CLOCK_TICKS / Math.max(1e-9, (wallNanos - before.wallNanos) / 1e9);
        }

        /**
         * Milliseconds of CPU per operation since the earlier sample, by part. Threads that ended meanwhile (the
         * closed loop's clients end with their level) are counted with the clients: their CPU is in the JVM's
         * total but no longer in any thread's.
         */
        String perOperationSince(CpuSplit before, long operations) {
            Map<String, Long> parts = new LinkedHashMap<>();
            for (String part : List.of("request threads", "clients", "GC", "JIT", "rest of the JVM", "PostgreSQL")) {
                parts.put(part, 0L);
            }
            long threads = 0;
            for (Map.Entry<Long, Long> thread : threadTicks.entrySet()) {
                long delta = thread.getValue() - before.threadTicks.getOrDefault(thread.getKey(), 0L);
                threads += delta;
                parts.merge(part(threadNames.get(thread.getKey())), delta, Long::sum);
            }
            parts.merge("clients", Math.max(0, jvmTicks - before.jvmTicks - threads), Long::sum);
            parts.put("PostgreSQL", databaseTicks - before.databaseTicks);
            double n = Math.max(1, operations);
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, Long> part : parts.entrySet()) {
                text.append(text.isEmpty() ? "" : ", ").append("%s %.2f".formatted(part.getKey(),
                        part.getValue() * 1000.0 / CLOCK_TICKS / n));
            }
            return text.append(" ms").toString();
        }

        private static String part(String thread) {
            if (thread.startsWith("http-nio")) {
                return "request threads";
            }
            if (thread.startsWith("bench-")) {
                return "clients";
            }
            if (thread.startsWith("GC ") || thread.startsWith("G1 ")) {
                return "GC";
            }
            if (thread.startsWith("C1 ") || thread.startsWith("C2 ")) {
                return "JIT";
            }
            return "rest of the JVM";
        }
    }

    /** A field of /proc/pid/status (VmRSS, VmHWM, ...) in kB, or -1. */
    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Proportional set size (kB) of a process: its shared pages divided among the processes sharing them. */
    static long pssKb(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"));
            for (String line : lines) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** The server's process id from postmaster.pid in its data directory, or 0. */
    static long postmasterPid(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Removes a folder the benchmark left behind (a database cluster of an earlier, interrupted run). */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String meminfo(String field) {
        return read("/proc/meminfo").lines().filter(l -> l.startsWith(field + ":")).findFirst()
                .map(l -> {
                    long kb = Long.parseLong(l.substring(field.length() + 1).trim().split("\\s+")[0]);
                    return "%.1f GiB".formatted(kb / 1024.0 / 1024.0);
                }).orElse("unknown");
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
