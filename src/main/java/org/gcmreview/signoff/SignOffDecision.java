package org.gcmreview.signoff;

import java.time.Instant;
import java.util.List;

/**
 * A ministry's decision in one sign-off round.
 *
 * @param sections the report sections a request for changes names (none for an approval)
 */
public record SignOffDecision(
        long id,
        long cycleId,
        int roundNo,
        long ministryId,
        String ministryName,
        Decision decision,
        String reason,
        String decidedBy,
        Instant decidedAt,
        List<NamedSection> sections) {

    public SignOffDecision {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public enum Decision {
        APPROVED,
        CHANGES_REQUESTED,
        /** The coordinator went on without the ministry's sign-off (issue 14.2); the reason says why. */
        PROCEEDED_WITHOUT
    }

    /** The decision's words in the bundle (drafting: signoff.decision.*). */
    public String labelKey() {
        return switch (decision) {
            case APPROVED -> "signoff.decision.approved";
            case CHANGES_REQUESTED -> "signoff.decision.changes";
            case PROCEEDED_WITHOUT -> "signoff.decision.proceededWithout";
        };
    }

    /** A section a request for changes is about. */
    public record NamedSection(long id, String title) {
    }

    public boolean changesRequested() {
        return decision == Decision.CHANGES_REQUESTED;
    }

    public boolean names(long sectionId) {
        return sections.stream().anyMatch(s -> s.id() == sectionId);
    }

    SignOffDecision withSections(List<NamedSection> named) {
        return new SignOffDecision(id, cycleId, roundNo, ministryId, ministryName, decision, reason, decidedBy,
                decidedAt, named);
    }
}
