package org.gcmreview.identity;

import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Hands the engine an {@link AppIdentityProvider} wherever it asks for its identity provider. */
class AppIdentityProviderFactory implements SessionFactory {

    private final IdentityDirectory directory;
    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    // a real hash of nothing anyone knows, checked when the user does not exist (see checkPassword); made at the
    // first such check, not at start-up, where BCrypt's deliberate slowness would add to every start
    private volatile String unknownUserHash;

    AppIdentityProviderFactory(IdentityDirectory directory, UserAccountRepository accounts,
            PasswordEncoder passwordEncoder) {
        this.directory = directory;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    private String unknownUserHash() {
        String hash = unknownUserHash;
        if (hash == null) {
            // two first checks at once may each make one; either is as good
            hash = passwordEncoder.encode(java.util.UUID.randomUUID().toString());
            unknownUserHash = hash;
        }
        return hash;
    }

    @Override
    public Class<?> getSessionType() {
        return ReadOnlyIdentityProvider.class;
    }

    @Override
    public Session openSession() {
        return new AppIdentityProvider(directory, accounts, passwordEncoder, this::unknownUserHash);
    }
}
