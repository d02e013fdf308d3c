package org.gcmreview.engine;

import java.util.function.Supplier;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.springframework.stereotype.Component;

/**
 * The engine's FEEL engine (decision tables only) is made when a decision first evaluates an expression, not at
 * every start: the Scala FEEL engine loads some 330 classes and the Scala runtime at start-up (issue 19.6), and the
 * product deploys no decision ({@link ProductProcessesOnly}). Which engine is made, and with which custom functions,
 * is what Camunda itself would choose ({@code DefaultDmnEngineConfiguration.initFeelEngine}), read at first use so
 * the engine's own settings (dmnFeelEnableLegacyBehavior, dmnFeelCustomFunctionProviders) still count.
 */
@Component
class FeelOnFirstUse extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (dmn.getFeelEngineFactory() == null) {
            dmn.setFeelEngineFactory(() -> new Deferred(() -> (dmn.isEnableFeelLegacyBehavior()
                    ? new FeelEngineFactoryImpl()
                    : new ScalaFeelEngineFactory(dmn.getFeelCustomFunctionProviders())).createInstance()));
        }
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** A FEEL engine that makes the real one at its first evaluation. */
    static final class Deferred implements FeelEngine {

        private final Supplier<FeelEngine> maker;
        private volatile FeelEngine engine;

        Deferred(Supplier<FeelEngine> maker) {
            this.maker = maker;
        }

        boolean made() {
            return engine != null;
        }

        private FeelEngine engine() {
            FeelEngine made = engine;
            if (made == null) {
                synchronized (this) {
                    made = engine;
                    if (made == null) {
                        made = maker.get();
                        engine = made;
                    }
                }
            }
            return made;
        }

        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
            return engine().evaluateSimpleExpression(expression, variables);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
            return engine().evaluateSimpleUnaryTests(expression, inputVariable, variables);
        }
    }
}
