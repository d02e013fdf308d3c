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
        CHANGES_REQUESTED
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
