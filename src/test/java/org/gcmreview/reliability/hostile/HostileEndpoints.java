package org.gcmreview.reliability.hostile;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.gcmreview.consultation.ConsultationScenario;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.notices.NoticesTestData;

/**
 * Every state-changing endpoint of the application (HostileEndpointsTest fails when a controller declares one
 * that is not here) with a valid post to a fresh subject, the fields people type into, ids nobody was given and
 * the page that shows what was stored. The task forms behind POST /tasks/{taskId} have their own table
 * (HostileTaskFormsTest), one case per form key.
 */
final class HostileEndpoints {

    /** Ids that name nothing: a number no row has, and text that is no number at all. */
    static final String UNKNOWN = "999999999";
    static final String NONSENSE = "1' or '1'='1";

    private HostileEndpoints() {
    }

    static List<HostileEndpoint> entries() {
        List<HostileEndpoint> all = new java.util.ArrayList<>(earlier());
        all.addAll(DraftingEndpoints.entries());
        all.addAll(AccountEndpoints.entries());
        return all;
    }

    private static List<HostileEndpoint> earlier() {
        return List.of(
                // ------------------------------------------------------------------ web
                HostileEndpoint.of("POST", "/language", f -> FormPost.of("/language", null)
                                .field("lang", "fr").field("return", "/cycles"))
                        // only the sender's own language: no token, so the switch on public pages needs no session
                        .text("lang", "return").replayable().noCsrfTokenNeeded().build(),

                // ------------------------------------------------------------------ cycles
                HostileEndpoint.of("POST", "/cycles", f -> {
                            String code = CycleFixture.uniqueCode();
                            return FormPost.of("/cycles", f.coordinator()).field("code", code)
                                    .field("title", "Review " + code).field("language", "en");
                        })
                        .text("title").shownOn((p, f) -> "/cycles").replayable().build(),
                // issue 14.5: withdrawing a running cycle (its reason shows on the cycle's page) and reopening it
                HostileEndpoint.of("POST", "/cycles/{id}/withdraw", f -> FormPost.of(
                                "/cycles/" + f.cycles.start(f.coordinator(), CycleFixture.uniqueCode()) + "/withdraw",
                                f.coordinator()).field("reason", "Elections were called."))
                        .text("reason").shownOn((p, f) -> p.path().replace("/withdraw", ""))
                        .forged(p -> cycleIds(p.path(), "/withdraw")).replayable().build(),
                HostileEndpoint.of("POST", "/admin/withdrawn-cycles/{cycleId}/reopen", f -> FormPost.of(
                                "/admin/withdrawn-cycles/" + withdrawnCycle(f) + "/reopen", f.admin())
                                .field("reason", "Withdrawn by mistake."))
                        .text("reason")
                        .forged(p -> List.of("/admin/withdrawn-cycles/" + UNKNOWN + "/reopen",
                                "/admin/withdrawn-cycles/" + NONSENSE + "/reopen"))
                        .replayable().build(),

                // ------------------------------------------------------------------ tasks (claiming; the forms: HostileTaskFormsTest)
                HostileEndpoint.of("POST", "/tasks/{taskId}", f -> FormPost.of("/tasks/" + scopeTask(f), f.coordinator())
                                .field("action", "complete"))
                        .forged(p -> List.of("/tasks/" + UUID.randomUUID(), "/tasks/" + NONSENSE)).build(),
                HostileEndpoint.of("POST", "/tasks/{taskId}/claim",
                                f -> FormPost.of("/tasks/" + scopeTask(f) + "/claim", f.coordinator()))
                        .forged(p -> List.of("/tasks/" + UUID.randomUUID() + "/claim", "/tasks/" + NONSENSE + "/claim"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/tasks/{taskId}/release", f -> {
                            String task = scopeTask(f);
                            f.mvc.perform(FormPost.of("/tasks/" + task + "/claim", f.coordinator()).valid())
                                    .andExpect(status().is3xxRedirection());
                            return FormPost.of("/tasks/" + task + "/release", f.coordinator());
                        })
                        .forged(p -> List.of("/tasks/" + UUID.randomUUID() + "/release",
                                "/tasks/" + NONSENSE + "/release"))
                        .replayable().build(),

                // ------------------------------------------------------------------ attachments
                HostileEndpoint.of("POST", "/attachments/{publicId}/delete",
                                f -> FormPost.of("/attachments/" + f.attachment() + "/delete", f.coordinator())
                                        .field("returnTo", "/tasks"))
                        .text("returnTo")
                        .forged(p -> List.of("/attachments/" + UUID.randomUUID() + "/delete",
                                "/attachments/" + NONSENSE + "/delete"))
                        .replayable().build(),

                // ------------------------------------------------------------------ consultation: the public side
                HostileEndpoint.of("POST", "/consultations/{businessKey}/inputs", f -> {
                            ConsultationScenario s = f.consultation();
                            return FormPost.of("/consultations/" + s.cycle.businessKey() + "/inputs", s.stakeholder())
                                    .field("idempotencyKey", UUID.randomUUID().toString()).field("target", "objective:1")
                                    .field("language", "en").field("body", "An input on objective one, long enough.");
                        })
                        .text("body").shownOn(HostileEndpoints::moderationQueue)
                        .forged(p -> List.of("/consultations/KEN-NOSUCHCYCLE/inputs",
                                "/consultations/" + NONSENSE + "/inputs"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/consultations/{businessKey}/individual-inputs", f -> {
                            ConsultationScenario s = f.consultation();
                            return individualInput(s);
                        })
                        .text("body", "authorName").shownOn(HostileEndpoints::moderationQueue)
                        .forged(p -> List.of("/consultations/KEN-NOSUCHCYCLE/individual-inputs"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/consultations/confirm", f -> {
                            ConsultationScenario s = f.consultation();
                            f.mvc.perform(individualInput(s).valid()).andExpect(status().is3xxRedirection());
                            String token = randomToken();
                            f.jdbc.sql("""
                                    update consultation_input set confirmation_token_sha256 = ?
                                     where window_id = (select id from consultation_window where cycle_id = ?)""")
                                    .params(sha256(token), s.cycle.id()).update();
                            return FormPost.of("/consultations/confirm", null).field("token", token);
                        })
                        .text("token").replayable().build(),

                // ------------------------------------------------------------------ consultation: steering and moderation
                HostileEndpoint.of("POST", "/cycles/{id}/consultation/settings", f -> {
                            ConsultationScenario s = f.consultation();
                            return FormPost.of("/cycles/" + s.cycle.id() + "/consultation/settings", s.coordinator)
                                    .field("targets", "objective:1").field("allowIndividuals", "true");
                        })
                        .text("targets").forged(p -> cycleIds(p.path(), "/consultation/settings"))
                        .replayable().reauditedWhenReplayed().build(),
                HostileEndpoint.of("POST", "/cycles/{id}/consultation/open", f -> {
                            ConsultationScenario s = f.consultation();
                            return FormPost.of("/cycles/" + s.cycle.id() + "/consultation/open", s.coordinator)
                                    .field("confirm", "true");
                        })
                        .forged(p -> cycleIds(p.path(), "/consultation/open")).replayable().build(),
                HostileEndpoint.of("POST", "/cycles/{id}/consultation/close", f -> {
                            ConsultationScenario s = f.consultation();
                            return FormPost.of("/cycles/" + s.cycle.id() + "/consultation/close", s.coordinator);
                        })
                        .forged(p -> cycleIds(p.path(), "/consultation/close")).replayable().build(),
                HostileEndpoint.of("POST", "/cycles/{id}/consultation/extend", f -> {
                            ConsultationScenario s = f.consultation();
                            return FormPost.of("/cycles/" + s.cycle.id() + "/consultation/extend", s.coordinator)
                                    .field("closesOn", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString())
                                    .field("reason", "More time for the diaspora organisations.");
                        })
                        .text("reason").shownOn((p, f) -> p.path().replace("/extend", ""))
                        .forged(p -> cycleIds(p.path(), "/consultation/extend")).replayable().build(),
                moderation("publish"),
                HostileEndpoint.of("POST", "/cycles/{id}/consultation/inputs/{inputId}/hide", f -> {
                            ConsultationScenario s = f.consultation();
                            long input = f.input(s);
                            return FormPost.of(inputPath(s, input) + "/hide", s.coordinator)
                                    .field("reason", "Off topic for this review.");
                        })
                        .text("reason").shownOn((p, f) -> p.path().replace("/hide", ""))
                        .forged(p -> inputIds(p.path(), "/hide")).replayable().build(),
                HostileEndpoint.of("POST", "/cycles/{id}/consultation/inputs/{inputId}/duplicate", f -> {
                            ConsultationScenario s = f.consultation();
                            long first = f.input(s);
                            long second = f.input(s);
                            return FormPost.of(inputPath(s, second) + "/duplicate", s.coordinator)
                                    .field("of", reference(f, first));
                        })
                        .text("of").forged(p -> inputIds(p.path(), "/duplicate")).replayable().build(),
                HostileEndpoint.of("POST", "/cycles/{id}/consultation/inputs/{inputId}/ungroup", f -> {
                            ConsultationScenario s = f.consultation();
                            long first = f.input(s);
                            long second = f.input(s);
                            f.mvc.perform(FormPost.of(inputPath(s, second) + "/duplicate", s.coordinator)
                                    .field("of", reference(f, first)).valid()).andExpect(status().is3xxRedirection());
                            return FormPost.of(inputPath(s, second) + "/ungroup", s.coordinator);
                        })
                        .forged(p -> inputIds(p.path(), "/ungroup")).replayable().build(),

                // issue 18.3: a translation of a published report's endorsed version
                HostileEndpoint.of("POST", "/cycles/{id}/translations", f -> FormPost.of(
                                "/cycles/" + translatable(f) + "/translations", f.coordinator())
                                .field("language", "ru").field("title", "Доклад").field("body-0", "Как готовился доклад."))
                        // no .text(...): the texts are stored inside the translation's JSON (escaped as JSON), which the
                        // "stored verbatim in a text column" check cannot find; TranslationTest shows them escaped
                        .forged(p -> cycleIds(p.path(), "/translations")).replayable().build(),

                // ------------------------------------------------------------------ organisations
                HostileEndpoint.of("POST", "/organisations/register", f -> {
                            String unique = UUID.randomUUID().toString().substring(0, 8);
                            return FormPost.of("/organisations/register", null).field("name", "Diaspora forum " + unique)
                                    .field("stakeholderType", "MIGRANT_DIASPORA").field("country", "KEN")
                                    .field("contactName", "Amina Otieno").field("contactEmail", "amina@example.org")
                                    .field("username", "forum-" + unique).field("password", "a long enough password")
                                    .field("passwordRepeated", "a long enough password");
                        })
                        // every attempt counts against the address's limit, so the form is no free oracle (issue 13)
                        .text("name", "contactName").shownOn((p, f) -> "/organisations").replayable()
                        .countsEveryAttempt().build(),
                HostileEndpoint.of("POST", "/organisations/{id}/verify",
                                f -> FormPost.of("/organisations/" + f.pendingOrganisation() + "/verify", f.coordinator()))
                        .forged(p -> List.of("/organisations/" + UNKNOWN + "/verify",
                                "/organisations/" + NONSENSE + "/verify"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/organisations/{id}/reject",
                                f -> FormPost.of("/organisations/" + f.pendingOrganisation() + "/reject", f.coordinator())
                                        .field("reason", "We could not confirm that it exists."))
                        .text("reason")
                        .forged(p -> List.of("/organisations/" + UNKNOWN + "/reject",
                                "/organisations/" + NONSENSE + "/reject"))
                        .replayable().build(),

                // ------------------------------------------------------------------ secretariats: API tokens
                HostileEndpoint.of("POST", "/secretariat/tokens",
                                f -> FormPost.of("/secretariat/tokens", f.eca()).field("name", "dashboard"))
                        .text("name").shownOn((p, f) -> "/secretariat/tokens").build(),
                HostileEndpoint.of("POST", "/secretariat/tokens/{id}/revoke",
                                f -> FormPost.of("/secretariat/tokens/" + f.token() + "/revoke", f.eca()))
                        .forged(p -> List.of("/secretariat/tokens/" + UNKNOWN + "/revoke",
                                "/secretariat/tokens/" + NONSENSE + "/revoke"))
                        .replayable().build(),

                // ------------------------------------------------------------------ people: setting a password through a link
                HostileEndpoint.of("POST", "/password", f -> FormPost.of("/password", null)
                                .field("token", f.people.newPasswordLink()).field("password", "a long enough password")
                                .field("passwordRepeated", "a long enough password"))
                        .text("token").replayable().build(),

                // asking for a reset link: every post is a new request (counted per address, audited), so no replay
                HostileEndpoint.of("POST", "/password/forgotten", f -> FormPost.of("/password/forgotten", null)
                                .field("name", "nobody-" + UUID.randomUUID() + "@example.org"))
                        .text("name").build(),

                // ------------------------------------------------------------------ identity: two-factor sign-in
                // a full sign-in posting a code is sent back to the login page; the typed code is only compared
                HostileEndpoint.of("POST", "/login/code", f -> FormPost.of("/login/code", f.coordinator())
                                .field("code", "123456"))
                        .text("code").replayable().build(),
                // every set-up start makes a new secret (the one before never worked), so no replay check
                HostileEndpoint.of("POST", "/account/two-factor/enrolment",
                                f -> FormPost.of("/account/two-factor/enrolment", f.coordinator())).build(),
                HostileEndpoint.of("POST", "/account/two-factor/confirmation",
                                f -> FormPost.of("/account/two-factor/confirmation", f.coordinator())
                                        .field("code", "123456"))
                        .text("code").replayable().build(),
                HostileEndpoint.of("POST", "/account/two-factor/disabled",
                                f -> FormPost.of("/account/two-factor/disabled", f.coordinator())
                                        .field("code", "123456"))
                        .text("code").replayable().build(),
                HostileEndpoint.of("POST", "/country/two-factor", f -> FormPost.of("/country/two-factor", f.coordinator())
                                .field("required", "false"))
                        .text("required").replayable().build(),
                HostileEndpoint.of("POST", "/admin/two-factor", f -> FormPost.of("/admin/two-factor", f.admin())
                                .field("country", "KEN").field("required", "false"))
                        .text("country", "required").replayable().build(),

                // ------------------------------------------------------------------ publication again (issue 14.4)
                // a cycle with nothing waiting to be published: refused (400), nothing stored
                HostileEndpoint.of("POST", "/cycles/{id}/publication", f -> FormPost.of(
                                "/cycles/" + f.reviews.cycle(f.coordinator()).id() + "/publication", f.coordinator())
                                .field("versionId", "1").field("confirm", "yes"))
                        .text("versionId", "confirm")
                        .forged(p -> List.of("/cycles/" + UNKNOWN + "/publication", "/cycles/" + NONSENSE + "/publication"))
                        .build(),
                // ------------------------------------------------------------------ signoff: validation by the government
                // "off" with a hostile group name stores nothing (switching it on for Kenya would change other tests)
                HostileEndpoint.of("POST", "/country/government-validation", f -> FormPost.of(
                                "/country/government-validation", f.coordinator()).field("action", "off")
                                .field("groupName", "Cabinet Office"))
                        .text("action", "groupName").replayable().build(),
                HostileEndpoint.of("POST", "/country/government-validation/members/{userId}", f -> FormPost.of(
                                "/country/government-validation/members/" + f.people.newFocalPoint("KEN"),
                                f.coordinator()).field("member", "false"))
                        .text("member")
                        .forged(p -> List.of("/country/government-validation/members/" + UNKNOWN,
                                "/country/government-validation/members/" + NONSENSE))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/admin/government-validation", f -> FormPost.of(
                                "/admin/government-validation", f.admin()).field("country", "KEN").field("action", "off")
                                .field("groupName", "Cabinet Office"))
                        .text("country", "action", "groupName").replayable().build(),
                HostileEndpoint.of("POST", "/admin/government-validation/members/{userId}", f -> FormPost.of(
                                "/admin/government-validation/members/" + f.people.newFocalPoint("KEN"), f.admin())
                                .field("member", "false"))
                        .text("member")
                        .forged(p -> List.of("/admin/government-validation/members/" + UNKNOWN,
                                "/admin/government-validation/members/" + NONSENSE))
                        .replayable().build(),

                // ------------------------------------------------------------------ people: accounts (administrators)
                HostileEndpoint.of("POST", "/admin/accounts", f -> FormPost.of("/admin/accounts", f.admin())
                                .field("role", "COORDINATOR").field("country", "KEN").field("commission", "")
                                .field("displayName", "Amina Otieno")
                                .field("email", "amina." + UUID.randomUUID().toString().substring(0, 8) + "@example.org"))
                        .text("displayName").shownOn((p, f) -> "/admin/accounts").replayable().build(),
                // ------------------------------------------------------------------ incident: retrying a failed step
                HostileEndpoint.of("POST", "/admin/incidents/{id}/retry", f -> FormPost.of(
                                "/admin/incidents/" + f.newFailure().incidentId() + "/retry", f.admin()))
                        .forged(p -> List.of("/admin/incidents/" + UUID.randomUUID() + "/retry",
                                "/admin/incidents/" + NONSENSE + "/retry"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/cycles/{id}/incidents/{incidentId}/retry", f -> {
                            var failure = f.newFailure();
                            return FormPost.of("/cycles/" + failure.cycle().id() + "/incidents/"
                                    + failure.incidentId() + "/retry", f.coordinator());
                        })
                        .forged(p -> List.of("/cycles/" + UNKNOWN + "/incidents/" + UUID.randomUUID() + "/retry",
                                "/cycles/" + NONSENSE + "/incidents/" + NONSENSE + "/retry"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/admin/accounts/{id}/enabled", f -> FormPost.of(
                                "/admin/accounts/" + f.people.newStaffMember("KEN") + "/enabled", f.admin())
                                .field("enabled", "false"))
                        .forged(p -> List.of("/admin/accounts/" + UNKNOWN + "/enabled",
                                "/admin/accounts/" + NONSENSE + "/enabled"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/admin/accounts/{id}/invitation", f -> FormPost.of(
                                "/admin/accounts/" + f.people.newStaffMember("KEN") + "/invitation", f.admin()))
                        .forged(p -> List.of("/admin/accounts/" + UNKNOWN + "/invitation",
                                "/admin/accounts/" + NONSENSE + "/invitation"))
                        .replayable().build(),

                // ------------------------------------------------------------------ notices: each person's own centre
                HostileEndpoint.of("POST", "/notices/{id}/read", f -> FormPost.of("/notices/"
                                + new NoticesTestData(f.jdbc).newNotice(f.coordinator().id()) + "/read", f.coordinator()))
                        .forged(p -> List.of("/notices/" + UNKNOWN + "/read", "/notices/" + NONSENSE + "/read"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/notices/read-all", f -> FormPost.of("/notices/read-all", f.coordinator()))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/notices/settings", f -> FormPost.of("/notices/settings", f.coordinator())
                                .field("kind-COMMENT", "NONE").field("kind-DECISION", "DIGEST"))
                        .replayable().build(),
                // the link in a notice mail: the signed token is the key; RFC 8058 one-click posts carry no CSRF token
                HostileEndpoint.of("POST", "/notices/mail-settings", f -> FormPost.of("/notices/mail-settings", null)
                                .field("token", new NoticesTestData(f.jdbc).mailSettingsToken(f.coordinator().id()))
                                .field("kind-COMMENT", "NONE"))
                        .replayable().noCsrfTokenNeeded().build(),

                // ------------------------------------------------------------------ cycle: handing a ministry's task over
                HostileEndpoint.of("POST", "/cycles/{cycleId}/ministry-tasks/{taskId}", f -> {
                            CurrentUser focal = f.users.ministry("KEN", "INTERIOR");
                            long cycleId = f.cycles.start(f.coordinator(), CycleFixture.uniqueCode());
                            f.mvc.perform(f.cycles.scopeForm(f.cycles.task(cycleId, "ScopeReview").getId(),
                                    f.coordinator(), List.of(focal.ministryId()), java.util.Map.of(1, focal.ministryId())))
                                    .andExpect(status().is3xxRedirection());
                            String task = f.cycles.task(cycleId, "DraftContribution",
                                    org.gcmreview.identity.CandidateGroups.ministry("KEN", "INTERIOR")).getId();
                            return FormPost.of("/cycles/" + cycleId + "/ministry-tasks/" + task, f.coordinator())
                                    .field("person", String.valueOf(focal.id()));
                        })
                        .forged(p -> List.of(p.path().replaceFirst("/ministry-tasks/.*", "/ministry-tasks/" + UNKNOWN),
                                p.path().replaceFirst("/cycles/[0-9]+/", "/cycles/" + UNKNOWN + "/")))
                        .replayable().build(),

                // ------------------------------------------------------------------ people: out of office
                HostileEndpoint.of("POST", "/account/out-of-office", f -> FormPost.of("/account/out-of-office",
                                f.coordinator()).field("deputy", String.valueOf(f.users.coordinator("KEN").id()))
                                .field("from", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString())
                                .field("until", LocalDate.now(ZoneOffset.UTC).plusDays(9).toString()))
                        .text("from", "until").build(),
                HostileEndpoint.of("POST", "/account/out-of-office/{id}/end", f -> FormPost.of("/account/out-of-office/"
                                + new NoticesTestData(f.jdbc).newAbsence(f.coordinator().id()) + "/end", f.coordinator()))
                        .forged(p -> List.of("/account/out-of-office/" + UNKNOWN + "/end",
                                "/account/out-of-office/" + NONSENSE + "/end"))
                        .build(),

                // ------------------------------------------------------------------ notices: mails not delivered (administrators)
                HostileEndpoint.of("POST", "/admin/notices/{id}/retry", f -> FormPost.of(
                                "/admin/notices/" + new NoticesTestData(f.jdbc).newFailedMail() + "/retry", f.admin()))
                        .forged(p -> List.of("/admin/notices/" + UNKNOWN + "/retry",
                                "/admin/notices/" + NONSENSE + "/retry"))
                        .replayable().build(),

                // ------------------------------------------------------------------ people: a country's ministries and focal points
                HostileEndpoint.of("POST", "/country/ministries", f -> FormPost.of("/country/ministries", f.coordinator())
                                .field("code", "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                                        .toUpperCase())
                                .field("name", "Ministry of Labour").field("languages", "en"))
                        .text("name").shownOn((p, f) -> "/country/ministries").replayable().build(),
                HostileEndpoint.of("POST", "/country/ministries/{id}", f -> FormPost.of(
                                "/country/ministries/" + f.people.newMinistry("KEN"), f.coordinator())
                                .field("name", "Ministry of Labour and Social Protection").field("languages", "fr"))
                        .text("name").shownOn((p, f) -> "/country/ministries")
                        .forged(p -> List.of("/country/ministries/" + UNKNOWN, "/country/ministries/" + NONSENSE))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/country/ministries/{id}/retired", f -> FormPost.of(
                                "/country/ministries/" + f.people.newMinistry("KEN") + "/retired", f.coordinator())
                                .field("retired", "true"))
                        .forged(p -> List.of("/country/ministries/" + UNKNOWN + "/retired",
                                "/country/ministries/" + NONSENSE + "/retired"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/country/focal-points", f -> FormPost.of("/country/focal-points",
                                f.coordinator()).field("displayName", "Peter Mwangi")
                                .field("email", "peter." + UUID.randomUUID().toString().substring(0, 8) + "@example.org")
                                .field("ministry", String.valueOf(f.people.newMinistry("KEN"))))
                        .text("displayName").shownOn((p, f) -> "/country/focal-points").replayable().build(),
                HostileEndpoint.of("POST", "/country/focal-points/{id}/ministry", f -> FormPost.of(
                                "/country/focal-points/" + f.people.newFocalPoint("KEN") + "/ministry", f.coordinator())
                                .field("ministry", String.valueOf(f.people.newMinistry("KEN"))))
                        .text("ministry")
                        .forged(p -> List.of("/country/focal-points/" + UNKNOWN + "/ministry",
                                "/country/focal-points/" + NONSENSE + "/ministry"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/country/focal-points/{id}/enabled", f -> FormPost.of(
                                "/country/focal-points/" + f.people.newFocalPoint("KEN") + "/enabled", f.coordinator())
                                .field("enabled", "false"))
                        .forged(p -> List.of("/country/focal-points/" + UNKNOWN + "/enabled",
                                "/country/focal-points/" + NONSENSE + "/enabled"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/country/focal-points/{id}/invitation", f -> FormPost.of(
                                "/country/focal-points/" + f.people.newFocalPoint("KEN") + "/invitation", f.coordinator()))
                        .forged(p -> List.of("/country/focal-points/" + UNKNOWN + "/invitation",
                                "/country/focal-points/" + NONSENSE + "/invitation"))
                        .replayable().build(),

                // ------------------------------------------------------------------ administrators: review calendar
                HostileEndpoint.of("POST", "/admin/rounds", f -> {
                            String cycle = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
                            return FormPost.of("/admin/rounds", f.admin()).field("kind", "REGIONAL")
                                    .field("commission", "ECLAC").field("code", "ECLAC-" + cycle).field("cycle", cycle)
                                    .field("name", "Round " + cycle)
                                    .field("deadline", LocalDate.now(ZoneOffset.UTC).plusDays(90).toString());
                        })
                        .text("name").shownOn((p, f) -> "/admin/rounds").replayable().build(),
                HostileEndpoint.of("POST", "/admin/rounds/{id}", f -> FormPost.of("/admin/rounds/" + f.round(), f.admin())
                                .field("name", "Round, extended")
                                .field("deadline", LocalDate.now(ZoneOffset.UTC).plusDays(100).toString()))
                        .text("name").shownOn((p, f) -> "/admin/rounds")
                        .forged(p -> List.of("/admin/rounds/" + UNKNOWN, "/admin/rounds/" + NONSENSE))
                        .replayable().reauditedWhenReplayed().build());
    }

    private static HostileEndpoint moderation(String action) {
        return HostileEndpoint.of("POST", "/cycles/{id}/consultation/inputs/{inputId}/" + action, f -> {
                    ConsultationScenario s = f.consultation();
                    return FormPost.of(inputPath(s, f.input(s)) + "/" + action, s.coordinator)
                            .field("from", "queue").field("about", "objective:1");
                })
                .text("about", "from").forged(p -> inputIds(p.path(), "/" + action)).replayable().build();
    }

    /** A cycle its coordinator withdrew, the withdrawal passed on to the rounds: ready to be reopened. */
    private static long withdrawnCycle(HostileFixture f) throws Exception {
        long cycleId = f.cycles.start(f.coordinator(), CycleFixture.uniqueCode());
        String instance = f.cycles.processInstanceId(cycleId);
        f.mvc.perform(FormPost.of("/cycles/" + cycleId + "/withdraw", f.coordinator()).field("reason", "By mistake")
                .valid()).andExpect(status().is3xxRedirection());
        f.management.createJobQuery().processInstanceId(instance).list()
                .forEach(job -> f.management.executeJob(job.getId()));
        return cycleId;
    }

    private static String scopeTask(HostileFixture f) throws Exception {
        long cycleId = f.cycles.start(f.coordinator(), CycleFixture.uniqueCode());
        return f.cycles.task(cycleId, "ScopeReview").getId();
    }

    private static FormPost individualInput(ConsultationScenario s) {
        return FormPost.of("/consultations/" + s.cycle.businessKey() + "/individual-inputs", null)
                .field("idempotencyKey", UUID.randomUUID().toString()).field("authorName", "Sam Mwangi")
                .field("authorEmail", "sam" + UUID.randomUUID().toString().substring(0, 6) + "@example.org")
                .field("target", "section:POLICY").field("language", "en")
                .field("body", "An individual's input, long enough to be taken.");
    }

    private static String inputPath(ConsultationScenario s, long input) {
        return "/cycles/" + s.cycle.id() + "/consultation/inputs/" + input;
    }

    private static String reference(HostileFixture f, long input) {
        return f.jdbc.sql("select reference from consultation_input where id = ?").param(input).query(String.class)
                .single();
    }

    /** The coordinator's moderation queue of the consultation the post went to (by its business key). */
    private static String moderationQueue(FormPost post, HostileFixture f) {
        String businessKey = post.path().split("/")[2];
        long cycle = f.jdbc.sql("select id from review_cycle where business_key = ?").param(businessKey)
                .query(Long.class).single();
        f.jdbc.sql("""
                update consultation_input set confirmed_at = now(), confirmation_token_sha256 = null
                 where window_id = (select id from consultation_window where cycle_id = ?)""").param(cycle).update();
        return "/cycles/" + cycle + "/consultation/inputs";
    }

    /** The same path for a cycle that does not exist and for one that is no number. */
    /** A new published cycle of the fixture's coordinator whose one frozen version (one section) is endorsed. */
    private static long translatable(HostileFixture f) {
        ReviewCycle cycle = f.reviews.cycle(f.coordinator());
        endorsedVersion(f, cycle);
        f.jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?")
                .param(cycle.id()).update();
        return cycle.id();
    }

    /** The cycle's one frozen version (one section), endorsed: its id. */
    static long endorsedVersion(HostileFixture f, ReviewCycle cycle) {
        // a frozen version as docs/report-schema.json requires it (PublishedDocumentsTest checks every one stored)
        String content = "{\"businessKey\":\"" + cycle.businessKey() + "\",\"country\":\"" + cycle.countryIso3()
                + "\",\"countryName\":\"" + cycle.countryName() + "\",\"version\":1,\"title\":\"A report\",\"sections\":"
                + "[{\"kind\":\"INTRODUCTION\",\"objective\":null,\"title\":\"Introduction\",\"status\":null,"
                + "\"body\":\"How the report was prepared.\",\"indicators\":[]}]}";
        long version = f.jdbc.sql("insert into report_version (cycle_id, version_no, content, sha256) "
                        + "values (?, 1, ?, ?) returning id")
                .params(cycle.id(), content, org.gcmreview.support.Sha256.hex(content)).query(Long.class).single();
        f.jdbc.sql("insert into endorsement (cycle_id, report_version_id, endorsed_by)"
                        + " select id, ?, started_by from review_cycle where id = ?")
                .params(version, cycle.id()).update();
        return version;
    }

    private static List<String> cycleIds(String path, String rest) {
        return List.of("/cycles/" + UNKNOWN + rest, "/cycles/" + NONSENSE + rest);
    }

    /** The same path for an input that does not exist, one that is no number, and one of no such cycle. */
    private static List<String> inputIds(String path, String rest) {
        String cycle = path.split("/")[2];
        return List.of("/cycles/" + cycle + "/consultation/inputs/" + UNKNOWN + rest,
                "/cycles/" + cycle + "/consultation/inputs/" + NONSENSE + rest,
                "/cycles/" + UNKNOWN + "/consultation/inputs/" + path.split("/")[5] + rest);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
