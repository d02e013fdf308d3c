package org.gcmreview.submission.publication;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.FrozenReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public face of the review: published reports as pages and as the frozen JSON. A report that is not
 * published answers 404 to everyone, its own country's users included, so drafts cannot be found here.
 */
@Controller
class PublicationController {

    private final PublishedReports published;
    private final ReportVersions versions;
    private final ObjectMapper json;

    PublicationController(PublishedReports published, ReportVersions versions, ObjectMapper json) {
        this.published = published;
        this.versions = versions;
        this.json = json;
    }

    @GetMapping("/published")
    String list(Model model) {
        model.addAttribute("reports", published.all());
        return "submission/publication/list";
    }

    @GetMapping("/published/{businessKey}")
    String report(@PathVariable String businessKey, Model model) {
        ReviewCycle cycle = publishedCycle(businessKey);
        List<ReportVersion> history = versions.all(cycle.id());
        ReportVersion latest = history.get(history.size() - 1);
        model.addAttribute("cycle", cycle);
        model.addAttribute("region", published.region(cycle.countryIso3()));
        model.addAttribute("version", latest);
        model.addAttribute("report", FrozenReport.parse(json, latest.content()));
        model.addAttribute("history", history);
        return "submission/publication/report";
    }

    /** The latest frozen version byte for byte as stored, so anyone can check it against its SHA-256. */
    @GetMapping("/published/{businessKey}.json")
    ResponseEntity<String> reportJson(@PathVariable String businessKey) {
        ReviewCycle cycle = publishedCycle(businessKey);
        ReportVersion latest = versions.latest(cycle.id()).orElseThrow(PublicationController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag("\"" + latest.sha256() + "\"")
                .header("X-Content-SHA256", latest.sha256())
                .body(latest.content());
    }

    private ReviewCycle publishedCycle(String businessKey) {
        ReviewCycle cycle = published.find(businessKey).orElseThrow(PublicationController::notFound);
        if (versions.latest(cycle.id()).isEmpty()) {
            throw notFound();
        }
        return cycle;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no published report with this name.");
    }
}
