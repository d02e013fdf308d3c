package org.gcmreview.tasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** All task forms contributed by the features, by form key. */
@Component
class TaskForms {

    private final Map<String, TaskForm> byFormKey;

    TaskForms(List<TaskForm> forms) {
        this.byFormKey = forms.stream().collect(Collectors.toUnmodifiableMap(TaskForm::formKey, Function.identity()));
    }

    public Optional<TaskForm> forKey(String formKey) {
        return Optional.ofNullable(formKey).map(byFormKey::get);
    }

    public Set<String> formKeys() {
        return byFormKey.keySet();
    }
}
