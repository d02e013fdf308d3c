package org.gcmreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The top-level packages are modules (each says in its package-info what it owns and offers). This fails on an
 * import cycle between modules and on any use of another module's internals: its sub-packages, unless declared a
 * named interface, and its package-private types. It also rewrites the module diagrams in docs/modules, so they
 * show the code as it is; a changed diagram shows up in the diff.
 */
class ModuleStructureTest {

    static final Path DIAGRAMS = Path.of("docs", "modules");

    static final ApplicationModules MODULES = ApplicationModules.of(GcmReviewApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersInterfaces() {
        MODULES.verify();
    }

    @Test
    void moduleDiagramIsWrittenToDocs() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> files = Files.list(DIAGRAMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(file, stableOrder(Files.readAllLines(file)));
                assertThat(Files.readString(file)).startsWith("@startuml");
            }
        }
        assertThat(DIAGRAMS.resolve("components.puml")).content().contains("Progress", "Cycle", "Report");
    }

    /** Modulith lists components and relations in no fixed order; sorted, a diagram changes only with the code. */
    static List<String> stableOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String kind = null;
        for (String line : lines) {
            String lineKind = line.startsWith("Rel(") ? "Rel" : line.startsWith("  Component(") ? "Component" : null;
            if (!Objects.equals(lineKind, kind)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
                kind = lineKind;
            }
            if (lineKind == null) {
                out.add(line);
            } else {
                run.add(line);
            }
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }
}
