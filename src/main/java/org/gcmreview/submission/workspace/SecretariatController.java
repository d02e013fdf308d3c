package org.gcmreview.submission.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.incident.ProcessIncidents;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.reference.RegionalCommission;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.FrozenReport;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.SecretariatRounds;
import org.gcmreview.submission.Submission;
import org.gcmreview.submission.Submissions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The secretariats' workspace (the URL rule lets only the two secretariat roles in): every country a round
 * expects a report from with where it stands, filters and sort order as query parameters; one submitted cycle;
 * the round's synthesis grid and its CSV / XLSX exports.
 */
@Controller
class SecretariatController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SecretariatRounds secretariatRounds;
    private final RoundOverview overview;
    private final SynthesisGrid synthesisGrid;
    private final PrincipleCoverage principleCoverage;
    private final SynthesisExport export;
    private final ReviewCycles cycles;
    private final Submissions submissions;
    private final ReportVersions versions;
    private final ReferenceData reference;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private final ProcessIncidents incidents;

    SecretariatController(PrincipleCoverage principleCoverage, SecretariatRounds secretariatRounds,
            RoundOverview overview, SynthesisGrid synthesisGrid,
            SynthesisExport export, ReviewCycles cycles, Submissions submissions, ReportVersions versions,
            ReferenceData reference, ObjectMapper json, ProcessIncidents incidents) {
        this.incidents = incidents;
        this.secretariatRounds = secretariatRounds;
        this.overview = overview;
        this.synthesisGrid = synthesisGrid;
        this.principleCoverage = principleCoverage;
        this.export = export;
        this.cycles = cycles;
        this.submissions = submissions;
        this.versions = versions;
        this.reference = reference;
        this.json = json;
    }

    /** Totals of one region (or of all, code null) in the IMRF workspace. */
    public record RegionTotal(String code, String name, int countries, int submitted, int acknowledged) {
    }

    @GetMapping("/secretariat")
    String workspace(CurrentUser user, @RequestParam(name = "round", required = false) String roundCode,
            @RequestParam(required = false) String status, @RequestParam(required = false) String region,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        java.util.Optional<ReviewRound> chosen = roundCode == null || roundCode.isBlank()
                ? secretariatRounds.current(user) : java.util.Optional.of(secretariatRounds.resolve(user, roundCode));
        model.addAttribute("rounds", secretariatRounds.available(user));
        model.addAttribute("kind", SecretariatRounds.kindOf(user));
        if (chosen.isEmpty()) {
            model.addAttribute("round", null);
            return "submission/secretariat";
        }
        ReviewRound round = chosen.get();
        LocalDate today = LocalDate.now(clock);
        List<CountryRow> all = overview.countries(round, today);
        WorkspaceQuery query = WorkspaceQuery.of(status, round.kind() == RoundKind.IMRF ? region : null, sort, dir);
        Map<CountryStage, Integer> stageCounts = new EnumMap<>(CountryStage.class);
        for (CountryStage stage : CountryStage.values()) {
            stageCounts.put(stage, 0);
        }
        all.forEach(row -> stageCounts.merge(row.stage(), 1, Integer::sum));

        model.addAttribute("round", round);
        model.addAttribute("rows", query.apply(all));
        model.addAttribute("total", all.size());
        model.addAttribute("stageCounts", stageCounts);
        model.addAttribute("stages", CountryStage.values());
        model.addAttribute("query", query);
        model.addAttribute("tasks", secretariatRounds.openTasks(round));
        // the status never pretends all is well: a failed step of a country's or the round's process shows
        Set<String> attention = incidents.businessKeysNeedingAttention();
        model.addAttribute("attention", attention);
        model.addAttribute("roundNeedsAttention", attention.contains(round.code()));
        model.addAttribute("today", today);
        if (round.kind() == RoundKind.IMRF) {
            model.addAttribute("regionTotals", regionTotals(all));
            model.addAttribute("commissions", reference.commissions());
        } else {
            model.addAttribute("commission", reference.commission(round.commissionCode()).orElse(null));
        }
        return "submission/secretariat";
    }

    /** One submitted cycle as its secretariat sees it: its submissions and the latest version it received. */
    @GetMapping("/secretariat/cycles/{id}")
    String cycle(@PathVariable long id, CurrentUser user, Model model) {
        RoundKind kind = SecretariatRounds.kindOf(user);
        ReviewCycle cycle = cycles.findVisible(id, user);
        List<Submission> history = submissions.forCycle(id).stream().filter(s -> s.kind() == kind).toList();
        model.addAttribute("cycle", cycle);
        model.addAttribute("history", history);
        if (!history.isEmpty()) {
            Submission latest = history.get(history.size() - 1);
            model.addAttribute("latest", latest);
            model.addAttribute("report", FrozenReport.parse(json,
                    versions.find(latest.reportVersionId()).orElseThrow().content()));
        }
        return "submission/secretariat-cycle";
    }

    @GetMapping("/secretariat/synthesis")
    String synthesis(CurrentUser user, @RequestParam(name = "round", required = false) String roundCode,
            Model model) {
        ReviewRound round = secretariatRounds.resolve(user, roundCode);
        model.addAttribute("round", round);
        model.addAttribute("rounds", secretariatRounds.available(user));
        model.addAttribute("synthesis", synthesisGrid.of(round));
        model.addAttribute("cells", Synthesis.Cell.values());
        model.addAttribute("principleCoverage", principleCoverage.of(round));
        return "submission/synthesis";
    }

    @GetMapping("/secretariat/synthesis.csv")
    ResponseEntity<byte[]> synthesisCsv(CurrentUser user,
            @RequestParam(name = "round", required = false) String roundCode, Locale locale) {
        ReviewRound round = secretariatRounds.resolve(user, roundCode);
        return download(export.csv(synthesisGrid.of(round), locale),
                new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), round.code() + "-synthesis.csv");
    }

    @GetMapping("/secretariat/synthesis.xlsx")
    ResponseEntity<byte[]> synthesisXlsx(CurrentUser user,
            @RequestParam(name = "round", required = false) String roundCode, Locale locale) {
        ReviewRound round = secretariatRounds.resolve(user, roundCode);
        return download(export.xlsx(synthesisGrid.of(round), locale), XLSX, round.code() + "-synthesis.xlsx");
    }

    private List<RegionTotal> regionTotals(List<CountryRow> rows) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (RegionalCommission commission : reference.commissions()) {
            counts.put(commission.code(), new int[3]);
        }
        for (CountryRow row : rows) {
            int[] c = counts.computeIfAbsent(row.commissionCode(), k -> new int[3]);
            c[0]++;
            c[1] += row.stage().submitted() ? 1 : 0;
            c[2] += row.stage() == CountryStage.ACKNOWLEDGED ? 1 : 0;
        }
        List<RegionTotal> totals = new ArrayList<>();
        int[] all = new int[3];
        counts.forEach((code, c) -> {
            totals.add(new RegionTotal(code, reference.commission(code).map(RegionalCommission::name).orElse(code),
                    c[0], c[1], c[2]));
            for (int i = 0; i < 3; i++) {
                all[i] += c[i];
            }
        });
        totals.add(new RegionTotal(null, null, all[0], all[1], all[2]));
        return totals;
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }
}
