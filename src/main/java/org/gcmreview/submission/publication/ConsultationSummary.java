package org.gcmreview.submission.publication;

import java.time.Instant;

/**
 * What the published report says about its stakeholder consultation: how many inputs came in and how the
 * coordinator took them into account. Inputs hidden by moderation are counted apart and never shown.
 *
 * @param held false when the cycle had no consultation window
 * @param unanswered inputs without a recorded outcome
 */
record ConsultationSummary(boolean held, Instant opensAt, Instant closesAt, int received, int accepted, int partly,
        int notAccepted, int unanswered, int withheld) {

    static final ConsultationSummary NONE = new ConsultationSummary(false, null, null, 0, 0, 0, 0, 0, 0);
}
