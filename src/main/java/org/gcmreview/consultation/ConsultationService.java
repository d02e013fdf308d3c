package org.gcmreview.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.CyclePlans;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.processes.StakeholderConsultation;
import org.gcmreview.support.FormBinder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;

/**
 * The coordinator's steering of the consultation window: preparing it (what is open, whether individuals may
 * send input), closing it early and extending it.
 * <p>Larger than 250 lines for now: preparing, closing and extending share the window's lock and date rules; the three
 * steering actions are the next split (one class each) if it grows.
 */
@Service
class ConsultationService {

    static final String CLOSED_EARLY = StakeholderConsultation.MESSAGE_CLOSED_EARLY;
    static final String EXTENDED = StakeholderConsultation.MESSAGE_EXTENDED;
    static final int REASON_MAX = 1000;

    private final ConsultationWindows windows;
    private final ReviewCycles cycles;
    static final String OPENS_TIMER = "WindowOpensTimer";

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final ConsultationMessages messages;
    private final AuditLog audit;
    private final CyclePlans plans;
    private final FormBinder forms;

    ConsultationService(ConsultationWindows windows, ReviewCycles cycles, RuntimeService runtimeService,
            ManagementService managementService, ConsultationMessages messages, AuditLog audit, CyclePlans plans,
            FormBinder forms) {
        this.plans = plans;
        this.forms = forms;
        this.windows = windows;
        this.cycles = cycles;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.messages = messages;
        this.audit = audit;
    }

    /** The window's dates as scoping set them in the processes, before the window exists. */
    record ScheduledDates(Instant opensAt, Instant closesAt) {
    }

    Optional<ScheduledDates> scheduledDates(ReviewCycle cycle) {
        List<String> instances = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(cycle.businessKey()).list().stream().map(ProcessInstance::getId).toList();
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        Instant opensAt = dateVariable(instances, StakeholderConsultation.VAR_OPENS_AT);
        Instant closesAt = dateVariable(instances, ConsultationVariables.CLOSES_AT);
        return opensAt == null || closesAt == null ? Optional.empty()
                : Optional.of(new ScheduledDates(opensAt, closesAt));
    }

    private Instant dateVariable(List<String> instances, String name) {
        return runtimeService.createVariableInstanceQuery().processInstanceIdIn(instances.toArray(String[]::new))
                .variableName(name).list().stream().map(VariableInstance::getValue)
                .filter(Date.class::isInstance).map(v -> ((Date) v).toInstant()).findFirst().orElse(null);
    }

    /**
     * Chooses what the consultation is open for and whether individuals may send input. Before the window
     * opens, this creates it (SCHEDULED) with the dates scoping set, and the public page announces it.
     *
     * @param fields the settings form ({@link SteeringForms.Settings})
     * @return field errors; empty when saved
     */
    @Transactional
    public Map<String, String> saveSettings(long cycleId, CurrentUser user, MultiValueMap<String, String> fields) {
        ReviewCycle cycle = cycles.findSteerable(cycleId, user);
        ConsultationWindow window = windows.windowOfForUpdate(cycle.id()).orElse(null);
        if (window == null) {
            ScheduledDates dates = scheduledDates(cycle).orElseThrow(() -> new ConsultationStateException(
                    messages.get("consultation.steer.error.notScoped")));
            windows.schedule(cycle.id(), dates.opensAt(), dates.closesAt());
            window = windows.windowOfForUpdate(cycle.id()).orElseThrow();
        }
        if (window.closed()) {
            throw new ConsultationStateException(messages.get("consultation.steer.error.closed"));
        }
        OpenTargets possible = windows.openTargets(window);
        Set<InputTarget> chosen = new LinkedHashSet<>();
        Validator openable = Validator.forInstanceOf(SteeringForms.Settings.class, (form, errors) -> {
            boolean unknown = false;
            for (String value : form.targets()) {
                Optional<InputTarget> target = InputTarget.parse(value).filter(t -> possible.possible().contains(t));
                target.ifPresent(chosen::add);
                unknown |= target.isEmpty();
            }
            if (unknown || chosen.isEmpty()) {
                errors.rejectValue("targets", "consultation.steer.error.targets");
            }
        });
        FormBinder.Bound<SteeringForms.Settings> form = forms.bind(SteeringForms.Settings.class, fields, openable);
        if (!form.valid()) {
            return forms.errors(form);
        }
        boolean allowIndividuals = form.value().individualsAllowed();
        windows.saveSettings(window.id(), allowIndividuals, chosen);
        cycles.touch(cycle.id());
        audit.record(AuditEntry.of(user.username(), "CONSULTATION_SETTINGS_SAVED", cycle.countryIso3(),
                "consultation_window", window.id(), "open for " + chosen.stream().map(InputTarget::value).toList()
                        + ", individuals " + (allowIndividuals ? "allowed" : "not allowed")));
        return Map.of();
    }

    /**
     * The opening timer of the cycle's consultation, while the process waits for it: drafting is consolidated
     * and the planned opening has not come yet. Empty before and after.
     */
    Optional<Job> openingTimer(ReviewCycle cycle) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ConsultationVariables.PROCESS)
                .processInstanceBusinessKey(cycle.businessKey()).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(OPENS_TIMER).timers().singleResult());
    }

    /**
     * The coordinator opens the window now instead of at the planned date, once they confirmed it. The timer's
     * job runs at once (the process stays as modelled) with the opening moved to now, so the window and its
     * public page say when it really opened.
     *
     * @return field errors; empty when the window is open
     */
    @Transactional
    public Map<String, String> openNow(long cycleId, CurrentUser user, MultiValueMap<String, String> fields) {
        ReviewCycle cycle = cycles.findSteerable(cycleId, user);
        Job timer = openingTimer(cycle).orElseThrow(() -> new ConsultationStateException(
                messages.get("consultation.steer.error.notWaiting")));
        FormBinder.Bound<SteeringForms.OpeningNow> form = forms.bind(SteeringForms.OpeningNow.class, fields,
                SteeringForms.CONFIRMED);
        if (!form.valid()) {
            // the page shows it at its check box, confirmOpen
            return Map.of("confirmOpen", forms.errors(form).get("confirm"));
        }
        Instant now = Instant.now();
        if (timer.getDuedate() != null && timer.getDuedate().toInstant().isAfter(now)) {
            runtimeService.setVariable(timer.getProcessInstanceId(), "consultationOpensAt", Date.from(now));
        }
        managementService.executeJob(timer.getId());
        cycles.touch(cycle.id());
        audit.record(AuditEntry.of(user.username(), "CONSULTATION_OPENED_NOW", cycle.countryIso3(), "review_cycle",
                cycle.id(), "planned opening was " + (timer.getDuedate() == null ? "unknown"
                        : timer.getDuedate().toInstant())));
        return Map.of();
    }

    /** The coordinator closes the window before its closing date. */
    @Transactional
    public void closeEarly(long cycleId, CurrentUser user) {
        ReviewCycle cycle = cycles.findSteerable(cycleId, user);
        ConsultationWindow window = openWindow(cycle);
        ProcessInstance instance = waitingInstance(cycle, CLOSED_EARLY);
        audit.record(AuditEntry.of(user.username(), "CONSULTATION_CLOSED_EARLY", cycle.countryIso3(),
                "consultation_window", window.id(), "planned closing was " + window.closesAt()));
        runtimeService.createMessageCorrelation(CLOSED_EARLY).processInstanceId(instance.getId()).correlateWithResult();
    }

    /**
     * The coordinator keeps the window open longer. The new closing time is the end (UTC) of the chosen day.
     *
     * @return field errors; empty when the window was extended
     */
    @Transactional
    public Map<String, String> extend(long cycleId, CurrentUser user, MultiValueMap<String, String> fields) {
        ReviewCycle cycle = cycles.findSteerable(cycleId, user);
        Optional<Job> opening = openingTimer(cycle);
        // issue 14.1: before the window opens (the process waits for its opening date) it can be extended too
        ConsultationWindow window = opening.isPresent() ? scheduledWindow(cycle) : openWindow(cycle);
        Validator later = Validator.forInstanceOf(SteeringForms.Extension.class, (form, errors) -> {
            Optional<LocalDate> day = form.closingDay();
            if (day.isEmpty()) {
                errors.rejectValue("closesOn", "consultation.steer.error.date");
            } else if (!endOf(day.get()).isAfter(window.closesAt())) {
                errors.rejectValue("closesOn", "consultation.steer.error.laterDate");
            }
        });
        FormBinder.Bound<SteeringForms.Extension> form = forms.bind(SteeringForms.Extension.class, fields, later,
                SteeringForms.REASON_GIVEN);
        if (!form.valid()) {
            return forms.errors(form);
        }
        Instant newClosesAt = endOf(form.value().closingDay().orElseThrow());
        String why = form.value().reason();
        if (opening.isPresent()) {
            windows.extend(window, newClosesAt, why, user.id());
            // the closing timer does not exist yet: it is created from this variable when the window opens
            runtimeService.setVariable(opening.get().getProcessInstanceId(), ConsultationVariables.CLOSES_AT,
                    Date.from(newClosesAt));
            plans.followExtension(cycle, newClosesAt, why, user.username());
            cycles.touch(cycle.id());
            audit.record(AuditEntry.of(user.username(), "CONSULTATION_EXTENDED", cycle.countryIso3(),
                    "consultation_window", window.id(), "before opening, from " + window.closesAt() + " to "
                            + newClosesAt + ": " + why));
            return Map.of();
        }
        ProcessInstance instance = waitingInstance(cycle, EXTENDED);
        windows.extend(window, newClosesAt, why, user.id());
        plans.followExtension(cycle, newClosesAt, why, user.username());
        // the gateway is entered again after the message, and its closing timer reads this variable anew
        runtimeService.setVariable(instance.getId(), ConsultationVariables.CLOSES_AT, Date.from(newClosesAt));
        runtimeService.createMessageCorrelation(EXTENDED).processInstanceId(instance.getId()).correlateWithResult();
        cycles.touch(cycle.id());
        audit.record(AuditEntry.of(user.username(), "CONSULTATION_EXTENDED", cycle.countryIso3(),
                "consultation_window", window.id(), "from " + window.closesAt() + " to " + newClosesAt + ": " + why));
        return Map.of();
    }

    /** The window waiting to open, created with the planned dates if the coordinator has not prepared it yet. */
    private ConsultationWindow scheduledWindow(ReviewCycle cycle) {
        if (windows.windowOfForUpdate(cycle.id()).isEmpty()) {
            ScheduledDates dates = scheduledDates(cycle).orElseThrow(() -> new ConsultationStateException(
                    messages.get("consultation.steer.error.notScoped")));
            windows.schedule(cycle.id(), dates.opensAt(), dates.closesAt());
        }
        return windows.windowOfForUpdate(cycle.id()).orElseThrow();
    }

    private ConsultationWindow openWindow(ReviewCycle cycle) {
        ConsultationWindow window = windows.windowOfForUpdate(cycle.id())
                .orElseThrow(() -> new ConsultationStateException(messages.get("consultation.steer.error.notOpened")));
        if (window.status() != WindowStatus.OPEN) {
            throw new ConsultationStateException(messages.get("consultation.steer.error.status."
                    + window.status().name()));
        }
        return window;
    }

    /**
     * The cycle's stakeholder-consultation instance, found by business key and process definition key (the
     * national review shares the business key), provided it waits for this message. Checked beforehand because
     * a failed correlation would mark the whole transaction for rollback.
     */
    private ProcessInstance waitingInstance(ReviewCycle cycle, String messageName) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ConsultationVariables.PROCESS)
                .processInstanceBusinessKey(cycle.businessKey())
                .singleResult();
        boolean waiting = instance != null && runtimeService.createEventSubscriptionQuery()
                .processInstanceId(instance.getId()).eventType("message").eventName(messageName).count() > 0;
        if (!waiting) {
            throw new ConsultationStateException(messages.get("consultation.steer.error.notWaiting"));
        }
        return instance;
    }

    /** The window closes at the end (UTC) of the chosen day. */
    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
