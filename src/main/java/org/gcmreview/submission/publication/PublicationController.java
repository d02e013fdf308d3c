package org.gcmreview.submission.publication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.reference.Objective;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.Endorsements;
import org.gcmreview.submission.FrozenReport;
import org.gcmreview.web.PublicPages;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public face of the review: published reports as pages, as PDF and as the frozen JSON, and the JSON Schema
 * of that JSON. A report that is not published answers 404 to everyone, its own country's users included, so
 * drafts cannot be found here.
 * <p>Larger than 250 lines on purpose: the page, PDF, JSON and schema of one published report share its lookup and the
 * cache validators (ETag, 304) of issue 19.3, which must agree.
 */
@Controller
class PublicationController {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");
    static final String SCHEMA = "docs/report-schema.json";

    private final PublishedReports published;
    private final Publications publications;
    private final ReportVersions versions;
    private final ReferenceData reference;
    private final ReportPdf pdf;
    private final ObjectMapper json;
    private final ReviewCycles cycles;
    private final ReportTranslations translations;
    private final Endorsements endorsements;
    private final PublicPages pages;

    PublicationController(Publications publications, Endorsements endorsements, PublishedReports published, ReportVersions versions,
            ReferenceData reference, ReportPdf pdf, ObjectMapper json, ReviewCycles cycles,
            ReportTranslations translations, PublicPages pages) {
        this.cycles = cycles;
        this.translations = translations;
        this.endorsements = endorsements;
        this.pages = pages;
        this.published = published;
        this.publications = publications;
        this.versions = versions;
        this.reference = reference;
        this.pdf = pdf;
        this.json = json;
    }

    @GetMapping("/published")
    String list(@RequestParam(required = false) String country, @RequestParam(required = false) String region,
            @RequestParam(required = false) String cycle, Model model) {
        PublishedReports.Filter filter = PublishedReports.Filter.of(country, region, cycle);
        model.addAttribute("reports", published.find(filter));
        model.addAttribute("filter", filter);
        model.addAttribute("options", published.options());
        return "submission/publication/list";
    }

    /** The JSON Schema the published JSON follows (docs/report-schema.json, served as it is in the repository). */
    @GetMapping("/published/report-schema.json")
    ResponseEntity<byte[]> schema() {
        try (InputStream in = new ClassPathResource(SCHEMA).getInputStream()) {
            return ResponseEntity.ok().contentType(SCHEMA_JSON).body(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/published/{businessKey}")
    String report(@PathVariable String businessKey, Model model, ServletWebRequest request) {
        if (pages.notModified(request, stamp(businessKey))) {
            return null;
        }
        model.addAllAttributes(reportModel(businessKey, null));
        return ReportPdf.TEMPLATE;
    }

    /**
     * A version published earlier (issue 14.4: a clarification changed the published text, and the coordinator
     * published the new endorsed version): still at its own address, as it was, with its own SHA-256.
     */
    @GetMapping("/published/{businessKey}/versions/{versionNo}")
    String earlierVersion(@PathVariable String businessKey, @PathVariable int versionNo, Model model) {
        Map<String, Object> report = reportModel(businessKey, null);
        ReportVersion shown = publishedAs(businessKey, versionNo);
        report.put("version", shown);
        report.put("sha256", shown.sha256());
        report.put("report", FrozenReport.parse(json, shown.content()));
        report.put("earlier", shown.id() != ((ReportVersion) report.get("current")).id());
        report.put("languageVersions", List.of());
        model.addAllAttributes(report);
        return ReportPdf.TEMPLATE;
    }

    @GetMapping("/published/{businessKey}/versions/{versionNo}.json")
    ResponseEntity<String> earlierVersionJson(@PathVariable String businessKey, @PathVariable int versionNo) {
        ReportVersion shown = publishedAs(businessKey, versionNo);
        return json(shown.content(), shown.sha256());
    }

    /** A version of the cycle that was made public at some point; any other is not found. */
    private ReportVersion publishedAs(String businessKey, int versionNo) {
        ReviewCycle cycle = publishedCycle(businessKey);
        return publications.of(cycle.id()).stream().map(p -> versions.find(p.reportVersionId()).orElse(null))
                .filter(v -> v != null && v.versionNo() == versionNo).findFirst()
                .orElseThrow(PublicationController::notFound);
    }

    /** A translation of the published report (issue 18.3): the same page, in the translation's language. */
    @GetMapping("/published/{businessKey}/{language}")
    String translation(@PathVariable String businessKey, @PathVariable String language, Model model,
            ServletWebRequest request) {
        if (pages.notModified(request, stamp(businessKey), language)) {
            return null;
        }
        model.addAllAttributes(reportModel(businessKey, language));
        return ReportPdf.TEMPLATE;
    }

    /** The same page as PDF: same template, print layout. */
    @GetMapping("/published/{businessKey}.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable String businessKey, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        if (pages.notModified(new ServletWebRequest(request, response), stamp(businessKey), "pdf")) {
            return null;
        }
        return pdf(reportModel(businessKey, null), businessKey, locale, request, response);
    }

    @GetMapping("/published/{businessKey}/{language}.pdf")
    ResponseEntity<byte[]> translationPdf(@PathVariable String businessKey, @PathVariable String language,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        if (pages.notModified(new ServletWebRequest(request, response), stamp(businessKey), language, "pdf")) {
            return null;
        }
        return pdf(reportModel(businessKey, language), businessKey, locale, request, response);
    }

    private ResponseEntity<byte[]> pdf(Map<String, Object> model, String businessKey, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        ReportVersion version = (ReportVersion) model.get("version");
        ReportTranslation translation = (ReportTranslation) model.get("translation");
        byte[] body = pdf.render(model, locale, request, response);
        String name = businessKey + "-v" + version.versionNo() + (translation == null ? "" : "-" + translation.language());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(name + ".pdf").build().toString())
                // the PDF is rendered from the frozen version (or translation); its SHA-256 is that of the JSON it shows
                .header("X-Content-SHA256", (String) model.get("sha256"))
                .body(body);
    }

    /** The published version byte for byte as stored, so anyone can check it against its SHA-256. */
    @GetMapping("/published/{businessKey}.json")
    ResponseEntity<String> reportJson(@PathVariable String businessKey) {
        ReviewCycle cycle = publishedCycle(businessKey);
        ReportVersion latest = publishedVersion(cycle);
        return json(latest.content(), latest.sha256());
    }

    /** A translation byte for byte as stored; its JSON names the version and SHA-256 it translates. */
    @GetMapping("/published/{businessKey}/{language}.json")
    ResponseEntity<String> translationJson(@PathVariable String businessKey, @PathVariable String language) {
        ReviewCycle cycle = publishedCycle(businessKey);
        ReportTranslation translation = translations.find(cycle.id(), language)
                .orElseThrow(PublicationController::notFound);
        return json(translation.content(), translation.sha256());
    }

    private static ResponseEntity<String> json(String content, String sha256) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                // the bytes never change for a tag: Spring answers If-None-Match with 304 itself
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .eTag("\"" + sha256 + "\"")
                .header("X-Content-SHA256", sha256)
                .header(HttpHeaders.LINK, "</published/report-schema.json>; rel=\"describedby\"")
                .body(content);
    }

    /** One entry of the page's language switch: the original or a translation. */
    record LanguageVersion(String language, String name, String href, boolean original, boolean current) {
    }

    private Map<String, Object> reportModel(String businessKey, String language) {
        ReviewCycle cycle = publishedCycle(businessKey);
        ReportVersion latest = publishedVersion(cycle);
        // a version frozen after the one endorsed last is not public (issue 14.4)
        List<ReportVersion> history = versions.all(cycle.id()).stream()
                .filter(v -> v.versionNo() <= latest.versionNo()).toList();
        List<ReportTranslation> translated = translations.of(cycle.id());
        ReportTranslation translation = language == null ? null : translated.stream()
                .filter(t -> t.language().equals(language)).findFirst().orElseThrow(PublicationController::notFound);
        String originalLanguage = cycles.reportLanguage(cycle.id()).orElse(null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cycle", cycle);
        model.put("listed", published.listed(businessKey).orElseThrow(PublicationController::notFound));
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
        model.put("consultation", published.consultation(cycle.id()));
        // the language the report is written in marks its own text (lang), whatever the reader's interface language
        model.put("reportLanguage", translation == null ? originalLanguage : translation.language());
        model.put("originalLanguage", originalLanguage);
        List<LanguageVersion> switcher = new java.util.ArrayList<>();
        if (!translated.isEmpty()) {
            switcher.add(new LanguageVersion(originalLanguage, ownName(originalLanguage),
                    "/published/" + businessKey, true, translation == null));
            translated.forEach(t -> switcher.add(new LanguageVersion(t.language(), ownName(t.language()),
                    "/published/" + businessKey + "/" + t.language(), false, t == translation)));
        }
        model.put("languageVersions", switcher);
        // the country's own coordinator finds the way to add a translation here
        model.put("mayTranslate", org.gcmreview.identity.SignedInUser.current()
                .filter(u -> u.is(org.gcmreview.identity.Role.COORDINATOR) && u.belongsToCountry(cycle.countryIso3()))
                .isPresent());
        model.put("downloads", translation == null ? "/published/" + businessKey
                : "/published/" + businessKey + "/" + translation.language());
        return model;
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

    /**
     * What the published page shows, cheaply: the version endorsed last (its id, not its content: a frozen version
     * never changes), when it was published, its translations (the language switch) and the consultation's counts,
     * which the coordinator's answers may still change.
     */
    private String stamp(String businessKey) {
        ReviewCycle cycle = published.find(businessKey).orElseThrow(PublicationController::notFound);
        long versionId = publishedVersion(cycle).id();
        return cycle.id() + "|" + versionId + "|" + cycle.publishedAt() + "|"
                + translations.of(cycle.id()).stream().map(t -> t.language() + ":" + t.sha256()).toList() + "|"
                + published.consultation(cycle.id());
    }

    private ReviewCycle publishedCycle(String businessKey) {
        ReviewCycle cycle = published.find(businessKey).orElseThrow(PublicationController::notFound);
        publishedVersion(cycle);
        return cycle;
    }

    /**
     * The version published last (issue 14.4): a version endorsed after a clarification is public only once the
     * coordinator publishes it. A cycle published before publications were kept shows the version endorsed last.
     * Never a version frozen after the endorsement.
     */
    private ReportVersion publishedVersion(ReviewCycle cycle) {
        return publications.latest(cycle.id()).flatMap(versions::find)
                .or(() -> endorsements.find(cycle.id()).flatMap(e -> versions.find(e.reportVersionId())))
                .orElseThrow(PublicationController::notFound);
    }

    /** One publication in the public history: the first, or an update after a clarification. */
    record PublishedEntry(int versionNo, String sha256, java.time.Instant publishedAt, boolean update, String href) {
    }

    private List<PublishedEntry> publicationHistory(ReviewCycle cycle, String businessKey) {
        List<PublishedEntry> entries = new java.util.ArrayList<>();
        for (Publications.Publication p : publications.of(cycle.id())) {
            versions.find(p.reportVersionId()).ifPresent(v -> entries.add(new PublishedEntry(v.versionNo(),
                    v.sha256(), p.publishedAt(), !entries.isEmpty(),
                    "/published/" + businessKey + "/versions/" + v.versionNo())));
        }
        return entries;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no published report with this name.");
    }
}
