package org.gcmreview.consultation.organisation;

import java.util.Map;

/** A registration that cannot be stored; thrown inside the transaction so nothing of it remains. */
class RegistrationRefusedException extends RuntimeException {

    private final Map<String, String> errors;

    RegistrationRefusedException(Map<String, String> errors) {
        super("registration refused: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    Map<String, String> errors() {
        return errors;
    }
}
