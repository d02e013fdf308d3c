package org.gcmreview.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Signs an administrator in to Camunda's webapps with their application sign-in, so there is one login.
 * Camunda's own login form would not do: on success it invalidates the HTTP session (its session-fixation
 * defence), which throws away the Spring Security sign-in that guards /camunda/** and so locks the administrator
 * out again on the next request. Camunda loads the user's groups and tenants through our identity provider.
 * Instantiated by Camunda's ContainerBasedAuthenticationFilter by class name, hence public.
 */
public class CamundaWebappSignOn implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // the security chain already admits only ADMIN to /camunda/**; checked again so this never widens it
        if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof SecondFactorPending)
                && authentication.getPrincipal() instanceof SignedInUser signedIn && signedIn.user().is(Role.ADMIN)) {
            return AuthenticationResult.successful(signedIn.getUsername());
        }
        return AuthenticationResult.unsuccessful();
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // no challenge of its own: signing in happens on /login
    }
}
