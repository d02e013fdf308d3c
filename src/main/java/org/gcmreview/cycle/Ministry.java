package org.gcmreview.cycle;

import org.gcmreview.identity.CandidateGroups;

/** A ministry of a country; its Camunda candidate group routes drafting and sign-off tasks to its users. */
public record Ministry(long id, String countryIso3, String code, String name) {

    public String group() {
        return CandidateGroups.ministry(countryIso3, code);
    }
}
