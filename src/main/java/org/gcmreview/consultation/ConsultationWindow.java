package org.gcmreview.consultation;

import java.time.Instant;

/** A cycle's stakeholder consultation window. */
public record ConsultationWindow(long id, long cycleId, Instant opensAt, Instant closesAt, WindowStatus status,
        Instant closedAt) {

    /**
     * Inputs are accepted while the window is open and its closing time has not come. The second condition
     * matters in the minutes between the closing time and the closing timer's job actually running.
     */
    public boolean acceptsInputs(Instant now) {
        return status == WindowStatus.OPEN && now.isBefore(closesAt) && !now.isBefore(opensAt);
    }
}
