package org.gcmreview.people;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A ministry as its country's coordinator keeps it: name, working languages, and whether it is retired. */
public record CountryMinistry(Long id, String countryIso3, String code, String name, String languages,
        OffsetDateTime retiredAt) {

    public boolean retired() {
        return retiredAt != null;
    }

    public List<String> languageCodes() {
        return Arrays.stream(languages.split(",")).filter(s -> !s.isBlank()).toList();
    }
}
