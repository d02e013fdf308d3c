package org.gcmreview.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A JDK Flight Recorder recording around one measured part of a run ({@code profile=true}): CPU samples every 10 ms
 * (the "profile" settings), written to target/bench/&lt;name&gt;.jfr. The application runs in this JVM, so the
 * recording holds the server threads ({@code http-nio-*}) beside the benchmark's clients; docs/flamegraph.py keeps
 * the ones asked for and draws the flame graph.
 */
final class Profiling implements AutoCloseable {

    private final Recording recording;
    private final Path file;

    private Profiling(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /** Starts a recording when asked to; otherwise a no-op. */
    static Profiling start(boolean on, String name) throws Exception {
        if (!on) {
            return new Profiling(null, null);
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.start();
        return new Profiling(recording, Path.of("target", "bench", name + ".jfr"));
    }

    @Override
    public void close() throws IOException {
        if (recording == null) {
            return;
        }
        recording.stop();
        Files.createDirectories(file.getParent());
        recording.dump(file);
        recording.close();
        System.out.println("[bench] JFR recording written to " + file.toAbsolutePath());
    }
}
