package org.gcmreview.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gcmreview.identity.Role;
import org.junit.jupiter.api.Test;

/**
 * The optional Keycloak of docker-compose.yml (profile keycloak) imports docker/keycloak/gcm-realm.json: it must be
 * well-formed, hold every demo user that can sign in through a provider with the claims that give exactly the role,
 * country, ministry and commission the embedded database's demo data gives them, and map those attributes into the
 * ID token under the claim names the README configures. (Keycloak itself cannot be started here: no Docker.)
 */
class KeycloakRealmTest {

    static final Path REALM = Path.of("docker/keycloak/gcm-realm.json");
    static final Map<String, Role> ROLE_CLAIMS = Map.of("coordinator", Role.COORDINATOR, "ministry", Role.MINISTRY,
            "regional", Role.REGIONAL_SECRETARIAT, "imrf", Role.IMRF_SECRETARIAT,
            "admin", Role.ADMIN);

    @Test
    void theRealmHoldsTheDemoUsersWithTheirClaims() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(Files.readString(REALM));
        assertThat(realm.path("realm").asText()).isEqualTo("gcm");
        Map<String, JsonNode> users = new HashMap<>();
        realm.path("users").forEach(user -> users.put(user.path("username").asText(), user));
        for (DemoData.User demo : DemoData.USERS) {
            if (demo.role() == Role.STAKEHOLDER) {
                // an organisation's account: no claim names an organisation, so it signs in with its password only
                assertThat(users).doesNotContainKey(demo.username());
                continue;
            }
            JsonNode user = users.get(demo.username());
            assertThat(user).as("demo user %s in the realm", demo.username()).isNotNull();
            JsonNode attributes = user.path("attributes");
            assertThat(ROLE_CLAIMS.get(attributes.path("gcm_role").path(0).asText())).as(demo.username())
                    .isEqualTo(demo.role());
            assertThat(text(attributes, "gcm_country")).as(demo.username()).isEqualTo(demo.countryIso3());
            assertThat(text(attributes, "gcm_ministry")).as(demo.username()).isEqualTo(demo.ministryCode());
            assertThat(text(attributes, "gcm_commission")).as(demo.username()).isEqualTo(demo.commissionCode());
            assertThat(user.path("credentials").path(0).path("value").asText()).isEqualTo("demo");
        }
        // one more: a Kenyan newcomer with no role claim, to see the pending state and its approval
        assertThat(users.get("newcomer.ken").path("attributes").has("gcm_role")).isFalse();
        assertThat(text(users.get("newcomer.ken").path("attributes"), "gcm_country")).isEqualTo("KEN");
    }

    @Test
    void theClientMapsTheAttributesIntoTheIdToken() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(Files.readString(REALM));
        JsonNode client = realm.path("clients").path(0);
        assertThat(client.path("clientId").asText()).isEqualTo("gcm-review");
        assertThat(client.path("redirectUris").path(0).asText())
                .isEqualTo("http://localhost:8080/login/oauth2/code/keycloak");
        List<String> claims = new java.util.ArrayList<>();
        client.path("protocolMappers").forEach(mapper -> {
            assertThat(mapper.path("config").path("id.token.claim").asText()).isEqualTo("true");
            claims.add(mapper.path("config").path("claim.name").asText());
        });
        assertThat(claims).containsExactlyInAnyOrder("gcm_role", "gcm_country", "gcm_ministry", "gcm_commission");
        String compose = Files.readString(Path.of("docker-compose.yml"));
        assertThat(compose).contains("quay.io/keycloak/keycloak", "start-dev", "--import-realm",
                "profiles: [\"keycloak\"]", "./docker/keycloak:/opt/keycloak/data/import");
    }

    private static String text(JsonNode attributes, String name) {
        JsonNode value = attributes.path(name).path(0);
        return value.isMissingNode() ? null : value.asText();
    }
}
