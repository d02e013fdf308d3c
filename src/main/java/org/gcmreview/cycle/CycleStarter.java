package org.gcmreview.cycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.web.SupportedLanguages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Starts a review cycle: the review_cycle row and its {@code national-review} process instance, in one
 * transaction, so there is never a cycle without a process or a process without a cycle.
 */
@Service
class CycleStarter {

    public static final String PROCESS_KEY = NationalReview.PROCESS;

    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_-]{1,40}$");
    static final int MAX_TITLE = 200;

    private final ReviewCycles cycles;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final CycleMessages messages;
    private final PreviousReports previousReports;

    CycleStarter(ReviewCycles cycles, RuntimeService runtime, AuditLog audit, JdbcClient jdbc,
            CycleMessages messages, PreviousReports previousReports) {
        this.messages = messages;
        this.previousReports = previousReports;
        this.cycles = cycles;
        this.runtime = runtime;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Either the new cycle's id or, when nothing was stored, what to correct (field name -> message). */
    public record Outcome(Long cycleId, Map<String, String> errors) {

        static Outcome started(long cycleId) {
            return new Outcome(cycleId, Map.of());
        }

        static Outcome invalid(Map<String, String> errors) {
            return new Outcome(null, Map.copyOf(errors));
        }

        public boolean started() {
            return cycleId != null;
        }
    }

    /**
     * Starts a cycle for the coordinator's own country; the country is never taken from the request, so a
     * coordinator cannot start a cycle for another country.
     */
    @Transactional
    public Outcome start(CurrentUser user, String rawCode, String rawTitle) {
        return start(user, rawCode, rawTitle, null);
    }

    /** As above, with the language the report will be written in (a UN language code; blank: not stated). */
    @Transactional
    public Outcome start(CurrentUser user, String rawCode, String rawTitle, String rawLanguage) {
        return start(user, rawCode, rawTitle, rawLanguage, false);
    }

    /**
     * As above; {@code fromPrevious}: build on the country's last endorsed report (issue 16.3), its version
     * remembered on the cycle so that scoping prefills the report from it.
     */
    @Transactional
    public Outcome start(CurrentUser user, String rawCode, String rawTitle, String rawLanguage,
            boolean fromPrevious) {
        if (!user.is(Role.COORDINATOR) || user.countryIso3() == null) {
            throw new AccessDeniedException("Only a national coordinator can start a review cycle");
        }
        String iso3 = user.countryIso3();
        String code = rawCode == null ? "" : rawCode.trim();
        String title = rawTitle == null ? "" : rawTitle.trim();

        Map<String, String> errors = new LinkedHashMap<>();
        if (code.isEmpty()) {
            errors.put("code", messages.get("cycle.start.error.codeMissing"));
        } else if (!CODE.matcher(code).matches()) {
            errors.put("code", messages.get("cycle.start.error.codeFormat"));
        } else if (cycles.codeTaken(iso3, code)) {
            errors.put("code", messages.get("cycle.start.error.codeTaken", code));
        }
        if (title.isEmpty()) {
            errors.put("title", messages.get("cycle.start.error.titleMissing"));
        } else if (title.length() > MAX_TITLE) {
            errors.put("title", messages.get("cycle.start.error.titleLength", MAX_TITLE));
        }
        String language = rawLanguage == null || rawLanguage.isBlank() ? null : rawLanguage.trim();
        if (language != null && !SupportedLanguages.CODES.contains(language)) {
            errors.put("language", messages.get("cycle.start.error.language"));
        }
        Optional<PreviousReports.PreviousReport> previous = fromPrevious
                ? previousReports.latestEndorsed(iso3) : Optional.empty();
        if (fromPrevious && previous.isEmpty()) {
            errors.put("startFrom", messages.get("cycle.start.error.noPrevious"));
        }
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }

        NewCycle cycle = new NewCycle(iso3, code, title, regionalRound(iso3).orElse(null), latestImrfRound()
                .orElse(null), user.id());
        long cycleId;
        try {
            cycleId = cycles.insert(cycle);
        } catch (DuplicateKeyException e) {
            // Someone started the same code a moment ago; the failed insert spoilt the transaction.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Outcome.invalid(Map.of("code", messages.get("cycle.start.error.codeTaken", code)));
        }
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(cycle.businessKey())
                .setVariable(NationalReview.VAR_COUNTRY_ISO3, iso3)
                .setVariable(NationalReview.VAR_CYCLE_ID, cycleId)
                .setVariable(NationalReview.VAR_COORDINATOR_GROUP, CandidateGroups.coordinator(iso3))
                .execute();
        cycles.attachProcessInstance(cycleId, instance.getId());
        if (language != null) {
            cycles.setReportLanguage(cycleId, language);
        }
        previous.ifPresent(p -> cycles.setCarriedFrom(cycleId, p.reportVersionId()));
        audit.record(AuditEntry.of(user.username(), "CYCLE_STARTED", iso3, "review_cycle", cycleId,
                "business key " + cycle.businessKey() + ", title " + title + previous.map(p -> ", from the endorsed "
                        + p.businessKey() + " version " + p.versionNo()).orElse(", empty")));
        return Outcome.started(cycleId);
    }

    /**
     * The open round of the country's regional commission the report will go to; the latest when there are several.
     * A closed round is never chosen (a database trigger refuses it too, db/V150).
     */
    private Optional<Long> regionalRound(String iso3) {
        return jdbc.sql("""
                select r.id from review_round r join country c on c.commission_code = r.commission_code
                 where r.kind = 'REGIONAL' and c.iso3 = ? and r.closed_at is null
                 order by r.submission_deadline desc, r.id desc limit 1""")
                .param(iso3).query(Long.class).optional();
    }

    private Optional<Long> latestImrfRound() {
        return jdbc.sql("""
                select id from review_round where kind = 'IMRF' and closed_at is null
                 order by submission_deadline desc, id desc limit 1""")
                .query(Long.class).optional();
    }
}
