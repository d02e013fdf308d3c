package org.gcmreview.submission;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads the id variables the processes carry; a missing one is a modelling error, reported by name. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    public static long id(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("Process variable " + name + " is missing or not a number: " + value);
    }

    public static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalStateException("Process variable " + name + " is missing");
    }
}
