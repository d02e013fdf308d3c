package org.gcmreview.report;

import java.time.Instant;

/** A ministry's draft for one objective of a cycle. */
public record Contribution(
        long id,
        long cycleId,
        long ministryId,
        String ministryName,
        int objectiveNumber,
        String objectiveTitle,
        boolean lead,
        SectionContent content,
        int lockVersion,
        Instant updatedAt,
        Instant submittedAt,
        boolean carriedOver) {

    /** A contribution read without its carry-over mark. */
    public Contribution(long id, long cycleId, long ministryId, String ministryName, int objectiveNumber,
            String objectiveTitle, boolean lead, SectionContent content, int lockVersion, Instant updatedAt,
            Instant submittedAt) {
        this(id, cycleId, ministryId, ministryName, objectiveNumber, objectiveTitle, lead, content, lockVersion,
                updatedAt, submittedAt, false);
    }

    /** Always about one objective (the shared principle and carry-over fragments ask). */
    public boolean objective() {
        return true;
    }

    public boolean submitted() {
        return submittedAt != null;
    }

    /** The narrative. */
    public String body() {
        return content.narrative();
    }

    public String status() {
        return content.status();
    }

    /** Drafted: a status and a narrative given, which is what submitting needs. */
    public boolean drafted() {
        return content.hasStatus() && !content.narrative().isEmpty();
    }
}
