package org.gcmreview.cycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The "start a review cycle" form (bound by {@link org.gcmreview.support.FormBinder}). Whether the code is free, the
 * language one of the UN languages and the chosen previous report the country's own are checked by
 * {@link CycleStarter}, which needs the database.
 *
 * @param startFrom {@link #EMPTY} or {@link #PREVIOUS}: start from the country's last endorsed report (issue 16.3)
 */
record StartCycleForm(
        @NotBlank(message = "cycle.start.error.codeMissing")
        @Pattern(regexp = "^([A-Za-z0-9_-]{1,40})?$", message = "cycle.start.error.codeFormat") String code,
        @NotBlank(message = "cycle.start.error.titleMissing")
        @Size(max = CycleStarter.MAX_TITLE, message = "cycle.start.error.titleLength") String title,
        String language,
        @Pattern(regexp = "^(|empty|previous)$", message = "cycle.start.error.startFrom") String startFrom) {

    static final String EMPTY = "empty";
    static final String PREVIOUS = "previous";

    boolean fromPrevious() {
        return PREVIOUS.equals(startFrom);
    }
}
