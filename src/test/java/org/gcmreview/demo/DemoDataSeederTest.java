package org.gcmreview.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.Map;

import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.identity.UserAccountRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The tests run on the embedded database, so the demo profile is on and the demo people can sign in. */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoDataSeederTest {

    /** username -> role and Camunda groups, as listed in notes/CONTEXT.md. */
    private static final Map<String, Expected> DEMO_USERS = Map.ofEntries(
            Map.entry("coordinator.ken", new Expected(Role.COORDINATOR, "KEN", List.of("coordinator-KEN"))),
            Map.entry("interior.ken", new Expected(Role.MINISTRY, "KEN", List.of("ministry-KEN-INTERIOR"))),
            Map.entry("labour.ken", new Expected(Role.MINISTRY, "KEN", List.of("ministry-KEN-LABOUR"))),
            Map.entry("foreign.ken", new Expected(Role.MINISTRY, "KEN", List.of("ministry-KEN-FOREIGN"))),
            Map.entry("stakeholder.ken", new Expected(Role.STAKEHOLDER, "KEN", List.of("stakeholder-KEN"))),
            Map.entry("coordinator.gha", new Expected(Role.COORDINATOR, "GHA", List.of("coordinator-GHA"))),
            Map.entry("interior.gha", new Expected(Role.MINISTRY, "GHA", List.of("ministry-GHA-INTERIOR"))),
            Map.entry("secretariat.eca",
                    new Expected(Role.REGIONAL_SECRETARIAT, null, List.of("regional-secretariat-ECA"))),
            Map.entry("secretariat.escap",
                    new Expected(Role.REGIONAL_SECRETARIAT, null, List.of("regional-secretariat-ESCAP"))),
            Map.entry("secretariat.imrf", new Expected(Role.IMRF_SECRETARIAT, null, List.of("imrf-secretariat"))),
            Map.entry("admin", new Expected(Role.ADMIN, null, List.of("admin", "camunda-admin"))));

    record Expected(Role role, String countryIso3, List<String> groups) {
    }

    @Autowired
    Environment environment;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoDataSeeder seeder;

    @Test
    void theDemoProfileIsOnForTheEmbeddedDatabase() {
        assertThat(environment.getActiveProfiles()).contains("demo");
    }

    @Test
    void everyDemoUserExistsWithTheirRoleAndGroups() {
        assertThat(DemoData.usernames()).containsExactlyInAnyOrderElementsOf(DEMO_USERS.keySet());
        DEMO_USERS.forEach((username, expected) -> {
            CurrentUser user = accounts.findByUsername(username).orElseThrow();
            assertThat(user.role()).as(username).isEqualTo(expected.role());
            assertThat(user.countryIso3()).as(username).isEqualTo(expected.countryIso3());
            assertThat(user.candidateGroups()).as(username).containsExactlyElementsOf(expected.groups());
        });
        assertThat(accounts.findByUsername("secretariat.escap").orElseThrow().commissionCode()).isEqualTo("ESCAP");
        assertThat(jdbc.sql("select commission_code from country where iso3 in ('KEN', 'GHA')")
                .query(String.class).list()).containsExactly("ECA", "ECA");
    }

    @Test
    void theKenyanStakeholderWorksForAVerifiedMigrantAndDiasporaOrganisation() {
        CurrentUser stakeholder = accounts.findByUsername("stakeholder.ken").orElseThrow();
        Map<String, Object> organisation = jdbc.sql("""
                select o.name, o.country_iso3, o.stakeholder_type, o.verified, v.username as verified_by
                  from organisation o left join app_user v on v.id = o.verified_by where o.id = ?""")
                .param(stakeholder.organisationId()).query().singleRow();
        assertThat(organisation).containsEntry("name", "Kenya Migrant and Diaspora Forum")
                .containsEntry("country_iso3", "KEN")
                .containsEntry("stakeholder_type", "MIGRANT_DIASPORA")
                .containsEntry("verified", true)
                .containsEntry("verified_by", "coordinator.ken");
    }

    @Test
    void theDemoCoordinatorSignsInWithTheDemoPassword() throws Exception {
        mvc.perform(formLogin("/login").user("coordinator.ken").password("demo"))
                .andExpect(authenticated().withUsername("coordinator.ken").withRoles("COORDINATOR"))
                .andExpect(redirectedUrl("/tasks"));
        mvc.perform(formLogin("/login").user("coordinator.ken").password("Demo"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void everyDemoUserCanSignIn() throws Exception {
        for (String username : DEMO_USERS.keySet()) {
            mvc.perform(formLogin("/login").user(username).password("demo"))
                    .andExpect(authenticated().withUsername(username));
        }
        List<String> hashes = jdbc.sql("select password_hash from app_user where username = any(?)")
                .param(DEMO_USERS.keySet().toArray(String[]::new)).query(String.class).list();
        assertThat(hashes).hasSize(DEMO_USERS.size()).allMatch(hash -> hash.startsWith("$2"));
    }

    @Test
    void seedingAgainChangesNothing(CapturedOutput output) {
        String before = snapshot();
        seeder.run(new DefaultApplicationArguments());
        assertThat(snapshot()).isEqualTo(before);
        assertThat(output.getAll()).contains("Demo data active").contains("coordinator.ken");
    }

    /** Every row the seeder touches, and how many rows each of those tables has. */
    private String snapshot() {
        return jdbc.sql("""
                select (select jsonb_agg(to_jsonb(u) order by u.id) from app_user u)::text
                    || (select jsonb_agg(to_jsonb(m) order by m.id) from ministry m)::text
                    || (select jsonb_agg(to_jsonb(o) order by o.id) from organisation o)::text
                    || (select jsonb_agg(to_jsonb(c) order by c.iso3) from country c)::text
                    || (select jsonb_agg(to_jsonb(r) order by r.code) from regional_commission r)::text
                    || (select jsonb_agg(to_jsonb(s) order by s.code) from stakeholder_type s)::text""")
                .query(String.class).single();
    }
}
