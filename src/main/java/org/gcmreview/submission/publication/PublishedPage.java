package org.gcmreview.submission.publication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.Role;
import org.gcmreview.identity.SignedInUser;
import org.gcmreview.reference.Objective;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.FrozenReport;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A published report as its page (and PDF) shows it. {@link #find} gives what names the page (its entity tag, the key
 * of its kept copy), kept a few seconds; {@link #model} reads the rest only when the page is rendered.
 */
@Component
class PublishedPage {

    private final PublishedReports published;
    private final PublishedLookups lookups;
    private final ConsultationCounts counts;
    private final Publications publications;
    private final ReportTranslations translations;
    private final ReportVersions versions;
    private final ReviewCycles cycles;
    private final ReferenceData reference;
    private final ObjectMapper json;

    PublishedPage(PublishedReports published, PublishedLookups lookups, ConsultationCounts counts,
            Publications publications, ReportTranslations translations, ReportVersions versions, ReviewCycles cycles,
            ReferenceData reference, ObjectMapper json) {
        this.published = published;
        this.lookups = lookups;
        this.counts = counts;
        this.publications = publications;
        this.translations = translations;
        this.versions = versions;
        this.cycles = cycles;
        this.reference = reference;
        this.json = json;
    }

    /**
     * What the published page shows, cheaply: the version published last (its id and SHA-256, not its content: a
     * frozen version never changes), when it was published, its translations (the language switch), all looked up
     * at most once per a few seconds on a node ({@link PublishedLookups}), and the consultation's counts, which the
     * coordinator's answers may still change (likewise: {@link ConsultationCounts}).
     */
    record Shown(String businessKey, ReviewCycle cycle, PublishedLookups.PublicVersion endorsement,
            List<ReportTranslations.Language> translations, ConsultationSummary consultation) {

        /** Names every bit of the above: the page's entity tag is made of it. */
        String stamp() {
            return cycle.id() + "|" + endorsement.reportVersionId() + "|" + cycle.publishedAt() + "|"
                    + translations.stream().map(t -> t.language() + ":" + t.sha256()).toList() + "|" + consultation;
        }

        boolean translatedInto(String language) {
            return translations.stream().anyMatch(t -> t.language().equals(language));
        }
    }

    /** The published report, or 404 (not published, never endorsed, or no translation into the language). */
    Shown find(String businessKey, String language) {
        PublishedLookups.Lookup lookup = lookups.of(businessKey);
        Shown shown = new Shown(businessKey, lookup.cycle(), lookup.version(), lookup.translations(),
                counts.of(lookup.cycle().id()));
        if (language != null && !shown.translatedInto(language)) {
            throw notFound();
        }
        return shown;
    }

    /** The published report's cycle, public version and translations, without the counts; or 404. */
    PublishedLookups.Lookup lookup(String businessKey) {
        return lookups.of(businessKey);
    }

    /** One publication in the public history: the first, or an update after a clarification. */
    record PublishedEntry(int versionNo, String sha256, Instant publishedAt, boolean update, String href) {
    }

    private List<PublishedEntry> publicationHistory(ReviewCycle cycle, String businessKey) {
        List<PublishedEntry> entries = new ArrayList<>();
        for (Publications.Publication p : publications.of(cycle.id())) {
            versions.find(p.reportVersionId()).ifPresent(v -> entries.add(new PublishedEntry(v.versionNo(),
                    v.sha256(), p.publishedAt(), !entries.isEmpty(),
                    "/published/" + businessKey + "/versions/" + v.versionNo())));
        }
        return entries;
    }

    /** A version of the cycle that was made public at some point (issue 14.4); any other is not found. */
    ReportVersion publishedAs(ReviewCycle cycle, int versionNo) {
        return publications.of(cycle.id()).stream().map(p -> versions.find(p.reportVersionId()).orElse(null))
                .filter(v -> v != null && v.versionNo() == versionNo).findFirst()
                .orElseThrow(PublishedPage::notFound);
    }

    /** One entry of the page's language switch: the original or a translation. */
    record LanguageVersion(String language, String name, String href, boolean original, boolean current) {
    }

    /** The page's model: the endorsed version (or its translation into the language), history, consultation. */
    Map<String, Object> model(Shown shown, String language) {
        ReviewCycle cycle = shown.cycle();
        String businessKey = shown.businessKey();
        ReportVersion latest = versions.find(shown.endorsement().reportVersionId()).orElseThrow(PublishedPage::notFound);
        // a version frozen after the one endorsed last is not public (issue 14.4)
        List<ReportVersion> history = versions.all(cycle.id()).stream()
                .filter(v -> v.versionNo() <= latest.versionNo()).toList();
        ReportTranslation translation = language == null ? null
                : translations.find(cycle.id(), language).orElseThrow(PublishedPage::notFound);
        String originalLanguage = cycles.reportLanguage(cycle.id()).orElse(null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cycle", cycle);
        model.put("listed", published.listed(businessKey).orElseThrow(PublishedPage::notFound));
        model.put("version", latest);
        model.put("current", latest);
        model.put("earlier", false);
        model.put("publications", publicationHistory(cycle, businessKey));
        model.put("translation", translation);
        model.put("sha256", translation == null ? latest.sha256() : translation.sha256());
        model.put("report", FrozenReport.parse(json, translation == null ? latest.content() : translation.content()));
        model.put("history", history);
        model.put("objectives", reference.objectives().stream()
                .collect(Collectors.toMap(Objective::number, Function.identity())));
        model.put("consultation", shown.consultation());
        // the language the report is written in marks its own text (lang), whatever the reader's interface language
        model.put("reportLanguage", translation == null ? originalLanguage : translation.language());
        model.put("originalLanguage", originalLanguage);
        List<LanguageVersion> switcher = new ArrayList<>();
        if (!shown.translations().isEmpty()) {
            switcher.add(new LanguageVersion(originalLanguage, ownName(originalLanguage),
                    "/published/" + businessKey, true, translation == null));
            shown.translations().forEach(t -> switcher.add(new LanguageVersion(t.language(), ownName(t.language()),
                    "/published/" + businessKey + "/" + t.language(), false, t.language().equals(language))));
        }
        model.put("languageVersions", switcher);
        // the country's own coordinator finds the way to add a translation here
        model.put("mayTranslate", SignedInUser.current()
                .filter(u -> u.is(Role.COORDINATOR) && u.belongsToCountry(cycle.countryIso3()))
                .isPresent());
        model.put("downloads", path(businessKey, language));
        return model;
    }

    /** The page's own path, as the site links it. */
    static String path(String businessKey, String language) {
        return language == null ? "/published/" + businessKey : "/published/" + businessKey + "/" + language;
    }

    /** A language's name in that language ("русский", "中文"), as a language switch shows it; null if not said. */
    private static String ownName(String code) {
        if (code == null) {
            return null;
        }
        Locale language = Locale.forLanguageTag(code);
        String name = language.getDisplayLanguage(language);
        return name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no published report with this name.");
    }
}
