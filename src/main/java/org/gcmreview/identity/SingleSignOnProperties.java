package org.gcmreview.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenID Connect providers people may sign in with, beside the local accounts ({@code gcm.sso.providers.<id>.*};
 * none by default, and then the sign-in page offers none).
 *
 * @param providers by registration id (letters, digits, '-'; it is part of the redirect URI
 *        {@code /login/oauth2/code/<id>})
 */
@ConfigurationProperties("gcm.sso")
public record SingleSignOnProperties(Map<String, Provider> providers) {

    public SingleSignOnProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    /**
     * One provider.
     *
     * @param displayName the button's text on the sign-in page ("Sign in with ...")
     * @param issuerUri the issuer; its {@code /.well-known/openid-configuration} gives the endpoints, and every ID
     *        token must name exactly this issuer
     * @param clientId this application's client id at the provider (every ID token must be meant for it)
     * @param clientSecret its secret
     * @param scopes asked for; {@code openid} is always among them
     * @param claims which claims say what the person is
     * @param roles the role claim's values that give a role, e.g. {@code gcm-coordinator: COORDINATOR}; any other
     *        value gives none (the account waits for approval). Only COORDINATOR, MINISTRY, REGIONAL_SECRETARIAT,
     *        IMRF_SECRETARIAT and ADMIN can be given this way (a stakeholder belongs to an organisation).
     * @param countries the countries (ISO3) this provider may speak for; empty: any
     * @param twoFactorValues {@code amr} values (or an {@code acr} value) that show the provider asked for a second
     *        factor; a country that requires two-factor sign-in takes nothing less from its people
     */
    public record Provider(String displayName, String issuerUri, String clientId, String clientSecret,
            List<String> scopes, Claims claims, Map<String, Role> roles, Set<String> countries,
            Set<String> twoFactorValues) {

        public Provider {
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email")
                    : scopes.contains("openid") ? List.copyOf(scopes)
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"), scopes.stream()).toList();
            claims = claims == null ? new Claims(null, null, null, null) : claims;
            roles = roles == null ? Map.of() : Map.copyOf(roles);
            countries = countries == null ? Set.of() : Set.copyOf(countries);
            twoFactorValues = twoFactorValues == null ? Set.of("mfa") : Set.copyOf(twoFactorValues);
        }
    }

    /** Claim names; a claim not named is never read. */
    public record Claims(String role, String country, String ministry, String commission) {
    }
}
