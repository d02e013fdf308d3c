package org.gcmreview;

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

    static final ApplicationModules MODULES = ApplicationModules.of(GcmReviewApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersInterfaces() {
        MODULES.verify();
    }

    @Test
    void moduleDiagramIsWrittenToDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
