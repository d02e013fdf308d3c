package org.gcmreview.identity;

import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;

/**
 * Camunda keeps Cockpit's runtime in a static field that its servlet listener clears when any web server of the
 * JVM stops. In one test JVM, Spring's context cache stops old test contexts (each with its own Tomcat) while
 * others still serve, which left Cockpit answering 500 in the contexts that remained. Tests that call Cockpit
 * over real HTTP put it back first; one application per JVM, as in production, never meets this.
 */
public final class CockpitRuntime {

    private CockpitRuntime() {
    }

    public static void ensure() {
        if (Cockpit.getRuntimeDelegate() == null) {
            Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
        }
    }
}
