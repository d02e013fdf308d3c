package org.gcmreview.submission.publication;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.Endorsement;
import org.gcmreview.signoff.Endorsements;
import org.gcmreview.support.Sha256;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Translations of a published report (issue 18.3). Only the endorsed version of a published report is translated:
 * the translation is that version's JSON with its texts replaced, its language, and the version number and SHA-256
 * of what it translates; it gets a SHA-256 of its own and is public at once, beside the original.
 */
@Service
class Translations {

    static final int TITLE_MAX = 500;
    static final int TEXT_MAX = 80_000;

    /** The endorsed version of a published report, and the language its original is written in (null: not said). */
    record Original(ReviewCycle cycle, ReportVersion version, String language) {
    }

    private final ReviewCycles cycles;
    private final ReportVersions versions;
    private final Endorsements endorsements;
    private final ReportTranslations translations;
    private final AuditLog audit;
    private final ObjectMapper json;

    Translations(ReviewCycles cycles, ReportVersions versions, Endorsements endorsements,
            ReportTranslations translations, AuditLog audit, ObjectMapper json) {
        this.cycles = cycles;
        this.versions = versions;
        this.endorsements = endorsements;
        this.translations = translations;
        this.audit = audit;
        this.json = json;
    }

    /** Empty until the report is published with an endorsed version: nothing else is translated. */
    Optional<Original> original(ReviewCycle cycle) {
        if (!cycle.published()) {
            return Optional.empty();
        }
        return endorsements.find(cycle.id()).map(Endorsement::versionNo)
                .flatMap(no -> versions.all(cycle.id()).stream().filter(v -> v.versionNo() == no).findFirst())
                .map(v -> new Original(cycle, v, cycles.reportLanguage(cycle.id()).orElse(null)));
    }

    List<ReportTranslation> of(long cycleId) {
        return translations.of(cycleId);
    }

    /** The cross-field rules: another language than the original's and the ones done, and nothing left out. */
    void check(Original original, TranslationForm form, Errors errors) {
        if (form.language().equals(original.language())) {
            errors.rejectValue("language", "translation.error.originalLanguage");
        } else if (translations.find(original.cycle().id(), form.language()).isPresent()) {
            errors.rejectValue("language", "translation.error.exists");
        }
        JsonNode sections = tree(original.version().content()).path("sections");
        for (int i = 0; i < sections.size(); i++) {
            for (String field : TranslationForm.TEXTS) {
                if (!sections.get(i).path(field).asText("").isBlank() && form.text(field, i).isBlank()) {
                    errors.rejectValue(field + "[" + i + "]", "translation.error.missing");
                }
            }
        }
    }

    /** Stores and publishes the translation; false when one into that language came first (kept as it is). */
    @Transactional
    boolean add(Original original, TranslationForm form, CurrentUser by) {
        ReportVersion version = original.version();
        String content = content(version, form);
        String sha256 = Sha256.hex(content);
        long cycleId = original.cycle().id();
        if (!translations.add(cycleId, version.versionNo(), version.sha256(), form.language(), content, sha256,
                by.id())) {
            return false;
        }
        audit.record(AuditEntry.of(by.username(), "REPORT_TRANSLATION_PUBLISHED", original.cycle().countryIso3(),
                "review_cycle", cycleId, form.language() + ": translation of version " + version.versionNo() + " ("
                        + version.sha256() + ") as " + sha256));
        return true;
    }

    /**
     * The original's JSON with the title and the sections' texts replaced, and what it is: its language and the
     * version (number and SHA-256) it translates. Keys keep the original's order, so the same text gives the same hash.
     */
    String content(ReportVersion version, TranslationForm form) {
        ObjectNode report = (ObjectNode) tree(version.content());
        report.put("title", form.title());
        JsonNode sections = report.path("sections");
        for (int i = 0; i < sections.size(); i++) {
            ObjectNode section = (ObjectNode) sections.get(i);
            for (String field : TranslationForm.TEXTS) {
                String text = form.text(field, i);
                section.put(field, text.isBlank() ? section.path(field).isNull() ? null : "" : text);
            }
        }
        report.put("language", form.language());
        ObjectNode of = report.putObject("translationOf");
        of.put("version", version.versionNo());
        of.put("sha256", version.sha256());
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A translation could not be serialised", e);
        }
    }

    private JsonNode tree(String content) {
        try {
            return json.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A frozen report version is not valid JSON", e);
        }
    }

    /** The section fields of the original, for the form (an ArrayNode of the frozen sections). */
    ArrayNode sections(Original original) {
        return (ArrayNode) tree(original.version().content()).path("sections");
    }
}
