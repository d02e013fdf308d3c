package org.gcmreview.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with throttling around it: a user name locked for this client address, or a locked address,
 * is refused before the password is even looked at (so the right password does not help, and guessing learns
 * nothing), a wrong password counts as a failure, a right one forgives the user name's earlier failures from
 * this address. A lock never reaches the owner of a user name signing in from elsewhere.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = clientAddress(authentication);
        if (throttle.lockedUntil(username, address).isPresent()) {
            // The page says why; the exception's text only reaches the audit log.
            throw new LockedException("too many failed sign-ins");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.recordSuccess(username, address);
            return result;
        } catch (BadCredentialsException wrongPasswordOrUnknownUser) {
            throttle.recordFailure(username, address);
            throw wrongPasswordOrUnknownUser;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    /**
     * The client as Tomcat saw it: behind a trusted proxy, the address from X-Forwarded-For
     * (server.forward-headers-strategy=native).
     */
    static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : null;
    }
}
