package org.gcmreview.consultation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inputs the coordinator grouped as duplicates, shown together and counted once: the first input of the
 * group and those marked as its duplicates. A group of one is an input without duplicates.
 *
 * @param id the group's first input's id
 * @param members the group's inputs in the order received
 */
record InputGroup(long id, List<ConsultationInput> members) {

    /** Groups inputs (any subset of a window's inputs), in the order their groups' first members arrived. */
    static List<InputGroup> of(List<ConsultationInput> inputs) {
        Map<Long, List<ConsultationInput>> byGroup = new LinkedHashMap<>();
        for (ConsultationInput input : inputs) {
            byGroup.computeIfAbsent(input.groupId(), id -> new ArrayList<>()).add(input);
        }
        return byGroup.entrySet().stream().map(e -> new InputGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    public ConsultationInput first() {
        return members.get(0);
    }

    /** The members after the first, shown as "also said by". */
    public List<ConsultationInput> others() {
        return members.subList(1, members.size());
    }

    /** The group's response: every member gets the same one when it is recorded. */
    public ConsultationInput answered() {
        return members.stream().filter(m -> m.responseOutcome() != null).findFirst().orElse(first());
    }

    public boolean needsResponse() {
        return members.stream().anyMatch(m -> m.responseOutcome() == null);
    }

    /** The objectives and sections the group's inputs are about, without repeats. */
    public List<InputTarget> targets() {
        return members.stream().map(ConsultationInput::target).distinct().toList();
    }
}
