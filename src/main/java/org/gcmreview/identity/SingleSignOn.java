package org.gcmreview.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Single sign-on with OpenID Connect providers beside the local accounts ({@link SingleSignOnProperties}; none by
 * default, and then nothing of this is switched on). Spring Security runs the authorization-code flow and checks
 * the ID token (signature from the provider's keys, issuer, audience, expiry, nonce); {@link SsoAccounts} then finds
 * or makes the account. The session holds the same {@link SignedInUser} a password gives. Local two-factor sign-in
 * is not asked for: the provider is responsible for how it signs people in (see {@link SsoClaims#secondFactorShown}
 * for a country that requires a second factor).
 */
@Component
public class SingleSignOn {

    /** A provider as the sign-in page offers it. */
    public record Offer(String id, String displayName) {
    }

    /** Why a sign-in through a provider was refused, as the sign-in page words it (login.sso.refused.*). */
    static final Set<String> EXPLAINED = Set.of("invalid_id_token", SsoAccounts.DISABLED,
            SsoAccounts.TWO_FACTOR_REQUIRED, "access_denied");

    private final SingleSignOnProperties properties;
    private final SsoRegistrations registrations;
    private final SsoAccounts accounts;

    SingleSignOn(SingleSignOnProperties properties, SsoAccounts accounts) {
        this.properties = properties;
        this.registrations = new SsoRegistrations(properties);
        this.accounts = accounts;
    }

    /** The providers to offer on the sign-in page, in the order of their names; empty when none is configured. */
    public List<Offer> offers() {
        return properties.providers().entrySet().stream()
                .map(e -> new Offer(e.getKey(), e.getValue().displayName() == null ? e.getKey()
                        : e.getValue().displayName()))
                .sorted(Comparator.comparing(Offer::displayName)).toList();
    }

    /** The sign-in page's message for a refusal code (/login?sso-refused=...); any code it does not know: other. */
    public String refusalMessage(String code) {
        return "login.sso.refused." + (EXPLAINED.contains(code) ? code : "other");
    }

    /**
     * The providers' origins, each after a space (nothing without providers), which the Content-Security-Policy's form-action must allow: logging out (a form)
     * ends at the provider's end-session endpoint.
     */
    public String formActionSources() {
        return properties.providers().values().stream().map(p -> URI.create(p.issuerUri()))
                .map(u -> " " + u.getScheme() + "://" + u.getAuthority()).distinct().sorted()
                .collect(Collectors.joining());
    }

    /** Switches OpenID Connect sign-in on in the application's filter chain, when a provider is configured. */
    public void configure(HttpSecurity http) throws Exception {
        if (properties.providers().isEmpty()) {
            return;
        }
        OidcUserService oidcUsers = new OidcUserService();
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(registrations)
                // the access token is kept in the session, not in a map in memory that only grows
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(request -> linked(oidcUsers, request)))
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                    @Override
                    public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationResultConverter(SingleSignOn::signedIn);
                        return filter;
                    }
                })
                .defaultSuccessUrl("/", false)
                .failureHandler(SingleSignOn::refused));
    }

    /** After logging out here: at the provider too, when it offers RP-initiated logout; else the sign-in page. */
    public LogoutSuccessHandler logoutSuccess() {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            String local = UriComponentsBuilder.fromUriString(request.getRequestURL().toString()).replacePath(
                    request.getContextPath() + "/login").replaceQuery("logout").build().toUriString();
            String target = request.getContextPath() + "/login?logout";
            if (authentication instanceof SsoAuthentication sso) {
                ClientRegistration registration = registrations.known(sso.provider()).orElse(null);
                Object endSession = registration == null ? null
                        : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
                if (endSession != null) {
                    target = UriComponentsBuilder.fromUriString(endSession.toString())
                            .queryParam("id_token_hint", sso.idToken())
                            .queryParam("client_id", registration.getClientId())
                            .queryParam("post_logout_redirect_uri", local)
                            .encode().build().toUriString();
                }
            }
            response.sendRedirect(target);
        };
    }

    private OidcUser linked(OidcUserService oidcUsers, OidcUserRequest request) {
        OidcUser person = oidcUsers.loadUser(request);
        String id = request.getClientRegistration().getRegistrationId();
        SingleSignOnProperties.Provider provider = properties.providers().get(id);
        Map<String, Object> claims = person.getClaims();
        UserAccount account = accounts.link(id, provider, person.getIssuer().toExternalForm(), person.getSubject(),
                claims);
        accounts.refuseIfBarred(id, provider, account, claims);
        return new Linked(person, account);
    }

    private static SsoAuthentication signedIn(OAuth2LoginAuthenticationToken login) {
        Linked person = (Linked) login.getPrincipal();
        SignedInUser user = new SignedInUser(person.account);
        user.eraseCredentials();
        SsoAuthentication authentication = new SsoAuthentication(user,
                login.getClientRegistration().getRegistrationId(), person.getIdToken().getTokenValue());
        authentication.setDetails(login.getDetails());
        return authentication;
    }

    private static void refused(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
                : "other";
        response.sendRedirect(request.getContextPath() + "/login?sso-refused="
                + (EXPLAINED.contains(code) ? code : "other"));
    }

    /** The provider's person with the account it is linked to, between the user service and the converter. */
    private static final class Linked extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;
        private final transient UserAccount account;

        Linked(OidcUser person, UserAccount account) {
            super(person.getAuthorities(), person.getIdToken(), person.getUserInfo());
            this.account = account;
        }

        /** The account's user name, which the sign-in audit names (not the provider's subject). */
        @Override
        public String getName() {
            return account.user().username();
        }
    }
}
