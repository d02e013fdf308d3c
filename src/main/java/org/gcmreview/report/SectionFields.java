package org.gcmreview.report;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gcmreview.support.FormBinder.Verbatim;

/**
 * One section's or contribution's fields, bound partially: null is "not on the page, leave as it is". Texts
 * come normalised ({@link SectionContent#normalise}) by {@link Edits}, so their lengths are those stored.
 */
record SectionFields(
        @NotNull(message = "drafting.error.incomplete")
        @Pattern(regexp = "[0-9]{1,9}", message = "drafting.error.incomplete")
        String version,
        @Verbatim @Size(max = Edits.MAX_NARRATIVE, message = "drafting.error.narrativeTooLong") String body,
        @Pattern(regexp = "|NOT_STARTED|PLANNED|IN_PROGRESS|IMPLEMENTED",
                message = "drafting.error.status") String status,
        @Verbatim @Size(max = Edits.MAX_PART, message = "drafting.error.partTooLong") String measures,
        @Verbatim @Size(max = Edits.MAX_PART, message = "drafting.error.partTooLong") String practices,
        @Verbatim @Size(max = Edits.MAX_PART, message = "drafting.error.partTooLong") String challenges,
        @Pattern(regexp = "[0-9]{1,9}", message = "drafting.error.incomplete")
        String indrows,
        String principlesshown,
        List<String> principles) {
}

