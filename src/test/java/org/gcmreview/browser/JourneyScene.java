package org.gcmreview.browser;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people a browser journey's scene needs: test users who can sign in through the login form (see
 * {@link SignedInJourney}). A fixture bean of {@code @ApplicationTest}; a journey brings its cycle to where it
 * starts with {@code CycleFixture} over MockMvc.
 */
public final class JourneyScene {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final TestUsers users;

    public JourneyScene(JdbcClient jdbc, PasswordEncoder passwordEncoder, TestUsers users) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.users = users;
    }

    /** A coordinator of the country who can sign in. */
    public CurrentUser coordinator(String iso3) {
        return SignedInJourney.canSignIn(users.coordinator(iso3), jdbc, passwordEncoder);
    }

    /** A focal point of the ministry (made if the country has none of that code) who can sign in. */
    public CurrentUser ministry(String iso3, String code) {
        return SignedInJourney.canSignIn(users.ministry(iso3, code), jdbc, passwordEncoder);
    }
}
