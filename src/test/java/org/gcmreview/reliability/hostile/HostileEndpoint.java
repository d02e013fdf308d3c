package org.gcmreview.reliability.hostile;

import java.util.List;

/**
 * One state-changing endpoint and how to aim hostile requests at it.
 *
 * @param key          method and pattern as the controller declares it, e.g. {@code POST /cycles/{id}/consultation/close}
 * @param post         a valid post to a fresh subject (the hostile variants are made from it)
 * @param textFields   fields a person types into; the markup and SQL payload goes there
 * @param forged       the post aimed at subjects that do not exist (unknown or nonsense ids), or none
 * @param display      the page that shows what the text fields stored, or null when they are only echoed
 * @param replayable   whether sending the same valid post twice is a plausible accident (double click, resend)
 * @param reaudited    whether a replay writes its audit entry again (the domain rows still must not change)
 * @param withoutCsrf  whether the endpoint deliberately takes posts without a CSRF token (it changes nothing but
 *                     the sender's own preference), so a cross-site post is harmless
 * @param countsAttempts whether every post, a replay too, counts against a rate limit (submission_rate_event)
 * @param elsewhere    the valid post's path aimed at another country's subjects of the same kind (the sender is
 *                     the same), which must be "not found"; or none
 */
record HostileEndpoint(String key, Step<FormPost> post, List<String> textFields, Forged forged, Display display,
        boolean replayable, boolean reaudited, boolean withoutCsrf, boolean countsAttempts, Elsewhere elsewhere) {

    @FunctionalInterface
    interface Step<T> {
        T make(HostileFixture fixture) throws Exception;
    }

    @FunctionalInterface
    interface Forged {
        /** Paths with ids nobody was given: unknown numbers, random UUIDs, SQL and traversal. */
        List<String> paths(FormPost valid);
    }

    @FunctionalInterface
    interface Elsewhere {
        List<String> paths(FormPost valid, HostileFixture fixture) throws Exception;
    }

    @FunctionalInterface
    interface Display {
        String page(FormPost post, HostileFixture fixture) throws Exception;
    }

    static Builder of(String method, String pattern, Step<FormPost> post) {
        return new Builder(method + " " + pattern, post);
    }

    static final class Builder {
        private final String key;
        private final Step<FormPost> post;
        private List<String> textFields = List.of();
        private Forged forged;
        private Display display;
        private boolean replayable;
        private boolean reaudited;
        private boolean withoutCsrf;
        private boolean countsAttempts;
        private Elsewhere elsewhere;

        Builder(String key, Step<FormPost> post) {
            this.key = key;
            this.post = post;
        }

        Builder text(String... fields) {
            this.textFields = List.of(fields);
            return this;
        }

        Builder forged(Forged forged) {
            this.forged = forged;
            return this;
        }

        /** Paths to another country's subjects: "not found" to the sender, and nothing changes. */
        Builder otherCountry(Elsewhere elsewhere) {
            this.elsewhere = elsewhere;
            return this;
        }

        Builder shownOn(Display display) {
            this.display = display;
            return this;
        }

        Builder replayable() {
            this.replayable = true;
            return this;
        }

        /**
         * The endpoint records a replayed decision in the audit log again: a known, tolerated gap (the decision is
         * re-applied with the same value, so nothing else changes), listed here so that no other endpoint starts
         * doing it unnoticed.
         */
        Builder reauditedWhenReplayed() {
            this.reaudited = true;
            return this;
        }

        /** Takes posts without a CSRF token on purpose (see {@link HostileEndpoint#withoutCsrf()}). */
        Builder noCsrfTokenNeeded() {
            this.withoutCsrf = true;
            return this;
        }

        /** Every post, whatever becomes of it, counts against a rate limit: a replay adds its count (only). */
        Builder countsEveryAttempt() {
            this.countsAttempts = true;
            return this;
        }

        HostileEndpoint build() {
            return new HostileEndpoint(key, post, textFields, forged, display, replayable, reaudited, withoutCsrf,
                    countsAttempts, elsewhere);
        }
    }
}
