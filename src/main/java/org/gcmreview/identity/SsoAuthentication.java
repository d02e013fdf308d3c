package org.gcmreview.identity;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * A session signed in through a provider. Its principal is the same {@link SignedInUser} a password sign-in
 * gives, so every feature sees one kind of user; it also keeps the provider and the ID token, which logging out
 * at the provider needs (its {@code id_token_hint}). Stored in the database with the session: serializable.
 */
final class SsoAuthentication extends OAuth2AuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final SignedInUser user;
    private final String provider;
    private final String idToken;

    SsoAuthentication(SignedInUser user, String provider, String idToken) {
        super(user, user.getAuthorities(), provider);
        this.user = user;
        this.provider = provider;
        this.idToken = idToken;
    }

    @Override
    public SignedInUser getPrincipal() {
        return user;
    }

    String provider() {
        return provider;
    }

    String idToken() {
        return idToken;
    }
}
