package org.gcmreview.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The image is built from what the Dockerfile copies, so every folder the Maven build reads must be copied: a
 * resource folder added to pom.xml (as docs/ once was, for the published JSON Schema) and left out of the
 * Dockerfile would build fine here and break only in the image.
 */
class DockerfileTest {

    static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void theBuildStageCopiesEveryFolderThePackageBuildReads() {
        List<String> copied = BuildContext.copiedByBuildStage(ROOT.resolve("Dockerfile"));
        Set<String> copiedTopLevel = new TreeSet<>();
        copied.forEach(c -> copiedTopLevel.add(c.replaceAll("/+$", "").split("/")[0]));
        assertThat(copiedTopLevel).as("what the Dockerfile copies (%s)", copied)
                .containsAll(BuildContext.readByPackageBuild(ROOT.resolve("pom.xml")));
    }

    @Test
    void everythingTheDockerfileCopiesExists() {
        assertThat(BuildContext.copiedByBuildStage(ROOT.resolve("Dockerfile")))
                .isNotEmpty()
                .allSatisfy(path -> assertThat(ROOT.resolve(path)).exists());
    }

    @Test
    void theReadFoldersIncludeTheResourcesThisBuildIsKnownToNeed() {
        // a guard on the parser itself: these are in pom.xml today
        assertThat(BuildContext.readByPackageBuild(ROOT.resolve("pom.xml")))
                .contains("src", "processes", "db", "docs", "mvnw", ".mvn", "pom.xml");
    }

    @Test
    void composeGivesTheAppWhatADeploymentNeeds() throws Exception {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertThat(compose).contains("SPRING_DATASOURCE_URL", "GCM_BOOTSTRAP_ADMIN_EMAIL", "GCM_MAIL_ENABLED",
                "MAIL_HOST", "GCM_PUBLIC_URL");
    }
}
