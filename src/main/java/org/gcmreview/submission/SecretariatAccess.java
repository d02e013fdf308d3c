package org.gcmreview.submission;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/** A round is worked on by its own secretariat only: the commission's for a regional round, the IMRF's. */
final class SecretariatAccess {

    private SecretariatAccess() {
    }

    static boolean mayWorkOn(ReviewRound round, CurrentUser user) {
        return switch (round.kind()) {
            case REGIONAL -> user.is(Role.REGIONAL_SECRETARIAT) && round.commissionCode().equals(user.commissionCode());
            case IMRF -> user.is(Role.IMRF_SECRETARIAT);
        };
    }

    static void require(ReviewRound round, CurrentUser user) {
        if (!mayWorkOn(round, user)) {
            throw new AccessDeniedException("Only the secretariat of " + round.code() + " can do this");
        }
    }
}
