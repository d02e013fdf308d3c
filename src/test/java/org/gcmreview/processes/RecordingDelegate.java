package org.gcmreview.processes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Test double for one of the application's delegate beans: registered under the bean name the BPMN's
 * {@code delegateExpression} uses, it records every call with a snapshot of what the execution saw at that
 * moment, and can act like the real bean (e.g. correlate a message to another process).
 */
final class RecordingDelegate implements JavaDelegate {

    /** What a delegate saw when it ran. */
    record Call(String activityId, String businessKey, String tenantId, Map<String, Object> variables) {

        Object variable(String name) {
            return variables.get(name);
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final Consumer<DelegateExecution> behaviour;

    private RecordingDelegate(Consumer<DelegateExecution> behaviour) {
        this.behaviour = behaviour;
    }

    /** Registers a delegate that only records, under the given bean name. */
    static RecordingDelegate register(String beanName) {
        return register(beanName, execution -> {
        });
    }

    /** Registers a delegate that records and then does what the real bean would do. */
    static RecordingDelegate register(String beanName, Consumer<DelegateExecution> behaviour) {
        RecordingDelegate delegate = new RecordingDelegate(behaviour);
        Mocks.register(beanName, delegate);
        return delegate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // HashMap: process variables may be null, which Map.copyOf refuses
        Map<String, Object> variables = Collections.unmodifiableMap(new HashMap<>(execution.getVariables()));
        calls.add(new Call(execution.getCurrentActivityId(), execution.getProcessBusinessKey(),
                execution.getTenantId(), variables));
        behaviour.accept(execution);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    Call onlyCall() {
        if (calls.size() != 1) {
            throw new AssertionError("expected exactly one call but got " + calls.size() + ": " + calls);
        }
        return calls.get(0);
    }

    List<Object> valuesOf(String variable) {
        return calls.stream().map(call -> call.variable(variable)).toList();
    }
}
