package org.gcmreview.submission.publication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.FrozenReport;
import org.gcmreview.web.KeptCopies;
import org.gcmreview.web.PublicPages;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public face of the review: published reports as pages, as PDF and as the frozen JSON, and the JSON Schema
 * of that JSON. A report that is not published answers 404 to everyone, its own country's users included, so
 * drafts cannot be found here.
 * <p>What names a published report is looked up at most once per a few seconds ({@link PublishedLookups}); a
 * reader who has the page gets 304, and a first reader gets the copy kept under the page's tag
 * ({@link KeptCopies}): only the first reader of a version, in a language, waits for a render.
 */
@Controller
class PublicationController {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");
    static final String SCHEMA = "docs/report-schema.json";

    private final PublishedReports published;
    private final PublishedPage page;
    private final KeptCopies copies;
    private final ReportPdf pdf;
    private final ReportTranslations translations;
    private final ReportVersions versions;
    private final PublicPages pages;
    private final ObjectMapper json;

    PublicationController(PublishedReports published, PublishedPage page, KeptCopies copies, ReportPdf pdf,
            ReportTranslations translations, ReportVersions versions, PublicPages pages, ObjectMapper json) {
        this.json = json;
        this.published = published;
        this.page = page;
        this.copies = copies;
        this.pdf = pdf;
        this.translations = translations;
        this.versions = versions;
        this.pages = pages;
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
    ModelAndView report(@PathVariable String businessKey, ServletWebRequest request) {
        return page(businessKey, null, request);
    }

    /**
     * A version published earlier (issue 14.4: a clarification changed the published text, and the coordinator
     * published the new endorsed version): still at its own address, as it was, with its own SHA-256.
     */
    @GetMapping("/published/{businessKey}/versions/{versionNo}")
    String earlierVersion(@PathVariable String businessKey, @PathVariable int versionNo, Model model) {
        PublishedPage.Shown shown = page.find(businessKey, null);
        ReportVersion version = page.publishedAs(shown.cycle(), versionNo);
        Map<String, Object> report = page.model(shown, null);
        report.put("version", version);
        report.put("sha256", version.sha256());
        report.put("report", FrozenReport.parse(json, version.content()));
        report.put("earlier", version.id() != shown.endorsement().reportVersionId());
        report.put("languageVersions", List.of());
        model.addAllAttributes(report);
        return ReportPdf.TEMPLATE;
    }

    @GetMapping("/published/{businessKey}/versions/{versionNo}.json")
    ResponseEntity<byte[]> earlierVersionJson(@PathVariable String businessKey, @PathVariable int versionNo) {
        ReportVersion version = page.publishedAs(page.lookup(businessKey).cycle(), versionNo);
        return json(version.sha256(), version::content);
    }

    /** A translation of the published report (issue 18.3): the same page, in the translation's language. */
    @GetMapping("/published/{businessKey}/{language}")
    ModelAndView translation(@PathVariable String businessKey, @PathVariable String language,
            ServletWebRequest request) {
        return page(businessKey, language, request);
    }

    /**
     * The page: for a signed-in reader rendered as any page (it carries their name and a CSRF token), for an
     * anonymous reader the copy kept under the page's tag ({@link PublicPages#page}).
     */
    private ModelAndView page(String businessKey, String language, ServletWebRequest request) {
        PublishedPage.Shown shown = page.find(businessKey, language);
        Object[] stamp = language == null ? new Object[] {shown.stamp()} : new Object[] {shown.stamp(), language};
        return pages.page(request, ReportPdf.TEMPLATE, PublishedPage.path(businessKey, language),
                () -> page.model(shown, language), stamp);
    }

    /** The same page as PDF: same template, print layout. Nothing of the reader in it: kept for every reader. */
    @GetMapping("/published/{businessKey}.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable String businessKey, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        return pdf(businessKey, null, locale, request, response);
    }

    @GetMapping("/published/{businessKey}/{language}.pdf")
    ResponseEntity<byte[]> translationPdf(@PathVariable String businessKey, @PathVariable String language,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        return pdf(businessKey, language, locale, request, response);
    }

    private ResponseEntity<byte[]> pdf(String businessKey, String language, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        PublishedPage.Shown shown = page.find(businessKey, language);
        Object[] stamp = language == null ? new Object[] {shown.stamp(), "pdf"}
                : new Object[] {shown.stamp(), language, "pdf"};
        if (pages.notModified(new ServletWebRequest(request, response), stamp)) {
            return null;
        }
        byte[] body = copies.get(pages.tag(stamp),
                () -> pdf.render(page.model(shown, language), locale, request, response));
        String sha256 = language == null ? shown.endorsement().sha256() : shown.translations().stream()
                .filter(t -> t.language().equals(language)).findFirst().orElseThrow().sha256();
        String name = businessKey + "-v" + shown.endorsement().versionNo() + (language == null ? "" : "-" + language);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(name + ".pdf").build().toString())
                // the PDF is rendered from the frozen version (or translation); its SHA-256 is that of the JSON it shows
                .header("X-Content-SHA256", sha256)
                .body(body);
    }

    /** The published version byte for byte as stored, so anyone can check it against its SHA-256. */
    @GetMapping("/published/{businessKey}.json")
    ResponseEntity<byte[]> reportJson(@PathVariable String businessKey) {
        PublishedLookups.PublicVersion endorsed = page.lookup(businessKey).version();
        return json(endorsed.sha256(), () -> versions.find(endorsed.reportVersionId())
                .orElseThrow(PublishedPage::notFound).content());
    }

    /** A translation byte for byte as stored; its JSON names the version and SHA-256 it translates. */
    @GetMapping("/published/{businessKey}/{language}.json")
    ResponseEntity<byte[]> translationJson(@PathVariable String businessKey, @PathVariable String language) {
        PublishedLookups.Lookup lookup = page.lookup(businessKey);
        long cycleId = lookup.cycle().id();
        ReportTranslations.Language translated = lookup.translations().stream()
                .filter(t -> t.language().equals(language)).findFirst().orElseThrow(PublishedPage::notFound);
        return json(translated.sha256(), () -> translations.find(cycleId, language)
                .orElseThrow(PublishedPage::notFound).content());
    }

    /**
     * The frozen JSON, kept under its SHA-256 (the same bytes for every reader), so that neither a reader who has
     * it (304, which Spring answers from the tag) nor a new one reads the text from the database again.
     */
    private ResponseEntity<byte[]> json(String sha256, Supplier<String> content) {
        byte[] body = copies.get("json:" + sha256, () -> content.get().getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                // the bytes never change for a tag: Spring answers If-None-Match with 304 itself
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .eTag("\"" + sha256 + "\"")
                .header("X-Content-SHA256", sha256)
                .header(HttpHeaders.LINK, "</published/report-schema.json>; rel=\"describedby\"")
                .body(body);
    }
}
