package org.gcmreview.report;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.gcmreview.support.FormBinder.Verbatim;

/** One indicator row, texts normalised; a row whose fields are all blank is not bound at all. */
record IndicatorFields(
        @Verbatim @Size(max = Edits.MAX_INDICATOR_FIELD, message = "drafting.error.indicator.tooLong")
        @NotEmpty(message = "drafting.error.indicator.name") String name,
        @Verbatim @Size(max = Edits.MAX_INDICATOR_FIELD, message = "drafting.error.indicator.tooLong") String value,
        @Verbatim @Size(max = Edits.MAX_INDICATOR_FIELD, message = "drafting.error.indicator.tooLong") String unit,
        @Verbatim @Size(max = Edits.MAX_INDICATOR_FIELD, message = "drafting.error.indicator.tooLong")
        @NotEmpty(message = "drafting.error.indicator.source") String source,
        @Verbatim @Size(max = Edits.MAX_INDICATOR_FIELD, message = "drafting.error.indicator.tooLong") String year) {
}

