package org.gcmreview.submission;

import org.gcmreview.identity.CandidateGroups;

/** A regional review round (one per regional commission) or an edition of the IMRF. */
public enum RoundKind {
    REGIONAL("regional-review"),
    IMRF("imrf-review");

    private final String processDefinitionKey;

    RoundKind(String processDefinitionKey) {
        this.processDefinitionKey = processDefinitionKey;
    }

    /** The BPMN process that runs one instance per round of this kind. */
    public String processDefinitionKey() {
        return processDefinitionKey;
    }

    String secretariatGroup(String commissionCode) {
        return this == REGIONAL ? CandidateGroups.regionalSecretariat(commissionCode) : CandidateGroups.IMRF_SECRETARIAT;
    }
}
