package org.gcmreview.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.gcmreview.reference.Objective;
import org.gcmreview.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * For drafting reminders and escalations: which of a ministry's objectives are still open (no status or no
 * narrative yet), as a paragraph of the mail in its recipient's language.
 */
@Component
class OpenObjectives {

    private final Contributions contributions;
    private final ReferenceData reference;
    private final DraftingMessages messages;

    OpenObjectives(Contributions contributions, ReferenceData reference, DraftingMessages messages) {
        this.contributions = contributions;
        this.reference = reference;
        this.messages = messages;
    }

    List<Contribution> of(DraftingContext ctx) {
        return contributions.forMinistry(ctx.cycle().id(), ctx.ministry().id()).stream()
                .filter(c -> !c.drafted()).toList();
    }

    String paragraph(List<Contribution> open, Locale language) {
        if (open.isEmpty()) {
            return messages.in(language, "mail.open.none");
        }
        return messages.in(language, "mail.open.list", open.stream()
                .map(c -> "- " + messages.in(language, "drafting.label.objective", c.objectiveNumber()) + ": "
                        + reference.objective(c.objectiveNumber()).map(Objective::shortTitle).orElse(""))
                .collect(Collectors.joining("\n")));
    }
}
