package org.gcmreview.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class CamundaWebappSignOnTest {

    private final CamundaWebappSignOn signOn = new CamundaWebappSignOn();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSignedInAdministratorIsSignedInToCamunda() {
        signIn(user(Role.ADMIN, "admin.one"));
        AuthenticationResult result = signOn.extractAuthenticatedUser(null, null);
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthenticatedUser()).isEqualTo("admin.one");
    }

    @Test
    void anyoneElseIsNot() {
        assertThat(signOn.extractAuthenticatedUser(null, null).isAuthenticated()).isFalse();
        signIn(user(Role.COORDINATOR, "coordinator.one"));
        assertThat(signOn.extractAuthenticatedUser(null, null).isAuthenticated()).isFalse();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", "x", "ROLE_ADMIN"));
        assertThat(signOn.extractAuthenticatedUser(null, null).isAuthenticated()).isFalse();
    }

    private static SignedInUser user(Role role, String username) {
        CurrentUser user = new CurrentUser(1, username, "Some One", null, role, role.isCountryRole() ? "KEN" : null,
                null, null, null, null);
        return new SignedInUser(new UserAccount(user, "{noop}unused", true));
    }

    private static void signIn(SignedInUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
