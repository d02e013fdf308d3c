package org.gcmreview.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.cycle.TestSmtp;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.identity.UserAccountRepository;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * From an empty database (no demo data) to a country at work, through the pages: the first administrator from
 * configuration, an administrator inviting a coordinator, the coordinator keeping the ministries and inviting a
 * focal point, every link caught as a real mail (GreenMail). The methods run in order and build on each other.
 */
@ApplicationTest(properties = {"gcm.demo.enabled=false", "gcm.bootstrap.admin-email=first.admin@example.org",
        "gcm.mail.enabled=true", "gcm.consultation.public-url=https://gcm.example.org"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class OnboardingTest {

    static final int SMTP_PORT = TestSmtp.freePort();
    static final Pattern LINK = Pattern.compile("https://gcm\\.example\\.org/password\\?token=([A-Za-z0-9_-]+)");
    static final String PASSWORD = "a long and good password";

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestSmtp.sendMailTo(registry, SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BootstrapAdministrator bootstrap;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    CycleFixture cycles;

    @Test
    @Order(1)
    void theFirstAdministratorComesFromConfigurationWithAMailedSingleUseLink() throws Exception {
        assertThat(jdbc.sql("select username from app_user where role = 'ADMIN'").query(String.class).list())
                .containsExactly("first.admin@example.org");
        String token = linkMailedTo("first.admin@example.org");
        // only the token's hash is stored
        assertThat(jdbc.sql("select count(*) from password_link where token_sha256 = ?").param(token)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from password_link where token_sha256 = ?")
                .param(PasswordLinks.sha256(token)).query(Integer.class).single()).isEqualTo(1);
        assertThat(audited("BOOTSTRAP_ADMIN_CREATED")).isEqualTo(1);
        // no password yet: nothing lets the account in
        mvc.perform(formLogin("/login").user("first.admin@example.org").password("")).andExpect(unauthenticated());

        setPassword(token);
        mvc.perform(formLogin("/login").user("first.admin@example.org").password(PASSWORD)).andExpect(authenticated());
        // the link worked once
        mvc.perform(get("/password").param("token", token)).andExpect(status().isNotFound());
        mvc.perform(post("/password").with(csrf()).param("token", token).param("password", "another long password")
                .param("passwordRepeated", "another long password")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("This link does not work")));
    }

    @Test
    @Order(2)
    void onceAnAdministratorExistsTheBootstrapDoesNothing(CapturedOutput output) throws Exception {
        int mails = smtp.getReceivedMessages().length;
        int logged = output.getAll().length();
        bootstrap.run(null);
        assertThat(jdbc.sql("select count(*) from app_user where role = 'ADMIN'").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
        assertThat(output.getAll().substring(logged)).doesNotContain("first administrator");
        assertThat(jdbc.sql("select count(*) from password_link").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aSetPasswordLinkNobodyWasGivenTellsNothing() throws Exception {
        String unknown = mvc.perform(get("/password").param("token", "not-a-token")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("This link does not work").doesNotContain("first.admin");
        mvc.perform(post("/password").with(csrf()).param("token", "not-a-token").param("password", PASSWORD)
                .param("passwordRepeated", PASSWORD)).andExpect(status().isNotFound());
    }

    @Test
    @Order(4)
    void anAdministratorInvitesCoordinatorsAndSecretariats() throws Exception {
        CurrentUser admin = accounts.findByUsername("first.admin@example.org").orElseThrow();
        invite(admin, "COORDINATOR", "KEN", "", "Amina Odhiambo", "amina@kenya.example");
        invite(admin, "COORDINATOR", "GHA", "", "Kwame Mensah", "kwame@ghana.example");
        invite(admin, "REGIONAL_SECRETARIAT", "", "ECA", "Lindiwe Dlamini", "lindiwe@eca.example");
        invite(admin, "IMRF_SECRETARIAT", "", "", "Sofia Martinez", "sofia@imrf.example");
        assertThat(accounts.findByUsername("lindiwe@eca.example").orElseThrow().commissionCode()).isEqualTo("ECA");
        // the same address twice: refused, nothing made
        mvc.perform(post("/admin/accounts").with(TestUsers.as(admin)).with(csrf()).param("role", "COORDINATOR")
                .param("country", "KEN").param("displayName", "Again").param("email", "amina@kenya.example"))
                .andExpect(status().isBadRequest());
        // a country that is not a member state
        mvc.perform(post("/admin/accounts").with(TestUsers.as(admin)).with(csrf()).param("role", "COORDINATOR")
                .param("country", "XXX").param("displayName", "Nobody").param("email", "nobody@example.org"))
                .andExpect(status().isBadRequest());
        assertThat(audited("ACCOUNT_INVITED")).isEqualTo(4);
        for (String who : List.of("amina@kenya.example", "kwame@ghana.example")) {
            setPassword(linkMailedTo(who));
            mvc.perform(formLogin("/login").user(who).password(PASSWORD)).andExpect(authenticated());
        }
    }

    @Test
    @Order(5)
    void theCoordinatorKeepsTheMinistriesAndInvitesAFocalPoint() throws Exception {
        CurrentUser kenya = accounts.findByUsername("amina@kenya.example").orElseThrow();
        CurrentUser ghana = accounts.findByUsername("kwame@ghana.example").orElseThrow();
        addMinistry(kenya, "INTERIOR", "Ministry of Interior", "en", "fr");
        addMinistry(kenya, "LABOUR", "Ministry of Labour", "en");
        addMinistry(ghana, "INTERIOR", "Ministry of the Interior (Ghana)", "en");
        long interior = ministry("KEN", "INTERIOR");
        assertThat(jdbc.sql("select languages from ministry where id = ?").param(interior).query(String.class).single())
                .isEqualTo("en,fr");
        mvc.perform(post("/country/focal-points").with(TestUsers.as(kenya)).with(csrf())
                        .param("displayName", "Peter Mwangi").param("email", "peter@interior.ke.example")
                        .param("ministry", String.valueOf(interior)))
                .andExpect(status().is3xxRedirection());
        String token = linkMailedTo("peter@interior.ke.example");
        setPassword(token);
        mvc.perform(formLogin("/login").user("peter@interior.ke.example").password(PASSWORD))
                .andExpect(authenticated());
        CurrentUser peter = accounts.findByUsername("peter@interior.ke.example").orElseThrow();
        assertThat(peter.ministryCode()).isEqualTo("INTERIOR");
        assertThat(peter.countryIso3()).isEqualTo("KEN");

        // the other country sees none of it
        String ghanaPage = mvc.perform(get("/country/focal-points").with(TestUsers.as(ghana)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ghanaPage).doesNotContain("Peter Mwangi").doesNotContain("Ministry of Interior<");
        String ghanaMinistries = mvc.perform(get("/country/ministries").with(TestUsers.as(ghana)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ghanaMinistries).contains("Ministry of the Interior (Ghana)").doesNotContain("Ministry of Labour");
        mvc.perform(post("/country/ministries/" + interior).with(TestUsers.as(ghana)).with(csrf())
                .param("name", "Taken over").param("languages", "en")).andExpect(status().isNotFound());
        mvc.perform(post("/country/focal-points/" + peter.id() + "/enabled").with(TestUsers.as(ghana)).with(csrf())
                .param("enabled", "false")).andExpect(status().isNotFound());
        // a Ghanaian ministry cannot be given to a Kenyan focal point
        mvc.perform(post("/country/focal-points/" + peter.id() + "/ministry").with(TestUsers.as(kenya)).with(csrf())
                .param("ministry", String.valueOf(ministry("GHA", "INTERIOR")))).andExpect(status().isBadRequest());
        // an address that is an account elsewhere gets the same answer as a new one, and nothing is made
        mvc.perform(post("/country/focal-points").with(TestUsers.as(ghana)).with(csrf())
                        .param("displayName", "Peter again").param("email", "peter@interior.ke.example")
                        .param("ministry", String.valueOf(ministry("GHA", "INTERIOR"))))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/country/focal-points"));
        assertThat(accounts.findByUsername("peter@interior.ke.example").orElseThrow().countryIso3()).isEqualTo("KEN");
    }

    @Test
    @Order(6)
    void aRenamedMinistryKeepsItsNameInPastCyclesAndARetiredOneTakesNoPartInNewOnes() throws Exception {
        CurrentUser kenya = accounts.findByUsername("amina@kenya.example").orElseThrow();
        CurrentUser peter = accounts.findByUsername("peter@interior.ke.example").orElseThrow();
        long cycleId = cycles.reachConsolidation(kenya, peter);
        long interior = peter.ministryId();

        mvc.perform(post("/country/ministries/" + interior).with(TestUsers.as(kenya)).with(csrf())
                .param("name", "Ministry of Interior and National Administration").param("languages", "en"))
                .andExpect(status().is3xxRedirection());
        String progress = mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(kenya))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(progress).contains("Ministry of Interior").doesNotContain("National Administration");
        assertThat(audited("MINISTRY_CHANGED")).isEqualTo(1);

        mvc.perform(post("/country/ministries/" + ministry("KEN", "LABOUR") + "/retired").with(TestUsers.as(kenya))
                .with(csrf()).param("retired", "true")).andExpect(status().is3xxRedirection());
        long next = cycles.start(kenya, CycleFixture.uniqueCode());
        String scoping = mvc.perform(get("/tasks/" + cycles.task(next, "ScopeReview").getId())
                .with(TestUsers.as(kenya))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(scoping).contains("Ministry of Interior and National Administration")
                .doesNotContain("Ministry of Labour");
        assertThat(audited("MINISTRY_RETIRED")).isEqualTo(1);
    }

    @Test
    @Order(7)
    void theCoordinatorMovesAndDisablesAFocalPoint() throws Exception {
        CurrentUser kenya = accounts.findByUsername("amina@kenya.example").orElseThrow();
        addMinistry(kenya, "FOREIGN", "Ministry of Foreign Affairs", "en", "ar");
        CurrentUser peter = accounts.findByUsername("peter@interior.ke.example").orElseThrow();
        mvc.perform(post("/country/focal-points/" + peter.id() + "/ministry").with(TestUsers.as(kenya)).with(csrf())
                .param("ministry", String.valueOf(ministry("KEN", "FOREIGN")))).andExpect(status().is3xxRedirection());
        assertThat(accounts.findByUsername("peter@interior.ke.example").orElseThrow().ministryCode())
                .isEqualTo("FOREIGN");
        mvc.perform(post("/country/focal-points/" + peter.id() + "/enabled").with(TestUsers.as(kenya)).with(csrf())
                .param("enabled", "false")).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").user("peter@interior.ke.example").password(PASSWORD))
                .andExpect(unauthenticated());
        assertThat(audited("FOCAL_POINT_MINISTRY_CHANGED")).isEqualTo(1);
        assertThat(audited("ACCOUNT_DISABLED")).isEqualTo(1);
    }

    private void invite(CurrentUser admin, String role, String country, String commission, String name, String email)
            throws Exception {
        mvc.perform(post("/admin/accounts").with(TestUsers.as(admin)).with(csrf()).param("role", role)
                        .param("country", country).param("commission", commission).param("displayName", name)
                        .param("email", email))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/accounts"));
    }

    private void addMinistry(CurrentUser coordinator, String code, String name, String... languages) throws Exception {
        var request = post("/country/ministries").with(TestUsers.as(coordinator)).with(csrf()).param("code", code)
                .param("name", name);
        for (String language : languages) {
            request.param("languages", language);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private long ministry(String iso3, String code) {
        return jdbc.sql("select id from ministry where country_iso3 = ? and code = ?").params(iso3, code)
                .query(Long.class).single();
    }

    private void setPassword(String token) throws Exception {
        mvc.perform(get("/password").param("token", token)).andExpect(status().isOk());
        mvc.perform(post("/password").with(csrf()).param("token", token).param("password", PASSWORD)
                .param("passwordRepeated", "not the same"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/password").with(csrf()).param("token", token).param("password", PASSWORD)
                .param("passwordRepeated", PASSWORD))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login?passwordSet"));
    }

    /** The token of the last set-password link mailed to this address. */
    private String linkMailedTo(String address) {
        String token = null;
        for (TestSmtp.Received mail : TestSmtp.mails(smtp)) {
            if (mail.to().contains(address)) {
                Matcher m = LINK.matcher(mail.body());
                assertThat(m.find()).as("a link in %s", mail.body()).isTrue();
                token = m.group(1);
            }
        }
        assertThat(token).as("a mail to %s", address).isNotNull();
        return token;
    }

    private int audited(String action) {
        return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Integer.class).single();
    }
}
