package org.gcmreview.consultation.organisation;

/**
 * The user name was taken between the check and the insert; thrown inside the transaction so nothing of the
 * registration remains, and answered like a registration so the form reveals no account.
 */
class UsernameUnavailableException extends RuntimeException {

    UsernameUnavailableException() {
        super("user name taken meanwhile");
    }
}
