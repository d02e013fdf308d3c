package org.gcmreview.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Spring Security's view of a user; the features work with {@link #user()}. The same for a password sign-in and
 * a single sign-on (where Spring Security wants an OAuth2User: SsoAuthentication), so no feature tells them apart.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, OAuth2User {

    /** Sessions live in the database (Spring Session JDBC): bump this only with a change that breaks them. */
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private final boolean enabled;
    /** The user's rights_version at sign-in; a session whose version is no longer the row's ends (RightsCheck). */
    private final long rightsVersion;
    private String passwordHash;

    SignedInUser(UserAccount account) {
        this.user = account.user();
        this.enabled = account.enabled();
        this.rightsVersion = account.rightsVersion();
        this.passwordHash = account.passwordHash();
    }

    /** The user signed in on the current request, if any. */
    public static Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // halfway through two-factor sign-in is not signed in yet
        if (auth != null && !(auth instanceof SecondFactorPending) && auth.getPrincipal() instanceof SignedInUser signedIn) {
            return Optional.of(signedIn.user());
        }
        return Optional.empty();
    }

    long rightsVersion() {
        return rightsVersion;
    }

    public CurrentUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    /** The provider's claims stay with the provider: nothing of them travels in the session. */
    @Override
    public Map<String, Object> getAttributes() {
        return Map.of();
    }

    @Override
    public String getName() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The hash is dropped after authentication so it never sits in the session. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedInUser other && other.user.id() == user.id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(user.id());
    }

    @Override
    public String toString() {
        return "SignedInUser[" + user.username() + "]";
    }
}
