package org.gcmreview.submission;

/** The round's secretariat has closed it; it accepts no more reports. */
class RoundClosedException extends IllegalStateException {

    public RoundClosedException(ReviewRound round) {
        super("The review round " + round.code() + " is closed and accepts no more reports");
    }
}
