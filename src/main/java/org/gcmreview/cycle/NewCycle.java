package org.gcmreview.cycle;

/** What is stored when a coordinator starts a cycle, before its process instance exists. */
record NewCycle(String countryIso3, String code, String title, Long regionalRoundId, Long imrfRoundId,
        long startedBy) {

    /** {@code <ISO3>-<code>}: the national process instance's business key, unique across countries. */
    String businessKey() {
        return countryIso3 + "-" + code;
    }
}
