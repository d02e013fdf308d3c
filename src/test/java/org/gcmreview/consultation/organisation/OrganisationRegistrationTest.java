package org.gcmreview.consultation.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.identity.UserAccountRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Organisations register themselves on a public page with an account for their contact; the coordinator of
 * their country verifies them or rejects them with a reason. Nothing of a refused registration is stored.
 */
@ApplicationTest
class OrganisationRegistrationTest {

    private static final String PASSWORD = "a long enough password";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;

    CurrentUser coordinator;
    String address;

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    @Test
    void theRegistrationPageIsPublicAndLabelsEveryField() throws Exception {
        mvc.perform(get("/organisations/register"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"name\"")))
                .andExpect(content().string(containsString("<label for=\"stakeholderType\"")))
                .andExpect(content().string(containsString("<label for=\"country\"")))
                .andExpect(content().string(containsString("<label for=\"contactEmail\"")))
                .andExpect(content().string(containsString("<label for=\"password\"")))
                .andExpect(content().string(containsString("value=\"MIGRANT_DIASPORA\"")))
                .andExpect(content().string(containsString("value=\"KEN\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    /** The fields come from fields.html; the browser still checks them and fills in what it knows. */
    @Test
    void theFieldsAreRequiredAndSayWhatTheBrowserMayFillIn() throws Exception {
        mvc.perform(get("/organisations/register"))
                .andExpect(content().string(control("input", "name", "required", "autocomplete=\"organization\"")))
                .andExpect(content().string(control("select", "stakeholderType", "required")))
                .andExpect(content().string(control("select", "country", "required",
                        "aria-describedby=\"country-hint\"")))
                .andExpect(content().string(control("input", "contactName", "required", "autocomplete=\"name\"")))
                .andExpect(content().string(control("input", "contactEmail", "type=\"email\"", "required",
                        "maxlength=\"254\"", "autocomplete=\"email\"")))
                .andExpect(content().string(control("input", "username", "required", "autocomplete=\"username\"")))
                .andExpect(content().string(control("input", "password", "type=\"password\"", "required",
                        "minlength=\"" + OrganisationRegistry.PASSWORD_MIN + "\"", "maxlength=\"200\"",
                        "autocomplete=\"new-password\"")))
                .andExpect(content().string(control("input", "passwordRepeated", "type=\"password\"", "required",
                        "autocomplete=\"new-password\"")));
    }

    /** The page has an {@code element} with the id {@code id} that has each of {@code attributes}, in any order. */
    private static org.hamcrest.Matcher<String> control(String element, String id, String... attributes) {
        StringBuilder has = new StringBuilder("(?=[^>]*\\sid=\"" + id + "\")");
        for (String attribute : attributes) {
            has.append("(?=[^>]*\\s").append(java.util.regex.Pattern.quote(attribute)).append("[\\s=>/])");
        }
        return org.hamcrest.Matchers.matchesRegex("(?s).*<" + element + has + ".*");
    }

    @Test
    void anOrganisationRegistersPendingAndItsContactCanSignIn() throws Exception {
        String name = "Nairobi Migrant Forum " + UUID.randomUUID();
        String username = "forum-" + UUID.randomUUID().toString().substring(0, 8);

        mvc.perform(register(name, username))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is registered")))
                .andExpect(content().string(not(containsString(PASSWORD))));

        assertThat(jdbc.sql("""
                select o.stakeholder_type || '/' || o.country_iso3 || '/' || o.contact_name || '/' || o.contact_email
                       || '/' || o.verified || '/' || (o.rejected_at is null)
                  from organisation o where o.name = ?""").param(name).query(String.class).single())
                .isEqualTo("MIGRANT_DIASPORA/KEN/Amina Otieno/amina@example.org/false/true");
        CurrentUser contact = new UserAccountRepository(jdbc).findByUsername(username).orElseThrow();
        assertThat(contact.role().name()).isEqualTo("STAKEHOLDER");
        assertThat(contact.countryIso3()).isEqualTo("KEN");
        assertThat(contact.email()).isEqualTo("amina@example.org");
        String hash = jdbc.sql("select password_hash from app_user where username = ?").param(username)
                .query(String.class).single();
        assertThat(hash).doesNotContain(PASSWORD).startsWith("$2");
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ORGANISATION_REGISTERED' and actor = ?")
                .param(username).query(Integer.class).single()).isOne();
    }

    @Test
    void aRefusedRegistrationSaysWhyPerFieldAndStoresNothing() throws Exception {
        int organisations = count("organisation");
        int accounts = count("app_user");
        String taken = users.stakeholder("KEN", "Existing Forum " + UUID.randomUUID()).username();

        mvc.perform(post("/organisations/register").with(csrf()).with(from(address))
                        .param("name", "X").param("stakeholderType", "PIRATES").param("country", "ZZZ")
                        .param("contactName", "").param("contactEmail", "not an address")
                        .param("username", "a b").param("password", "short").param("passwordRepeated", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"name-error\"")))
                .andExpect(content().string(containsString("id=\"stakeholderType-error\"")))
                .andExpect(content().string(containsString("id=\"country-error\"")))
                .andExpect(content().string(containsString("id=\"contactName-error\"")))
                .andExpect(content().string(containsString("id=\"contactEmail-error\"")))
                .andExpect(content().string(containsString("id=\"username-error\"")))
                .andExpect(content().string(containsString("at least 12 characters")))
                .andExpect(content().string(containsString("href=\"#stakeholderType\"")))
                // the names' messages name the maximum, whichever bound was missed
                .andExpect(content().string(containsString("(2 to 200 characters)")))
                .andExpect(content().string(containsString("(at most 200 characters)")));
        mvc.perform(register("N".repeat(201), "someone-" + UUID.randomUUID().toString().substring(0, 8)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("(2 to 200 characters)")));
        // a taken user name is answered like a registration: the form tells nobody which accounts exist
        String unknownName = "Another Forum " + UUID.randomUUID();
        String freeUsername = "someone-" + UUID.randomUUID().toString().substring(0, 8);
        String registeredPage = mvc.perform(register(unknownName, freeUsername))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String takenName = "Another Forum " + UUID.randomUUID();
        String takenPage = mvc.perform(register(takenName, taken))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(PASSWORD))))
                .andReturn().getResponse().getContentAsString();
        assertThat(takenPage.replace(takenName, "NAME").replace(taken, "USER"))
                .isEqualTo(registeredPage.replace(unknownName, "NAME").replace(freeUsername, "USER"));
        // so are the audit log's own actor names
        mvc.perform(register("Another Forum " + UUID.randomUUID(), "System")).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from app_user where lower(username) = 'system'").query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from organisation where name = ?").param(takenName).query(Integer.class)
                .single()).isZero();
        mvc.perform(register("Another Forum " + UUID.randomUUID(), "someone-" + UUID.randomUUID().toString().substring(0, 8),
                        Map.of("passwordRepeated", "a different password")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("not the same")));
        String existing = jdbc.sql("select name from organisation where country_iso3 = 'KEN' limit 1")
                .query(String.class).single();
        mvc.perform(register(existing.toUpperCase(), "someone-" + UUID.randomUUID().toString().substring(0, 8)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("already registered in this country")));

        // the test user's own organisation and the one registered for comparison
        assertThat(count("organisation")).isEqualTo(organisations + 2);
        assertThat(count("app_user")).isEqualTo(accounts + 2);
    }

    @Test
    void markupInARegistrationIsShownAsTextToTheCoordinator() throws Exception {
        String payload = "<script>alert('org')</script><img src=x onerror=alert(2)> Forum " + UUID.randomUUID();
        mvc.perform(register(payload, "xss-" + UUID.randomUUID().toString().substring(0, 8),
                        Map.of("contactName", "<b onmouseover=alert(3)>Eve</b>")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert('org')"))));

        mvc.perform(get("/organisations").with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;org&#39;)&lt;/script&gt;")))
                .andExpect(content().string(containsString("&lt;b onmouseover=alert(3)&gt;Eve&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(not(containsString("<b onmouseover"))));
        // the registration page shown again after an error echoes what was typed, escaped
        mvc.perform(post("/organisations/register").with(csrf()).with(from(address)).param("name", payload)
                        .param("contactName", "<script>alert(4)</script>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&lt;script&gt;alert(4)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))));
    }

    @Test
    void theCoordinatorVerifiesPendingOrganisationsOfTheCountryOnly() throws Exception {
        String name = "Mombasa Diaspora Network " + UUID.randomUUID();
        String username = "mombasa-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(register(name, username)).andExpect(status().isOk());
        long id = organisationId(name);
        CurrentUser ghana = users.coordinator("GHA");
        CurrentUser contact = new UserAccountRepository(jdbc).findByUsername(username).orElseThrow();

        mvc.perform(get("/organisations").with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("/organisations/" + id + "/verify")));
        mvc.perform(get("/organisations").with(as(ghana)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(name))));
        mvc.perform(get("/organisations").with(as(contact))).andExpect(status().isForbidden());
        mvc.perform(get("/organisations")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/organisations/" + id + "/verify").with(as(ghana)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organisations/" + id + "/verify").with(as(contact)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organisations/" + id + "/verify").with(as(users.ministry("KEN", "INTERIOR"))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(decision(id)).isEqualTo("pending");

        mvc.perform(post("/organisations/" + id + "/verify").with(as(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/organisations"));

        assertThat(decision(id)).isEqualTo("verified by " + coordinator.id());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ORGANISATION_VERIFIED' and subject_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single()).isOne();
    }

    @Test
    void aRejectionNeedsAReasonThatTheContactSees() throws Exception {
        String name = "Doubtful Forum " + UUID.randomUUID();
        String username = "doubtful-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(register(name, username)).andExpect(status().isOk());
        long id = organisationId(name);

        mvc.perform(post("/organisations/" + id + "/reject").with(as(coordinator)).with(csrf()).param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"reason-" + id + "-error\"")));
        assertThat(decision(id)).isEqualTo("pending");

        mvc.perform(post("/organisations/" + id + "/reject").with(as(coordinator)).with(csrf())
                        .param("reason", "We could not confirm that this organisation exists."))
                .andExpect(redirectedUrl("/organisations"));

        assertThat(decision(id)).isEqualTo("rejected: We could not confirm that this organisation exists.");
        mvc.perform(get("/organisations").with(as(coordinator)))
                .andExpect(content().string(containsString("We could not confirm that this organisation exists.")));
        // the coordinator may reconsider
        mvc.perform(post("/organisations/" + id + "/verify").with(as(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/organisations"));
        assertThat(decision(id)).isEqualTo("verified by " + coordinator.id());
    }

    /** Refused attempts count too: the form is no free oracle. */
    @Test
    void registrationAttemptsFromOneAddressAreLimitedEvenWhenRefused() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(register("X", "attempt-" + i)).andExpect(status().isBadRequest());
        }
        mvc.perform(register("Attempt Forum " + UUID.randomUUID(), "attempt-" + UUID.randomUUID().toString().substring(0, 8)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many registrations")));
    }

    @Test
    void registrationsFromOneAddressAreLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(register("Burst Forum " + UUID.randomUUID(), "burst-" + UUID.randomUUID().toString().substring(0, 8)))
                    .andExpect(status().isOk());
        }
        String name = "Burst Forum " + UUID.randomUUID();
        mvc.perform(register(name, "burst-" + UUID.randomUUID().toString().substring(0, 8)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("Too many registrations")));
        assertThat(jdbc.sql("select count(*) from organisation where name = ?").param(name).query(Integer.class)
                .single()).isZero();
    }

    private MockHttpServletRequestBuilder register(String name, String username) {
        return register(name, username, Map.of());
    }

    /** The registration form filled in correctly, except for the fields given in {@code instead}. */
    private MockHttpServletRequestBuilder register(String name, String username, Map<String, String> instead) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("stakeholderType", "MIGRANT_DIASPORA");
        fields.put("country", "KEN");
        fields.put("contactName", "Amina Otieno");
        fields.put("contactEmail", "amina@example.org");
        fields.put("username", username);
        fields.put("password", PASSWORD);
        fields.put("passwordRepeated", PASSWORD);
        fields.putAll(instead);
        MockHttpServletRequestBuilder request = post("/organisations/register").with(csrf()).with(from(address));
        fields.forEach(request::param);
        return request;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long organisationId(String name) {
        return jdbc.sql("select id from organisation where name = ?").param(name).query(Long.class).single();
    }

    private String decision(long id) {
        return jdbc.sql("""
                select case when verified then 'verified by ' || verified_by
                            when rejected_at is not null then 'rejected: ' || rejection_reason
                            else 'pending' end
                  from organisation where id = ?""").param(id).query(String.class).single();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
