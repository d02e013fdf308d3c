package org.gcmreview.consultation;

import java.util.Optional;

/** Where an input stands in moderation. Only PUBLISHED inputs ever appear on public pages. */
enum InputStatus {
    /** received, not moderated yet */
    RECEIVED,
    PUBLISHED,
    /** moderated out, with a reason (e.g. abusive); never public, needs no response */
    HIDDEN;

    /** Parses a form or filter value; empty when it is not one of ours. */
    static Optional<InputStatus> parse(String value) {
        for (InputStatus status : values()) {
            if (status.name().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
