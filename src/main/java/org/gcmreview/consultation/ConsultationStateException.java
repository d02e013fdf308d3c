package org.gcmreview.consultation;

/** The consultation is not in a state that allows the coordinator's action; the message says why. */
class ConsultationStateException extends RuntimeException {

    ConsultationStateException(String message) {
        super(message);
    }
}
