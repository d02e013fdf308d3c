package org.gcmreview.cycle;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gcmreview.web.Formats;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/** Puts the problems {@link PlanningRules} finds into a form's errors, and warnings into page messages. */
@Component
class PlanValidation {

    private final Formats formats;
    private final CycleMessages messages;

    PlanValidation(Formats formats, CycleMessages messages) {
        this.formats = formats;
        this.messages = messages;
    }

    void reject(List<PlanningRules.Problem> problems, Errors errors) {
        for (PlanningRules.Problem p : problems) {
            errors.rejectValue(p.field(), p.key(), args(p.args()), null);
        }
    }

    /** Warnings as field -> message, in the reader's language (the first per field). */
    Map<String, String> messages(List<PlanningRules.Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PlanningRules.Problem p : problems) {
            out.putIfAbsent(p.field(), messages.get(p.key(), args(p.args())));
        }
        return out;
    }

    private Object[] args(Object[] args) {
        return Arrays.stream(args).map(a -> a instanceof LocalDate d ? formats.date(d) : a).toArray();
    }
}
