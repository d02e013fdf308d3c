package org.gcmreview.submission.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.submission.workspace.CountryRow;
import org.gcmreview.submission.workspace.CountryStage;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.workspace.RoundOverview;
import org.gcmreview.submission.SecretariatRounds;
import org.gcmreview.submission.Submission;
import org.gcmreview.submission.Submissions;
import org.gcmreview.submission.workspace.Synthesis;
import org.gcmreview.submission.workspace.SynthesisGrid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The secretariats' read-only JSON API: their rounds, the submissions to a round, where each country of a round
 * stands, and which objectives the submitted reports cover. The same rounds and the same rule as the workspace
 * pages (SecretariatRounds); {@code round} is a round code, the user's current round when left out.
 */
@RestController
@RequestMapping(path = "/api/secretariat", produces = "application/json")
class SecretariatApiController {

    private final SecretariatRounds secretariatRounds;
    private final RoundOverview overview;
    private final Submissions submissions;
    private final SynthesisGrid synthesisGrid;
    private final Clock clock = Clock.systemUTC();

    SecretariatApiController(SecretariatRounds secretariatRounds, RoundOverview overview, Submissions submissions,
            SynthesisGrid synthesisGrid) {
        this.secretariatRounds = secretariatRounds;
        this.overview = overview;
        this.submissions = submissions;
        this.synthesisGrid = synthesisGrid;
    }

    record RoundJson(String code, String name, String kind, String commission, String cycle, LocalDate deadline,
            boolean closed) {

        static RoundJson of(ReviewRound round) {
            return new RoundJson(round.code(), round.name(), round.kind().name(), round.commissionCode(),
                    round.cycleCode(), round.submissionDeadline(), round.closed());
        }
    }

    record SubmissionJson(long id, String businessKey, String country, String countryName, int version,
            String sha256, String status, Instant submittedAt, String coverNote, String responseMessage,
            Instant respondedAt, Long supersedes) {
    }

    record CountryJson(String country, String countryName, String commission, String stage, String businessKey,
            Instant lastActivityAt, LocalDate deadline, Long daysLeft, Integer version, String sha256,
            Instant submittedAt, String imrfStatus) {
    }

    record CoverageJson(String country, String countryName, String businessKey, int version, String sha256,
            String submissionStatus, Map<Integer, String> objectives) {
    }

    @GetMapping("/rounds")
    Map<String, Object> rounds(CurrentUser user) {
        return Map.of("rounds", secretariatRounds.available(user).stream().map(RoundJson::of).toList());
    }

    @GetMapping("/submissions")
    Map<String, Object> submissions(CurrentUser user, @RequestParam(required = false) String round) {
        ReviewRound chosen = secretariatRounds.resolve(user, round);
        List<SubmissionJson> list = submissions.forRound(chosen.id()).stream().map(SecretariatApiController::json)
                .toList();
        return ordered("round", RoundJson.of(chosen), "submissions", list);
    }

    @GetMapping("/statuses")
    Map<String, Object> statuses(CurrentUser user, @RequestParam(required = false) String round) {
        ReviewRound chosen = secretariatRounds.resolve(user, round);
        List<CountryRow> rows = overview.countries(chosen, LocalDate.now(clock));
        Map<CountryStage, Integer> totals = new EnumMap<>(CountryStage.class);
        for (CountryStage stage : CountryStage.values()) {
            totals.put(stage, 0);
        }
        rows.forEach(r -> totals.merge(r.stage(), 1, Integer::sum));
        List<CountryJson> countries = rows.stream().map(r -> new CountryJson(r.iso3(), r.countryName(),
                r.commissionCode(), r.stage().name(), r.businessKey(), r.lastActivityAt(), r.deadline(), r.daysLeft(),
                r.versionNo(), r.sha256(), r.submittedAt(), r.imrfStatus() == null ? null : r.imrfStatus().name()))
                .toList();
        return ordered("round", RoundJson.of(chosen), "totals", totals, "countries", countries);
    }

    @GetMapping("/coverage")
    Map<String, Object> coverage(CurrentUser user, @RequestParam(required = false) String round) {
        ReviewRound chosen = secretariatRounds.resolve(user, round);
        Synthesis synthesis = synthesisGrid.of(chosen);
        List<CoverageJson> countries = synthesis.rows().stream().map(r -> {
            Map<Integer, String> objectives = new LinkedHashMap<>();
            r.cells().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> objectives.put(e.getKey(), e.getValue().name()));
            return new CoverageJson(r.iso3(), r.countryName(), r.businessKey(), r.versionNo(), r.sha256(),
                    r.status().name(), objectives);
        }).toList();
        Map<Integer, Map<String, Integer>> byObjective = new LinkedHashMap<>();
        synthesis.objectives().forEach(o -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("covering", synthesis.covering(o.number()));
            synthesis.totals(o.number()).forEach((cell, n) -> counts.put(cell.name(), n));
            byObjective.put(o.number(), counts);
        });
        return ordered("round", RoundJson.of(chosen), "objectives", byObjective, "countries", countries);
    }

    private static SubmissionJson json(Submission s) {
        return new SubmissionJson(s.id(), s.businessKey(), s.countryIso3(), s.countryName(), s.versionNo(), s.sha256(),
                s.status().name(), s.submittedAt(), s.coverNote(), s.responseMessage(), s.respondedAt(),
                s.supersedesId());
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
