package org.gcmreview.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real OpenID Connect provider for the tests, over HTTP on a random port of the loopback address: discovery
 * document, authorization endpoint (authorization-code flow, answering at once with the person queued by the test,
 * as if they had typed their password there), token endpoint (client_secret_basic; a signed RS256 ID token with the
 * nonce of the request), JWK set and end-session endpoint. Built on Nimbus JOSE+JWT, the library Spring Security
 * itself verifies tokens with; each queued person can carry a wrong issuer, audience or expiry to be refused.
 */
public final class TestOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "gcm-review";
    public static final String CLIENT_SECRET = "test-secret";

    /**
     * Who signs in next, with the claims the provider gives, and optionally a token the application must refuse.
     */
    public record Person(String subject, Map<String, Object> claims, String issuer, String audience,
            Duration expiresIn) {

        public static Person of(String subject, Map<String, Object> claims) {
            return new Person(subject, claims, null, null, Duration.ofMinutes(5));
        }

        public Person withIssuer(String other) {
            return new Person(subject, claims, other, audience, expiresIn);
        }

        public Person withAudience(String other) {
            return new Person(subject, claims, issuer, other, expiresIn);
        }

        public Person expired() {
            return new Person(subject, claims, issuer, audience, Duration.ofMinutes(-10));
        }
    }

    private record Grant(Person person, String nonce) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final ConcurrentLinkedQueue<Person> next = new ConcurrentLinkedQueue<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<Map<String, String>> logouts = new CopyOnWriteArrayList<>();

    private TestOidcProvider() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", exchange -> send(exchange, 200, "application/json",
                new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/logout", this::logout);
        server.start();
    }

    public static TestOidcProvider start() {
        try {
            return new TestOidcProvider();
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next sign-in at the provider is this person's. */
    public void signsInNext(Person person) {
        next.add(person);
    }

    /** The end-session requests received (their query parameters). */
    public List<Map<String, String>> logouts() {
        return List.copyOf(logouts);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String issuer = issuer();
        send(exchange, 200, "application/json", """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","end_session_endpoint":"%1$s/logout","response_types_supported":["code"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
                 "scopes_supported":["openid","profile","email"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(issuer));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        Person person = next.poll();
        if (person == null || !CLIENT_ID.equals(query.get("client_id"))) {
            redirect(exchange, query.get("redirect_uri") + "?error=access_denied&state="
                    + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(person, query.get("nonce")));
        redirect(exchange, query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(Optional.ofNullable(form.get("code")).orElse(""));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || grant == null) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        Person person = grant.person();
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(person.issuer() != null ? person.issuer() : issuer())
                .subject(person.subject())
                .audience(person.audience() != null ? person.audience() : CLIENT_ID)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.plus(person.expiresIn())));
        if (grant.nonce() != null) {
            claims.claim("nonce", grant.nonce());
        }
        person.claims().forEach(claims::claim);
        try {
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            idToken.sign(new RSASSASigner(key));
            send(exchange, 200, "application/json", """
                    {"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"openid profile email",
                     "id_token":"%s"}""".formatted(UUID.randomUUID(), idToken.serialize()));
        } catch (JOSEException e) {
            send(exchange, 500, "text/plain", e.toString());
        }
    }

    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        logouts.add(query);
        String back = query.get("post_logout_redirect_uri");
        if (back != null) {
            redirect(exchange, back);
        } else {
            send(exchange, 200, "text/plain", "signed out");
        }
    }

    private static Map<String, String> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2)).forEach(pair -> values.put(
                URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
        return values;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
