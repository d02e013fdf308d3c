package org.gcmreview.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Camunda's identity service answers from app_user: the same people, groups and countries the application
 * knows. Uses the demo users (Kenya) and a country of its own (an ISO user-assigned code, never a real country)
 * where it needs exact answers.
 */
@ApplicationTest
class CamundaIdentityProviderTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repositoryService;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    UserAccountRepository accounts;
    @Autowired
    TestUsers users;

    String country;
    CurrentUser coordinatorA;
    CurrentUser coordinatorB;
    CurrentUser ministry;
    CurrentUser stakeholder;
    CurrentUser disabledCoordinator;

    @BeforeEach
    void createCountryWithUsers() {
        country = unusedCountryCode();
        coordinatorA = users.coordinator(country);
        coordinatorB = users.coordinator(country);
        ministry = users.ministry(country, "HEALTH");
        stakeholder = users.stakeholder(country, "Forum " + country);
        disabledCoordinator = users.coordinator(country);
        jdbc.sql("update app_user set enabled = false where id = ?").param(disabledCoordinator.id()).update();
    }

    /** The test country must not outlive the test: other tests check the real list of member states. */
    @AfterEach
    void removeCountryWithUsers() {
        jdbc.sql("delete from app_user where country_iso3 = ?").param(country).update();
        jdbc.sql("delete from organisation where country_iso3 = ?").param(country).update();
        jdbc.sql("delete from ministry where country_iso3 = ?").param(country).update();
        jdbc.sql("delete from country where iso3 = ?").param(country).update();
    }

    @Test
    void membersOfACoordinatorGroupAreThatCountrysEnabledCoordinators() {
        assertThat(ids(identityService.createUserQuery().memberOfGroup("coordinator-KEN").list()))
                .contains("coordinator.ken")
                .doesNotContain("coordinator.gha", "interior.ken", "stakeholder.ken", "admin");

        String group = CandidateGroups.coordinator(country);
        assertThat(ids(identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()))
                .containsExactlyElementsOf(sorted(coordinatorA.username(), coordinatorB.username()));
        assertThat(identityService.createUserQuery().memberOfGroup(group).count()).isEqualTo(2);
    }

    @Test
    void userQueriesPageCountAndOrder() {
        String group = CandidateGroups.coordinator(country);
        List<String> both = sorted(coordinatorA.username(), coordinatorB.username());
        assertThat(ids(identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().listPage(0, 1)))
                .containsExactly(both.get(0));
        assertThat(ids(identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().listPage(1, 1)))
                .containsExactly(both.get(1));
        assertThat(ids(identityService.createUserQuery().memberOfGroup(group).orderByUserId().desc().list()))
                .containsExactly(both.get(1), both.get(0));
        assertThat(ids(identityService.createUserQuery()
                .userIdIn(coordinatorA.username(), ministry.username(), disabledCoordinator.username()).list()))
                .containsExactlyInAnyOrder(coordinatorA.username(), ministry.username());
        assertThat(identityService.createUserQuery().userEmail(ministry.email()).singleResult().getId())
                .isEqualTo(ministry.username());
        assertThat(ids(identityService.createUserQuery().userEmailLike("%" + ministry.username() + "@%").list()))
                .containsExactly(ministry.username());
        assertThat(identityService.createUserQuery().memberOfGroup("no-such-group").count()).isZero();
    }

    @Test
    void aUserHasFirstAndLastNameFromTheDisplayNameAndTheirEmail() {
        User user = identityService.createUserQuery().userId("coordinator.ken").singleResult();
        assertThat(user.getFirstName()).isEqualTo("Amina");
        assertThat(user.getLastName()).isEqualTo("Odhiambo");
        assertThat(user.getEmail()).isEqualTo("coordinator.ken@demo.gcm-review.invalid");
        assertThat(ids(identityService.createUserQuery().userFirstName("Amina").userLastNameLike("Odhi%").list()))
                .containsExactly("coordinator.ken");
        assertThat(user.getPassword()).isNull();
    }

    @Test
    void aMinistryUserIsInTheirMinistrysGroupWithAReadableName() {
        List<Group> groups = identityService.createGroupQuery().groupMember("interior.ken").list();
        assertThat(groups).extracting(Group::getId).containsExactly("ministry-KEN-INTERIOR");
        assertThat(groups.get(0).getName()).isEqualTo("Ministry of Interior and National Administration, Kenya");
        assertThat(groups.get(0).getType()).isEqualTo("WORKFLOW");

        Group coordinators = identityService.createGroupQuery().groupId("coordinator-KEN").singleResult();
        assertThat(coordinators.getName()).isEqualTo("Coordinator, Kenya");
        assertThat(ids(identityService.createGroupQuery().groupMember("admin").list()))
                .containsExactly("admin", "camunda-admin");
        assertThat(ids(identityService.createGroupQuery().groupMember("secretariat.eca").list()))
                .containsExactly("regional-secretariat-ECA");
    }

    /** The directory and CurrentUser.candidateGroups() must agree, or tasks would reach the wrong inbox. */
    @Test
    void everyDemoUsersGroupsAreTheirCandidateGroupsAndTheGroupsListThem() {
        for (String username : List.of("coordinator.ken", "interior.ken", "labour.ken", "foreign.ken",
                "stakeholder.ken", "coordinator.gha", "interior.gha", "secretariat.eca", "secretariat.escap",
                "secretariat.imrf", "admin")) {
            CurrentUser user = accounts.findByUsername(username).orElseThrow();
            assertThat(ids(identityService.createGroupQuery().groupMember(username).list()))
                    .as(username).containsExactlyInAnyOrderElementsOf(user.candidateGroups());
            for (String group : user.candidateGroups()) {
                assertThat(ids(identityService.createUserQuery().memberOfGroup(group).list()))
                        .as(group).contains(username);
            }
        }
    }

    @Test
    void groupQueriesFilterPageAndCount() {
        assertThat(ids(identityService.createGroupQuery().groupType("SYSTEM").list()))
                .containsExactly("admin", "camunda-admin");
        assertThat(ids(identityService.createGroupQuery().groupNameLike("Coordinator, Ken%").list()))
                .containsExactly("coordinator-KEN");
        assertThat(ids(identityService.createGroupQuery().memberOfTenant(country).orderByGroupId().asc().list()))
                .containsExactly("coordinator-" + country, "government-" + country,
                        "ministry-" + country + "-HEALTH", "stakeholder-" + country);
        assertThat(identityService.createGroupQuery().memberOfTenant(country).count()).isEqualTo(4);
        assertThat(ids(identityService.createGroupQuery().memberOfTenant(country).orderByGroupId().desc()
                .listPage(1, 2))).containsExactly("ministry-" + country + "-HEALTH", "government-" + country);
        assertThat(ids(identityService.createGroupQuery().groupIdIn("imrf-secretariat", "regional-secretariat-ECA",
                "nonsense").list())).containsExactlyInAnyOrder("imrf-secretariat", "regional-secretariat-ECA");
        assertThat(identityService.createGroupQuery().groupId("imrf-secretariat").singleResult().getName())
                .isEqualTo("IMRF secretariat");
    }

    @Test
    void aCountrysUsersAndGroupsAreMembersOfItsTenant() {
        assertThat(ids(identityService.createTenantQuery().userMember("interior.ken").list())).containsExactly("KEN");
        assertThat(ids(identityService.createTenantQuery().userMember("interior.ken").includingGroupsOfUser(true)
                .list())).containsExactly("KEN");
        assertThat(identityService.createTenantQuery().tenantId("KEN").singleResult().getName()).isEqualTo("Kenya");
        assertThat(ids(identityService.createTenantQuery().groupMember("ministry-KEN-INTERIOR").list()))
                .containsExactly("KEN");
        assertThat(identityService.createTenantQuery().userMember("secretariat.eca").count()).isZero();
        assertThat(identityService.createTenantQuery().groupMember("imrf-secretariat").count()).isZero();
        assertThat(identityService.createTenantQuery().userMember(disabledCoordinator.username()).count()).isZero();

        assertThat(ids(identityService.createUserQuery().memberOfTenant(country).list()))
                .containsExactlyInAnyOrder(coordinatorA.username(), coordinatorB.username(), ministry.username(),
                        stakeholder.username());
        assertThat(ids(identityService.createTenantQuery().tenantIdIn("KEN", "GHA").orderByTenantId().asc()
                .list())).containsExactly("GHA", "KEN");
    }

    @Test
    void aDisabledUserIsNotFound() {
        assertThat(identityService.createUserQuery().userId(disabledCoordinator.username()).singleResult()).isNull();
        assertThat(identityService.createGroupQuery().groupMember(disabledCoordinator.username()).count()).isZero();
        assertThat(identityService.createUserQuery().memberOfGroup(CandidateGroups.coordinator(country)).list())
                .extracting(User::getId).doesNotContain(disabledCoordinator.username());
    }

    @Test
    void onlyAnEnabledAdministratorWithTheRightPasswordPassesThePasswordCheck() {
        CurrentUser admin = users.admin();
        CurrentUser disabledAdmin = users.admin();
        String hash = passwordEncoder.encode("Correct horse 42");
        for (CurrentUser user : List.of(admin, disabledAdmin, coordinatorA)) {
            users.withPasswordHash(user, hash);
        }
        jdbc.sql("update app_user set enabled = false where id = ?").param(disabledAdmin.id()).update();

        assertThat(identityService.checkPassword(admin.username(), "Correct horse 42")).isTrue();
        assertThat(identityService.checkPassword(admin.username(), "correct horse 42")).isFalse();
        assertThat(identityService.checkPassword(disabledAdmin.username(), "Correct horse 42")).isFalse();
        // a coordinator is not a Camunda administrator, whatever the password
        assertThat(identityService.checkPassword(coordinatorA.username(), "Correct horse 42")).isFalse();
        assertThat(identityService.checkPassword("nobody-" + country, "Correct horse 42")).isFalse();
        assertThat(identityService.checkPassword("admin", "demo")).isTrue();
        jdbc.sql("delete from app_user where id in (?, ?)").params(admin.id(), disabledAdmin.id()).update();
    }

    @Test
    void potentialStartersAreTheCandidateStarterUsersAndTheMembersOfTheCandidateStarterGroups() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("identity-test-starters").camundaHistoryTimeToLive(1)
                .startEvent().endEvent().done();
        Process process = model.getModelElementById("identity-test-starters");
        process.setCamundaCandidateStarterGroups("coordinator-KEN");
        process.setCamundaCandidateStarterUsers("secretariat.imrf");
        String deploymentId = repositoryService.createDeployment().addModelInstance("starters.bpmn", model)
                .deploy().getId();
        try {
            String definitionId = repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
                    .singleResult().getId();
            assertThat(ids(identityService.createUserQuery().potentialStarter(definitionId).list()))
                    .contains("coordinator.ken", "secretariat.imrf")
                    .doesNotContain("coordinator.gha", "interior.ken", "admin");
            assertThat(ids(identityService.createGroupQuery().potentialStarter(definitionId).list()))
                    .containsExactly("coordinator-KEN");
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void theIdentityServiceIsReadOnly() {
        assertThat(identityService.isReadOnly()).isTrue();
    }

    private String unusedCountryCode() {
        // QM..QZ are user-assigned in ISO 3166 and will never name a real country
        for (int attempt = 0; attempt < 100; attempt++) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String code = "Q" + (char) ('M' + random.nextInt(14)) + (char) ('A' + random.nextInt(26));
            boolean taken = jdbc.sql("select count(*) from country where iso3 = ?").param(code)
                    .query(Long.class).single() > 0;
            if (!taken) {
                return code;
            }
        }
        throw new IllegalStateException("no free test country code");
    }

    private static List<String> ids(List<?> entities) {
        return entities.stream().map(e -> {
            if (e instanceof User u) {
                return u.getId();
            }
            if (e instanceof Group g) {
                return g.getId();
            }
            return ((Tenant) e).getId();
        }).toList();
    }

    private static List<String> sorted(String... values) {
        return java.util.Arrays.stream(values).sorted().toList();
    }
}
