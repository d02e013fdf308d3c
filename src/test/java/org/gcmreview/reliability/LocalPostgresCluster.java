package org.gcmreview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A throw-away PostgreSQL cluster run with the machine's own PostgreSQL server binaries (Debian's package
 * {@code postgresql}, under /usr/lib/postgresql/<major>/bin), because the backup test needs pg_dump and
 * pg_restore of the server's own major version, which the embedded binaries do not include. The server runs as
 * the {@code postgres} system user when the tests run as root (PostgreSQL refuses root), listens on loopback
 * only, trusts local connections and is deleted when closed.
 */
final class LocalPostgresCluster implements AutoCloseable {

    static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path dataDirectory;
    private final int port;
    private final boolean asPostgresUser;

    private LocalPostgresCluster(Path bin, Path dataDirectory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * The newest installed major version with server and dump tools. Fails, never skips: CI installs them
     * (.ci/system-packages, run by ./mvnw verify), and a backup test that silently does not run proves nothing.
     */
    static Path binaries() {
        Optional<Path> found = Optional.empty();
        if (Files.isDirectory(DEBIAN_BINARIES)) {
            try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
                found = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Stream.of("initdb", "pg_ctl", "pg_dump", "pg_restore")
                                .allMatch(tool -> Files.isExecutable(bin.resolve(tool))))
                        .max(Comparator.comparing(bin -> majorVersion(bin.getParent())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found.orElseThrow(() -> new AssertionError("The backup test needs PostgreSQL's server binaries "
                + "with pg_dump and pg_restore (" + DEBIAN_BINARIES + "/<version>/bin), and found none. Install "
                + "them with: apt-get install postgresql   (./mvnw verify does this when they are missing)"));
    }

    static LocalPostgresCluster start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path data = Files.createTempDirectory("gcm-review-backup-test-");
        if (root) {
            UserPrincipal postgres = data.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(data, postgres);
        }
        int port = freePort();
        LocalPostgresCluster cluster = new LocalPostgresCluster(bin, data, port, root);
        cluster.server("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C");
        cluster.server("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return cluster;
    }

    void createDatabase(String name) {
        database("postgres").jdbc().sql("create database " + name).update();
    }

    Database database(String name) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl(name));
        dataSource.setUser("postgres");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String url = jdbcUrl(name);
        return new Database() {
            @Override
            public String jdbcUrl() {
                return url;
            }

            @Override
            public String username() {
                return "postgres";
            }

            @Override
            public String password() {
                return "";
            }

            @Override
            public JdbcClient jdbc() {
                return jdbc;
            }
        };
    }

    /** The production backup command (README, "Backups"): custom format, consistent while the app runs. */
    void dump(String database, Path file) throws IOException, InterruptedException {
        client("pg_dump", "--host=127.0.0.1", "--port=" + port, "--username=postgres", "--format=custom",
                "--file=" + file.toAbsolutePath(), database);
    }

    /** The production restore command (README, "Backups"), into an empty database. */
    void restore(Path file, String database) throws IOException, InterruptedException {
        client("pg_restore", "--host=127.0.0.1", "--port=" + port, "--username=postgres", "--dbname=" + database,
                "--no-owner", "--exit-on-error", file.toAbsolutePath().toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            server("pg_ctl", "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Server tools run as the postgres user when we are root: PostgreSQL will not run as root. */
    private void server(String tool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        run(command);
    }

    private void client(String tool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("gcm-review-pg-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            boolean finished = process.waitFor(3, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            assertThat(finished && process.exitValue() == 0)
                    .as("%s%n%s", String.join(" ", command), Files.readString(output)).isTrue();
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static int majorVersion(Path versionDirectory) {
        try {
            return Integer.parseInt(versionDirectory.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
