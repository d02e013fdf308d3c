package org.gcmreview.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19.6: the engine starts without making its FEEL engine, and a decision table still evaluates FEEL
 * (input expressions, ranges, comparisons) once one is asked for.
 */
@ApplicationTest
class FeelOnFirstUseTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void decisionsEvaluateFeelWithTheEngineMadeAtFirstUse() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
                .isInstanceOf(FeelOnFirstUse.Deferred.class);
        FeelOnFirstUse.Deferred feel = (FeelOnFirstUse.Deferred) configuration.getDmnEngineConfiguration()
                .getFeelEngine();

        // parsed and evaluated as the engine does, inside one of its commands (the engine's transform handlers
        // read its configuration from the command context)
        configuration.getCommandExecutorTxRequired().execute(context -> {
            DmnEngine dmn = configuration.getDmnEngine();
            DmnDecision decision;
            try (InputStream in = getClass().getResourceAsStream("band.dmn")) {
                decision = dmn.parseDecision("band", in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // nothing in the product evaluates a decision, and no other test does
            assertThat(feel.made()).as("FEEL engine made before any decision was evaluated").isFalse();

            assertThat(band(dmn, decision, 3)).isEqualTo("low");
            assertThat(band(dmn, decision, 7)).isEqualTo("middle");
            assertThat(band(dmn, decision, 10)).isEqualTo("middle");
            assertThat(band(dmn, decision, 11)).isEqualTo("high");
            return null;
        });
        assertThat(feel.made()).isTrue();
    }

    private static Object band(DmnEngine dmn, DmnDecision decision, int amount) {
        return dmn.evaluateDecisionTable(decision, Map.of("amount", amount)).getSingleResult().getEntry("band");
    }
}
