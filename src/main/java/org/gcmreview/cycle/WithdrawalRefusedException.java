package org.gcmreview.cycle;

/** The cycle is not in a state to be withdrawn or reopened; the message says why, in the reader's language. */
public class WithdrawalRefusedException extends RuntimeException {

    public WithdrawalRefusedException(String message) {
        super(message);
    }
}
