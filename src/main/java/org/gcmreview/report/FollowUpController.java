package org.gcmreview.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.support.FormBinder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What became of the previous report's next steps (issue 16.3): the list of a cycle's follow-up items and one
 * form per item. The country's coordinator records any item; a ministry the items naming an objective it drafts.
 * Everyone else (another country, secretariats, stakeholders) gets "not found": the items are working data until
 * the report is published, where they are part of the report.
 */
@Controller
class FollowUpController {

    static final int MAX_NOTE = 2_000;

    /** The item form, bound by {@link FormBinder}. */
    record Outcome(
            @NotNull(message = "followup.error.outcome")
            @Pattern(regexp = "^(DONE|IN_PROGRESS|DROPPED)$", message = "followup.error.outcome") String outcome,
            @Size(max = MAX_NOTE, message = "followup.error.noteLength") String note,
            @NotNull(message = "drafting.error.incomplete") Integer version) {
    }

    private final ReviewCycles cycles;
    private final FollowUpItems items;
    private final Contributions contributions;
    private final FormBinder binder;
    private final DraftingMessages messages;
    private final AuditLog audit;

    FollowUpController(ReviewCycles cycles, FollowUpItems items, Contributions contributions, FormBinder binder,
            DraftingMessages messages, AuditLog audit) {
        this.cycles = cycles;
        this.items = items;
        this.contributions = contributions;
        this.binder = binder;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping("/cycles/{id}/follow-ups")
    String list(@PathVariable long id, CurrentUser user, Model model) {
        ReviewCycle cycle = ownCycle(id, user);
        Set<Integer> mine = editableObjectives(cycle, user);
        model.addAttribute("cycle", cycle);
        model.addAttribute("items", items.forCycle(cycle.id()));
        model.addAttribute("mayRecordAll", mine == null);
        model.addAttribute("mine", mine == null ? Set.of() : mine);
        model.addAttribute("open", open(cycle));
        return "report/follow-ups";
    }

    @GetMapping("/cycles/{id}/follow-ups/{itemId}")
    String item(@PathVariable long id, @PathVariable long itemId, CurrentUser user, Model model) {
        ReviewCycle cycle = ownCycle(id, user);
        FollowUpItem item = editableItem(cycle, itemId, user);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("outcome", item.outcome() == null ? "" : item.outcome());
        values.add("note", item.note());
        values.add("version", String.valueOf(item.lockVersion()));
        return itemView(cycle, item, values, Map.of(), model);
    }

    @PostMapping("/cycles/{id}/follow-ups/{itemId}")
    @Transactional
    String record(@PathVariable long id, @PathVariable long itemId, @RequestParam MultiValueMap<String, String> fields,
            CurrentUser user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ReviewCycle cycle = ownCycle(id, user);
        FollowUpItem item = editableItem(cycle, itemId, user);
        FormBinder.Bound<Outcome> form = binder.bind(Outcome.class, fields);
        if (!form.valid()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return itemView(cycle, item, fields, binder.errors(form), model);
        }
        Outcome outcome = form.value();
        String note = SectionContent.normalise(outcome.note());
        if (!items.record(item.id(), FollowUpOutcome.valueOf(outcome.outcome()), note, outcome.version(), user.id())) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            FollowUpItem theirs = items.find(cycle.id(), itemId).orElseThrow();
            MultiValueMap<String, String> values = new LinkedMultiValueMap<>(fields);
            values.set("version", String.valueOf(theirs.lockVersion()));
            return itemView(cycle, theirs, values, Map.of("outcome", messages.get("followup.error.conflict",
                    messages.get(theirs.outcomeKey()), theirs.note())), model);
        }
        cycles.touch(cycle.id());
        audit.record(AuditEntry.of(user.username(), "FOLLOW_UP_RECORDED", cycle.countryIso3(), "review_cycle",
                cycle.id(), "follow-up item " + item.id() + " (" + (item.position() + 1) + "): " + outcome.outcome()
                        + ", note " + note.length() + " characters"));
        redirect.addFlashAttribute("flash", messages.get("followup.flash.recorded", item.position() + 1));
        return "redirect:/cycles/" + cycle.id() + "/follow-ups";
    }

    private String itemView(ReviewCycle cycle, FollowUpItem item, MultiValueMap<String, String> values,
            Map<String, String> errors, Model model) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("item", item);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (FollowUpOutcome o : FollowUpOutcome.values()) {
            outcomes.put(o.name(), messages.get("followup.outcome." + o.name()));
        }
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("noteMax", MAX_NOTE);
        return "report/follow-up";
    }

    /** The cycle, for its own country's coordinator and ministries; anyone else is told it does not exist. */
    private ReviewCycle ownCycle(long id, CurrentUser user) {
        return cycles.findById(id)
                .filter(c -> (user.is(Role.COORDINATOR) || user.is(Role.MINISTRY))
                        && user.belongsToCountry(c.countryIso3()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** An item this user may record; an item of another cycle is not found, one of another ministry forbidden. */
    private FollowUpItem editableItem(ReviewCycle cycle, long itemId, CurrentUser user) {
        FollowUpItem item = items.find(cycle.id(), itemId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Set<Integer> mine = editableObjectives(cycle, user);
        if (!open(cycle) || (mine != null && (item.objectiveNumber() == null
                || !mine.contains(item.objectiveNumber())))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return item;
    }

    /** null: every item (the coordinator); otherwise the objectives the user's ministry drafts in this cycle. */
    private Set<Integer> editableObjectives(ReviewCycle cycle, CurrentUser user) {
        if (user.is(Role.COORDINATOR)) {
            return null;
        }
        if (user.ministryId() == null) {
            return Set.of();
        }
        List<Contribution> own = contributions.forMinistry(cycle.id(), user.ministryId());
        return own.stream().map(Contribution::objectiveNumber).collect(Collectors.toSet());
    }

    /** Outcomes are recorded until the report is published (or the cycle withdrawn). */
    private static boolean open(ReviewCycle cycle) {
        return cycle.status() != CycleStatus.PUBLISHED && cycle.status() != CycleStatus.WITHDRAWN;
    }
}
