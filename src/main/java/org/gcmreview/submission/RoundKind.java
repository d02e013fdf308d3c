package org.gcmreview.submission;

import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.processes.ImrfReview;
import org.gcmreview.processes.RegionalReview;

/** A regional review round (one per regional commission) or an edition of the IMRF. */
public enum RoundKind {
    REGIONAL(RegionalReview.PROCESS),
    IMRF(ImrfReview.PROCESS);

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
