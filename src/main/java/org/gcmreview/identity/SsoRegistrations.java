package org.gcmreview.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The configured providers as Spring Security's client registrations, each read from its issuer's discovery
 * document when first used (not at start-up: a provider that is down then does not keep the application, and
 * the local accounts, from starting). A provider whose discovery fails is tried again on the next sign-in.
 */
class SsoRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(SsoRegistrations.class);

    private final SingleSignOnProperties properties;
    private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

    SsoRegistrations(SingleSignOnProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        SingleSignOnProperties.Provider provider = properties.providers().get(registrationId);
        if (provider == null) {
            return null;
        }
        return discovered.computeIfAbsent(registrationId, id -> discover(id, provider));
    }

    /** The provider's registration if it was discovered already (logging out needs its end_session_endpoint). */
    Optional<ClientRegistration> known(String registrationId) {
        return Optional.ofNullable(discovered.get(registrationId));
    }

    private static ClientRegistration discover(String id, SingleSignOnProperties.Provider provider) {
        try {
            return ClientRegistrations.fromIssuerLocation(provider.issuerUri())
                    .registrationId(id)
                    .clientName(provider.displayName() == null ? id : provider.displayName())
                    .clientId(provider.clientId())
                    .clientSecret(provider.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(provider.scopes())
                    .build();
        } catch (RuntimeException e) {
            log.warn("Single sign-on provider {} ({}) cannot be reached: {}", id, provider.issuerUri(), e.toString());
            throw e;
        }
    }
}
