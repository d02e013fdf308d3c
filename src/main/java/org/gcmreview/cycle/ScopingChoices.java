package org.gcmreview.cycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gcmreview.reference.Objective;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.tasks.TaskSubmission;
import org.springframework.stereotype.Component;

/**
 * The "who drafts what" part of scoping: the objectives in scope, the contributing ministries, the lead of each
 * objective (or the default lead) and the other ministries drafting it. Its fields are named per objective
 * ({@code lead-7}, {@code contributors-7}), which a record cannot bind, so this part stays hand-read; the dates
 * are bound with FormBinder ({@link ScopingDates}).
 */
@Component
class ScopingChoices {

    /** Who drafts what, checked. */
    record Choices(List<Objective> objectives, List<Ministry> ministries, Map<Integer, Ministry> leads,
            Map<Integer, Set<Ministry>> contributors) {
    }

    private final ReferenceData reference;
    private final CycleMessages messages;

    ScopingChoices(ReferenceData reference, CycleMessages messages) {
        this.reference = reference;
        this.messages = messages;
    }

    /** Reads and checks the choices; every problem is put in {@code errors} against its field. */
    Choices read(TaskSubmission form, List<Ministry> countryMinistries, Map<String, String> errors) {
        Map<Integer, Objective> allObjectives = reference.objectives().stream()
                .collect(Collectors.toMap(Objective::number, Function.identity()));
        Set<Integer> objectiveNumbers = new TreeSet<>();
        for (String value : form.all("objectives")) {
            Integer n = integer(value);
            if (n == null || !allObjectives.containsKey(n)) {
                errors.put("objectives", messages.get("cycle.scope.error.objectiveUnknown"));
            } else {
                objectiveNumbers.add(n);
            }
        }
        if (form.all("objectives").isEmpty()) {
            errors.put("objectives", messages.get("cycle.scope.error.objectivesNone"));
        }

        Map<Long, Ministry> byId = countryMinistries.stream()
                .collect(Collectors.toMap(Ministry::id, Function.identity()));
        Set<Ministry> chosen = new LinkedHashSet<>();
        for (String value : form.all("ministries")) {
            Ministry m = ministry(value, byId);
            if (m == null) {
                errors.put("ministries", messages.get("cycle.scope.error.ministryUnknown"));
            } else {
                chosen.add(m);
            }
        }
        if (form.all("ministries").isEmpty()) {
            errors.put("ministries", messages.get("cycle.scope.error.ministriesNone"));
        }

        Ministry defaultLead = null;
        if (!form.field("defaultLead").isEmpty()) {
            defaultLead = ministry(form.field("defaultLead"), byId);
            if (defaultLead == null || !chosen.contains(defaultLead)) {
                errors.put("defaultLead", messages.get("cycle.scope.error.defaultLead"));
                defaultLead = null;
            }
        }
        Map<Integer, Ministry> leads = new TreeMap<>();
        Map<Integer, Set<Ministry>> contributors = new TreeMap<>();
        List<Integer> withoutLead = new ArrayList<>();
        for (int n : objectiveNumbers) {
            String field = "lead-" + n;
            Ministry lead = form.field(field).isEmpty() ? defaultLead : ministry(form.field(field), byId);
            if (lead == null && form.field(field).isEmpty()) {
                withoutLead.add(n);
            } else if (lead == null || !chosen.contains(lead)) {
                errors.put(field, messages.get("cycle.scope.error.leadNotContributing", n));
            } else {
                leads.put(n, lead);
            }
            Set<Ministry> others = new LinkedHashSet<>();
            for (String value : form.all("contributors-" + n)) {
                Ministry m = ministry(value, byId);
                if (m == null || !chosen.contains(m)) {
                    errors.put("contributors-" + n,
                            messages.get("cycle.scope.error.contributorNotChosen", n));
                } else if (!m.equals(lead)) {
                    others.add(m);
                }
            }
            contributors.put(n, others);
        }
        // no default lead and several objectives without one: one error at the default lead, not one per objective
        if (withoutLead.size() == 1) {
            errors.put("lead-" + withoutLead.get(0), messages.get("cycle.scope.error.leadMissing",
                    withoutLead.get(0)));
        } else if (withoutLead.size() > 1 && !errors.containsKey("defaultLead")) {
            errors.put("defaultLead", messages.get("cycle.scope.error.defaultLeadMissing", withoutLead.size(),
                    withoutLead.stream()
                            // in the page's digits, as every other number of the page
                            .map(java.text.NumberFormat.getIntegerInstance(
                                    org.springframework.context.i18n.LocaleContextHolder.getLocale())::format)
                            .collect(Collectors.joining(", "))));
        }
        if (!errors.containsKey("ministries")) {
            List<String> idle = chosen.stream()
                    .filter(m -> !leads.containsValue(m) && contributors.values().stream().noneMatch(s -> s.contains(m)))
                    .map(Ministry::name).toList();
            if (!idle.isEmpty() && leads.size() == objectiveNumbers.size()) {
                errors.put("ministries", messages.get("cycle.scope.error.idleMinistries", String.join(", ", idle)));
            }
        }

        List<Objective> objectives = objectiveNumbers.stream().map(allObjectives::get).toList();
        List<Ministry> chosenInOrder = chosen.stream().sorted(Comparator.comparing(Ministry::code)).toList();
        return new Choices(objectives, chosenInOrder, leads, contributors);
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Ministry ministry(String value, Map<Long, Ministry> byId) {
        try {
            return byId.get(Long.valueOf(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
