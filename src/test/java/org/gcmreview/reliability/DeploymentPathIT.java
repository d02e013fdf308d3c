package org.gcmreview.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gcmreview.cycle.TestSmtp;
import org.gcmreview.deployment.BuildContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The deployment path of docker-compose.yml, without Docker (there is no Docker engine here): the application is
 * built from exactly what the Dockerfile copies into its build stage (offline, with this build's Maven
 * repository), and the jar runs against a PostgreSQL server of its own (Debian's, as in BackupRestoreIT) with the
 * environment docker-compose.yml gives the app container, no demo data, and a real SMTP server (GreenMail). Then
 * the way from an empty database to a country at work, over HTTP: the first administrator from the log, a
 * coordinator invited by mail, a ministry and its focal point, a cycle begun and scoped, the focal point's
 * drafting task; and the published JSON Schema and every static asset answer.
 */
class DeploymentPathIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final int SMTP_PORT = TestSmtp.freePort();
    static final String PASSWORD = "a long and good password";

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT);

    @TempDir
    Path work;

    @Test
    void fromAnEmptyDatabaseToACountryAtWork() throws Exception {
        Path jar = buildAsTheDockerfileDoes(work.resolve("context"));
        try (LocalPostgresCluster server = LocalPostgresCluster.start()) {
            // as the postgres image does with POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD
            server.database("postgres").jdbc().sql("create role gcm_review login password 'compose-secret'").update();
            server.database("postgres").jdbc().sql("create database gcm_review owner gcm_review").update();
            Database database = server.database("gcm_review");
            int port = freePort();
            String publicUrl = "http://localhost:" + port;
            Map<String, String> environment = composeEnvironment(Map.of(
                    "POSTGRES_PASSWORD", "compose-secret",
                    "GCM_BOOTSTRAP_ADMIN_EMAIL", "admin@gov.example",
                    "GCM_PUBLIC_URL", publicUrl,
                    "GCM_MAIL_ENABLED", "true",
                    "MAIL_HOST", "127.0.0.1",
                    "MAIL_PORT", String.valueOf(SMTP_PORT)));
            // the compose network's host name "postgres" is this test's server; the container's port 8080 is a free
            // port here (AppNode sets PORT)
            environment.put("SPRING_DATASOURCE_URL", environment.get("SPRING_DATASOURCE_URL")
                    .replace("//postgres:5432/", "//127.0.0.1:" + jdbcPort(database.jdbcUrl()) + "/"));
            assertThat(environment).doesNotContainKey("GCM_DEMO_ENABLED");
            // JSON logs, as an operator asks for them (README, "Operations")
            environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");

            try (AppNode app = AppNode.fromJar("deployment", jar, environment, port).awaitReady()) {
                assertThat(database.jdbc().sql("select count(*) from app_user").query(Integer.class).single())
                        .as("only the first administrator, no demo users").isEqualTo(1);
                assertThat(database.jdbc().sql("select count(*) from country").query(Integer.class).single())
                        .as("the member states in the reference data").isEqualTo(193);

                // 1. the first administrator: its link printed once to the log (and mailed)
                Matcher logged = Pattern.compile(Pattern.quote(publicUrl) + "/password\\?token=([A-Za-z0-9_-]+)")
                        .matcher(app.logText());
                assertThat(logged.find()).as("the set-password link in the log:\n%s", app.tail()).isTrue();
                String bootstrapToken = logged.group(1);
                assertThat(logged.find()).as("the link is printed once").isFalse();
                assertThat(app.logText().lines().filter(l -> l.contains("first administrator")).toList())
                        .singleElement().satisfies(line -> assertThat(line).startsWith("{\"@timestamp\"")
                                .contains("\"level\":\"WARN\"", "BootstrapAdministrator"));
                assertThat(tokenMailedTo("admin@gov.example", publicUrl)).isEqualTo(bootstrapToken);
                setPassword(app, bootstrapToken);
                WebUser admin = WebUser.signIn(app, "admin@gov.example", PASSWORD);

                // 2. the administrator invites Kenya's coordinator
                assertThat(admin.post(app, "/admin/accounts", WebUser.form("role", "COORDINATOR", "country", "KEN",
                        "commission", "", "displayName", "Amina Odhiambo", "email", "amina@kenya.example"))
                        .statusCode()).isEqualTo(302);
                setPassword(app, tokenMailedTo("amina@kenya.example", publicUrl));
                WebUser coordinator = WebUser.signIn(app, "amina@kenya.example", PASSWORD);

                // 3. the coordinator adds a ministry and invites its focal point (the mail is caught)
                assertThat(coordinator.post(app, "/country/ministries", WebUser.form("code", "INTERIOR",
                        "name", "Ministry of Interior", "languages", "en", "languages", "fr")).statusCode())
                        .isEqualTo(302);
                long ministry = database.jdbc().sql("select id from ministry where country_iso3 = 'KEN'")
                        .query(Long.class).single();
                assertThat(coordinator.post(app, "/country/focal-points", WebUser.form("displayName", "Peter Mwangi",
                        "email", "peter@interior.ke.example", "ministry", String.valueOf(ministry))).statusCode())
                        .isEqualTo(302);

                // 4. the focal point sets a password
                setPassword(app, tokenMailedTo("peter@interior.ke.example", publicUrl));
                WebUser focalPoint = WebUser.signIn(app, "peter@interior.ke.example", PASSWORD);

                // 5. the coordinator begins and scopes a cycle
                NationalReviewSteps steps = new NationalReviewSteps(database);
                long cycle = steps.beginCycle(coordinator, app, "2026");
                HttpResponse<String> scoped = steps.complete(coordinator, app, steps.openTask(cycle, "ScopeReview"),
                        scopeForm(ministry));
                assertThat(scoped.statusCode()).as("scoping: %s", scoped.body()).isEqualTo(302);

                // 6. the focal point sees the drafting task
                String drafting = steps.openTask(cycle, "DraftContribution");
                HttpResponse<String> inbox = focalPoint.get(app, "/tasks");
                assertThat(inbox.statusCode()).isEqualTo(200);
                assertThat(inbox.body()).contains("/tasks/" + drafting);
                assertThat(focalPoint.get(app, "/tasks/" + drafting).statusCode()).isEqualTo(200);

                // 7. the published schema and every static asset
                WebUser visitor = WebUser.anonymous();
                HttpResponse<String> schema = visitor.get(app, "/published/report-schema.json");
                assertThat(schema.statusCode()).isEqualTo(200);
                assertThat(schema.body()).isEqualTo(Files.readString(ROOT.resolve("docs/report-schema.json")));
                List<String> assets = staticAssets();
                assertThat(assets).isNotEmpty();
                for (String asset : assets) {
                    assertThat(visitor.get(app, asset).statusCode()).as(asset).isEqualTo(200);
                }
            }
        }
    }

    /**
     * Copies what the Dockerfile's build stage copies, and only that, into a directory of its own and runs the
     * same build there, offline, with this build's local Maven repository: the jar it makes.
     */
    private static Path buildAsTheDockerfileDoes(Path context) throws IOException, InterruptedException {
        Files.createDirectories(context);
        for (String path : BuildContext.copiedByBuildStage(ROOT.resolve("Dockerfile"))) {
            copy(ROOT.resolve(path), context.resolve(path));
        }
        // the runtime stage then takes target/gcm-review-*.jar
        return JarBuild.packageIn(context, "docker-context");
    }

    private static void copy(Path from, Path to) throws IOException {
        assertThat(from).as("a path the Dockerfile copies").exists();
        if (Files.isDirectory(from)) {
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } else {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * The app service's environment in docker-compose.yml, with ${NAME}, ${NAME:-default} and ${NAME:?message}
     * filled in from the given variables, as docker compose does from the shell or .env.
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> composeEnvironment(Map<String, String> variables) throws IOException {
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(in);
        }
        Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("app");
        Map<String, Object> declared = (Map<String, Object>) app.get("environment");
        Pattern reference = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:-|:\\?)([^}]*))?}");
        Map<String, String> environment = new LinkedHashMap<>();
        declared.forEach((name, value) -> {
            Matcher m = reference.matcher(String.valueOf(value));
            StringBuilder resolved = new StringBuilder();
            while (m.find()) {
                String given = variables.get(m.group(1));
                if (given == null && ":?".equals(m.group(2))) {
                    throw new AssertionError("docker-compose.yml requires " + m.group(1) + ": " + m.group(3));
                }
                String replacement = given != null ? given : ":-".equals(m.group(2)) ? m.group(3) : "";
                m.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(resolved);
            environment.put(name, resolved.toString());
        });
        return environment;
    }

    /** The token of the set-password link in the last mail to this address. */
    private static String tokenMailedTo(String address, String publicUrl) {
        Pattern link = Pattern.compile(Pattern.quote(publicUrl) + "/password\\?token=([A-Za-z0-9_-]+)");
        List<String> tokens = new ArrayList<>();
        await("a mail to " + address).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> TestSmtp.mails(smtp).stream().anyMatch(m -> m.to().contains(address)));
        for (TestSmtp.Received mail : TestSmtp.mails(smtp)) {
            if (mail.to().contains(address)) {
                Matcher m = link.matcher(mail.body());
                assertThat(m.find()).as("a link in the mail to %s: %s", address, mail.body()).isTrue();
                tokens.add(m.group(1));
            }
        }
        return tokens.get(tokens.size() - 1);
    }

    private static void setPassword(AppNode app, String token) throws Exception {
        WebUser holder = WebUser.anonymous();
        HttpResponse<String> page = holder.get(app, "/password?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> set = holder.withCsrfTokenOf(page).post(app, "/password",
                WebUser.form("token", token, "password", PASSWORD, "passwordRepeated", PASSWORD));
        assertThat(set.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(
                "/login?passwordSet"));
    }

    private static Map<String, List<String>> scopeForm(long ministry) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return WebUser.form("action", "complete", "periodStart", "2022-01-01", "periodEnd", "2025-12-31",
                "draftingDue", today.plusDays(30).toString(), "reminderDays", "7",
                "consultationOpens", today.plusDays(40).toString(),
                "consultationCloses", today.plusDays(60).toString(),
                "ministries", String.valueOf(ministry), "objectives", "1", "lead-1", String.valueOf(ministry));
    }

    /** Every file under src/main/resources/static, as the path it is served at. */
    private static List<String> staticAssets() throws IOException {
        Path root = ROOT.resolve("src/main/resources/static");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> "/" + root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static int jdbcPort(String url) {
        Matcher m = Pattern.compile("//[^:/]+:(\\d+)/").matcher(url);
        assertThat(m.find()).as("port in %s", url).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
