package org.gcmreview.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One section as it stands in a frozen report version (see {@link ReportVersions#freeze}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FrozenSection(String kind, Integer objective, String title, String status, String body) {

    public String statusLabel() {
        return ImplementationStatus.parse(status).map(ImplementationStatus::label).orElse(null);
    }
}
