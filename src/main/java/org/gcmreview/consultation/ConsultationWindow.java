package org.gcmreview.consultation;

import java.time.Instant;

/**
 * A cycle's stakeholder consultation window. It may exist before it opens (SCHEDULED) so that the coordinator
 * can prepare it and the public page can announce it.
 */
record ConsultationWindow(long id, long cycleId, Instant opensAt, Instant closesAt, WindowStatus status,
        Instant closedAt, boolean allowIndividuals, boolean targetsChosen, Instant responsesCompletedAt) {

    /**
     * Inputs are accepted while the window is open and its closing time has not come. The second condition
     * matters in the minutes between the closing time and the closing timer's job actually running.
     */
    public boolean acceptsInputs(Instant now) {
        return status == WindowStatus.OPEN && now.isBefore(closesAt) && !now.isBefore(opensAt);
    }

    /** Not open yet: scheduled, or opened by its timer a moment before its announced time. */
    public boolean beforeOpening(Instant now) {
        return status == WindowStatus.SCHEDULED || (status == WindowStatus.OPEN && now.isBefore(opensAt));
    }

    public boolean closed() {
        return status == WindowStatus.CLOSED;
    }

    /** Responses become public once the coordinator has recorded them all. */
    public boolean responsesPublic() {
        return responsesCompletedAt != null;
    }
}
