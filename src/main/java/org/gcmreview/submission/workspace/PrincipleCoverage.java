package org.gcmreview.submission.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gcmreview.reference.GuidingPrinciple;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.submission.ReviewRound;
import org.springframework.stereotype.Service;

/**
 * Issue 16.4 in the synthesis: per guiding principle, how many of the reports submitted to the round give evidence
 * for it (an objective section tagged with it), read like the grid from each country's latest submission, from the
 * principles PostgreSQL extracted from the frozen version when it was stored (db/V250). Reports the country
 * withdrew or the round released are not counted.
 */
@Service
class PrincipleCoverage {

    /** One principle and the number of reports that give evidence for it. */
    record Count(GuidingPrinciple principle, int reports) {
    }

    /** The round's reports counted and the principles, in number order. */
    record Coverage(int reports, List<Count> counts) {
    }

    private final SynthesisGrid grid;
    private final ObjectMapper json;
    private final ReferenceData reference;

    PrincipleCoverage(SynthesisGrid grid, ObjectMapper json, ReferenceData reference) {
        this.grid = grid;
        this.json = json;
        this.reference = reference;
    }

    Coverage of(ReviewRound round) {
        List<String> evidenced = grid.evidencedPrinciples(round);
        Map<Integer, Integer> counts = new HashMap<>();
        for (String principles : evidenced) {
            try {
                for (JsonNode n : json.readTree(principles)) {
                    counts.merge(n.asInt(), 1, Integer::sum);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The principles of a frozen version are not valid JSON", e);
            }
        }
        return new Coverage(evidenced.size(), reference.guidingPrinciples().stream()
                .map(p -> new Count(p, counts.getOrDefault(p.number(), 0))).toList());
    }
}
