package org.gcmreview.identity;

import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A sign-in halfway: the password was right, and now a code from the authenticator is due ({@link Stage#CODE}),
 * or the user's country requires two-factor sign-in and they have yet to set it up ({@link Stage#ENROLMENT}). It
 * carries no authority at all, so no role rule lets it through, and {@link SecondFactorGate} keeps it on the
 * pages of its stage. The principal is the user, so a change of rights ends it like a full session (RightsCheck).
 */
public final class SecondFactorPending extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    /** What is still to do. */
    public enum Stage {
        CODE, ENROLMENT
    }

    private final SignedInUser user;
    private final Stage stage;
    private final Instant since;

    SecondFactorPending(SignedInUser user, Stage stage, Instant since) {
        super(List.of());
        this.user = user;
        this.stage = stage;
        this.since = since;
        // "authenticated" for Spring Security's bookkeeping only: without authorities it reaches nothing
        // that a role guards, and the gate lets it reach only its own pages
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public SignedInUser getPrincipal() {
        return user;
    }

    Stage stage() {
        return stage;
    }

    Instant since() {
        return since;
    }
}
