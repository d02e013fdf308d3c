package org.gcmreview.reliability.authorization;

import static org.gcmreview.reliability.authorization.Access.ALLOWED;
import static org.gcmreview.reliability.authorization.Access.FORBIDDEN;
import static org.gcmreview.reliability.authorization.Access.NOT_FOUND;
import static org.gcmreview.reliability.authorization.Access.SIGN_IN;
import static org.gcmreview.reliability.authorization.Access.UNAUTHORIZED;
import static org.gcmreview.reliability.authorization.Caller.ADMIN;
import static org.gcmreview.reliability.authorization.Caller.ANONYMOUS;
import static org.gcmreview.reliability.authorization.Caller.COORDINATOR;
import static org.gcmreview.reliability.authorization.Caller.IMRF_SECRETARIAT;
import static org.gcmreview.reliability.authorization.Caller.MINISTRY;
import static org.gcmreview.reliability.authorization.Caller.OTHER_COUNTRY_COORDINATOR;
import static org.gcmreview.reliability.authorization.Caller.OTHER_COUNTRY_MINISTRY;
import static org.gcmreview.reliability.authorization.Caller.OTHER_REGION_SECRETARIAT;
import static org.gcmreview.reliability.authorization.Caller.PENDING;
import static org.gcmreview.reliability.authorization.Caller.REGIONAL_SECRETARIAT;
import static org.gcmreview.reliability.authorization.Caller.STAKEHOLDER;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;

import org.gcmreview.cycle.ReviewCycle;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The expected outcome of every endpoint of the application for every caller. The data belongs to Kenya (KEN,
 * regional commission ECA): its coordinator, ministry and stakeholder are the country's users, the regional
 * secretariat is ECA's; the "other" callers are of Ghana and of ESCAP. An endpoint may have more than one entry
 * when the answer depends on what is asked for (e.g. whose file is downloaded).
 */
final class AuthorizationMatrix {

    /** Every endpoint of every controller in this package or below must have an entry. */
    static final String APPLICATION_PACKAGE = "org.gcmreview";

    /** Everyone signed in who is not of the data's country: for them a country's drafts do not exist. */
    private static final Caller[] OUTSIDERS = {OTHER_COUNTRY_COORDINATOR, OTHER_COUNTRY_MINISTRY, REGIONAL_SECRETARIAT,
            OTHER_REGION_SECRETARIAT, IMRF_SECRETARIAT, ADMIN};

    private AuthorizationMatrix() {
    }

    /** Signed-in callers who are not of the cycle's country (Kenya). */
    private static final Caller[] OUTSIDE_THE_COUNTRY = {OTHER_COUNTRY_COORDINATOR, OTHER_COUNTRY_MINISTRY,
            REGIONAL_SECRETARIAT, OTHER_REGION_SECRETARIAT, IMRF_SECRETARIAT, ADMIN};

    static List<MatrixEntry> entries() {
        return List.of(
                // ---------------------------------------------------------------- web
                MatrixEntry.of("GET", "/", f -> get("/")).everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/login", f -> get("/login")).everyone(ALLOWED).build(),
                // a pending account may choose its language too (the page it waits on is in it)
                MatrixEntry.of("POST", "/language", f -> post("/language").param("lang", "fr").param("return", "/"))
                        .everyone(ALLOWED).but(ALLOWED, PENDING).build(),

                // ---------------------------------------------------------------- reference (public)
                MatrixEntry.of("GET", "/reference/objectives", f -> get("/reference/objectives"))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/reference/principles", f -> get("/reference/principles"))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/api/reference/objectives", f -> get("/api/reference/objectives"))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/api/reference/objectives/{number}", f -> get("/api/reference/objectives/7"))
                        .everyone(ALLOWED).build(),

                // ---------------------------------------------------------------- tasks: a Kenyan coordinator's task
                MatrixEntry.of("GET", "/tasks", f -> get("/tasks")).everyone(ALLOWED).but(SIGN_IN, ANONYMOUS).build(),
                MatrixEntry.of("GET", "/tasks/{taskId}", f -> get("/tasks/" + f.newCoordinatorTask()))
                        .onlyFor(COORDINATOR).build(),
                // a ministry's task: that ministry of that country only (the coordinator steers, but drafts nothing)
                MatrixEntry.of("GET", "/tasks/{taskId}", f -> get("/tasks/" + f.ministryTask()))
                        .onlyFor(MINISTRY).build(),
                // a regional round's task: that commission's secretariat only; the IMRF's edition: the IMRF's
                MatrixEntry.of("GET", "/tasks/{taskId}", f -> get("/tasks/" + f.regionalTask()))
                        .onlyFor(REGIONAL_SECRETARIAT).build(),
                MatrixEntry.of("GET", "/tasks/{taskId}", f -> get("/tasks/" + f.imrfTask()))
                        .onlyFor(IMRF_SECRETARIAT).build(),
                // an empty form: refused as invalid (400) once through the access checks
                MatrixEntry.of("POST", "/tasks/{taskId}", f -> post("/tasks/" + f.newCoordinatorTask()))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("POST", "/tasks/{taskId}/claim", f -> post("/tasks/" + f.newCoordinatorTask() + "/claim"))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("POST", "/tasks/{taskId}/release",
                                f -> post("/tasks/" + f.newCoordinatorTask() + "/release"))
                        .onlyFor(COORDINATOR).build(),

                // ---------------------------------------------------------------- cycle
                // each country team sees the list of its own country's cycles
                MatrixEntry.of("GET", "/cycles", f -> get("/cycles"))
                        .onlyFor(COORDINATOR, MINISTRY, OTHER_COUNTRY_COORDINATOR, OTHER_COUNTRY_MINISTRY).build(),
                // no code: refused as invalid (400) once through; a coordinator starts cycles of their own country
                MatrixEntry.of("POST", "/cycles", f -> post("/cycles").param("code", "").param("title", ""))
                        .onlyFor(COORDINATOR, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("GET", "/cycles/{id}", f -> get("/cycles/" + f.draftCycle()))
                        .onlyFor(COORDINATOR, MINISTRY).build(),
                // a failed step of the country's own cycle: its coordinator retries it (ministries see it only)
                MatrixEntry.of("POST", "/cycles/{id}/incidents/{incidentId}/retry", f -> {
                            var failure = f.newFailure();
                            return post("/cycles/" + failure.cycle().id() + "/incidents/" + failure.incidentId()
                                    + "/retry");
                        })
                        .onlyFor(COORDINATOR).build(),
                // withdrawing a cycle (issue 14.5): its own country's coordinator only; a blank reason is refused
                // as invalid (400) once through, so the matrix withdraws nothing
                MatrixEntry.of("GET", "/cycles/{id}/withdraw", f -> get("/cycles/" + f.draftCycle() + "/withdraw"))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("POST", "/cycles/{id}/withdraw",
                                f -> post("/cycles/" + f.draftCycle() + "/withdraw").param("reason", ""))
                        .onlyFor(COORDINATOR).build(),
                // changing the plan (issue 14.1): its own country's coordinator only; another country's users and
                // the secretariats do not learn that the cycle exists; a form without a reason stores nothing
                MatrixEntry.of("GET", "/cycles/{id}/plan", f -> get("/cycles/" + f.draftCycle() + "/plan"))
                        .everyone(NOT_FOUND).but(SIGN_IN, ANONYMOUS).but(FORBIDDEN, MINISTRY, STAKEHOLDER)
                        .but(ALLOWED, COORDINATOR).build(),
                MatrixEntry.of("POST", "/cycles/{id}/plan",
                                f -> post("/cycles/" + f.draftCycle() + "/plan").param("reason", ""))
                        .everyone(NOT_FOUND).but(SIGN_IN, ANONYMOUS).but(FORBIDDEN, MINISTRY, STAKEHOLDER)
                        .but(ALLOWED, COORDINATOR).build(),
                // publishing again after a clarification (issue 14.4): its own country's coordinator only; nothing
                // waits to be published here, so the form is refused (400) once through
                MatrixEntry.of("GET", "/cycles/{id}/publication", f -> get("/cycles/" + f.draftCycle() + "/publication"))
                        .everyone(NOT_FOUND).but(SIGN_IN, ANONYMOUS).but(FORBIDDEN, MINISTRY, STAKEHOLDER)
                        .but(ALLOWED, COORDINATOR).build(),
                MatrixEntry.of("POST", "/cycles/{id}/publication",
                                f -> post("/cycles/" + f.draftCycle() + "/publication").param("confirm", "yes"))
                        .everyone(NOT_FOUND).but(SIGN_IN, ANONYMOUS).but(FORBIDDEN, MINISTRY, STAKEHOLDER)
                        .but(ALLOWED, COORDINATOR).build(),
                // reopening a withdrawn cycle: administrators only (a cycle that is not withdrawn: 409 once through)
                MatrixEntry.of("GET", "/admin/withdrawn-cycles", f -> get("/admin/withdrawn-cycles"))
                        .onlyFor(ADMIN).build(),
                MatrixEntry.of("POST", "/admin/withdrawn-cycles/{cycleId}/reopen",
                                f -> post("/admin/withdrawn-cycles/" + f.draftCycle() + "/reopen").param("reason", "x"))
                        .onlyFor(ADMIN).build(),

                // ---------------------------------------------------------------- report: follow-up items (16.3)
                // working data of the country team until published: everyone else is told it does not exist; the
                // item names no objective, so only the coordinator records it (a blank form: 400 once through)
                MatrixEntry.of("GET", "/cycles/{id}/follow-ups", f -> get("/cycles/" + f.followUp().cycleId()
                                + "/follow-ups"))
                        .everyone(NOT_FOUND).but(SIGN_IN, ANONYMOUS).but(ALLOWED, COORDINATOR, MINISTRY).build(),
                MatrixEntry.of("GET", "/cycles/{id}/follow-ups/{itemId}", f -> get("/cycles/" + f.followUp().cycleId()
                                + "/follow-ups/" + f.followUp().itemId()))
                        .everyone(NOT_FOUND).but(SIGN_IN, ANONYMOUS).but(ALLOWED, COORDINATOR)
                        .but(FORBIDDEN, MINISTRY).build(),
                MatrixEntry.of("POST", "/cycles/{id}/follow-ups/{itemId}", f -> post("/cycles/"
                                + f.followUp().cycleId() + "/follow-ups/" + f.followUp().itemId()))
                        .everyone(NOT_FOUND).but(SIGN_IN, ANONYMOUS).but(ALLOWED, COORDINATOR)
                        .but(FORBIDDEN, MINISTRY).build(),

                // ---------------------------------------------------------------- report.history
                MatrixEntry.of("GET", "/cycles/{cycleId}/sections/{sectionId}/history", f -> get(
                                "/cycles/" + f.history().cycleId() + "/sections/" + f.history().sectionId() + "/history"))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("GET", "/cycles/{cycleId}/sections/{sectionId}/diff", f -> get(
                                "/cycles/" + f.history().cycleId() + "/sections/" + f.history().sectionId() + "/diff")
                                .param("from", "1").param("to", "2"))
                        .onlyFor(COORDINATOR).build(),
                // the ministry that wrote the contribution, not every ministry of the country
                MatrixEntry.of("GET", "/cycles/{cycleId}/contributions/{contributionId}/history", f -> get(
                                "/cycles/" + f.history().cycleId() + "/contributions/" + f.history().contributionId()
                                        + "/history"))
                        .onlyFor(COORDINATOR, MINISTRY).build(),
                MatrixEntry.of("GET", "/cycles/{cycleId}/contributions/{contributionId}/diff", f -> get(
                                "/cycles/" + f.history().cycleId() + "/contributions/" + f.history().contributionId()
                                        + "/diff").param("from", "1").param("to", "2"))
                        .onlyFor(COORDINATOR, MINISTRY).build(),

                // ---------------------------------------------------------------- report.comments (issue 16.2)
                // internal to the country's coordinator and the ministries of the cycle; another country: not found;
                // an empty comment is refused as invalid (400) once through, so the matrix adds nothing
                MatrixEntry.of("GET", "/cycles/{cycleId}/sections/{sectionId}/comments", f -> get(
                                "/cycles/" + f.history().cycleId() + "/sections/" + f.history().sectionId() + "/comments"))
                        .onlyFor(COORDINATOR, MINISTRY).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR, OTHER_COUNTRY_MINISTRY)
                        .build(),
                MatrixEntry.of("POST", "/cycles/{cycleId}/sections/{sectionId}/comments", f -> post(
                                "/cycles/" + f.history().cycleId() + "/sections/" + f.history().sectionId() + "/comments")
                                .param("body", ""))
                        .onlyFor(COORDINATOR, MINISTRY).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR, OTHER_COUNTRY_MINISTRY)
                        .build(),
                // a contribution's: the ministry that wrote it and the coordinator
                MatrixEntry.of("GET", "/cycles/{cycleId}/contributions/{contributionId}/comments", f -> get(
                                "/cycles/" + f.history().cycleId() + "/contributions/" + f.history().contributionId()
                                        + "/comments"))
                        .onlyFor(COORDINATOR, MINISTRY).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR, OTHER_COUNTRY_MINISTRY)
                        .build(),
                MatrixEntry.of("POST", "/cycles/{cycleId}/contributions/{contributionId}/comments", f -> post(
                                "/cycles/" + f.history().cycleId() + "/contributions/" + f.history().contributionId()
                                        + "/comments").param("body", ""))
                        .onlyFor(COORDINATOR, MINISTRY).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR, OTHER_COUNTRY_MINISTRY)
                        .build(),
                MatrixEntry.of("POST", "/cycles/{cycleId}/comments/{commentId}/replies", f -> post(
                                "/cycles/" + f.history().cycleId() + "/comments/" + f.comment() + "/replies")
                                .param("body", ""))
                        .onlyFor(COORDINATOR, MINISTRY).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR, OTHER_COUNTRY_MINISTRY)
                        .build(),
                // resolving a resolved thread (or reopening an open one) changes nothing, and is still allowed
                MatrixEntry.of("POST", "/cycles/{cycleId}/comments/{commentId}/resolve", f -> post(
                                "/cycles/" + f.history().cycleId() + "/comments/" + f.comment() + "/resolve"))
                        .onlyFor(COORDINATOR, MINISTRY).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR, OTHER_COUNTRY_MINISTRY)
                        .build(),
                MatrixEntry.of("POST", "/cycles/{cycleId}/comments/{commentId}/reopen", f -> post(
                                "/cycles/" + f.history().cycleId() + "/comments/" + f.comment() + "/reopen"))
                        .onlyFor(COORDINATOR, MINISTRY).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR, OTHER_COUNTRY_MINISTRY)
                        .build(),
                // ---------------------------------------------------------------- report: Word round trip (16.1)
                // drafts are the country government's: never stakeholders'; secretariats, administrators and other
                // countries are told nothing exists
                MatrixEntry.of("GET", "/cycles/{cycleId}/report.docx", f -> get("/cycles/" + f.draftCycle()
                                + "/report.docx"))
                        .onlyFor(COORDINATOR, MINISTRY).but(NOT_FOUND, OUTSIDERS).build(),
                // a ministry's contribution: that ministry and the coordinator
                MatrixEntry.of("GET", "/cycles/{cycleId}/ministries/{ministryId}/contribution.docx", f -> get(
                                "/cycles/" + f.wordTask()[0] + "/ministries/" + f.user(MINISTRY).ministryId()
                                        + "/contribution.docx"))
                        .onlyFor(COORDINATOR, MINISTRY).but(NOT_FOUND, OUTSIDERS).build(),
                // uploading goes with the ministry's open drafting task (no file: refused as invalid once through)
                MatrixEntry.of("GET", "/tasks/{taskId}/word", f -> get("/tasks/" + f.wordTask()[1] + "/word"))
                        .onlyFor(MINISTRY).but(NOT_FOUND, OUTSIDERS).build(),
                MatrixEntry.of("POST", "/tasks/{taskId}/word", f -> post("/tasks/" + f.wordTask()[1] + "/word"))
                        .onlyFor(MINISTRY).but(NOT_FOUND, OUTSIDERS).build(),
                // an upload waiting for confirmation: the person who uploaded it
                MatrixEntry.of("GET", "/tasks/{taskId}/word/{importId}", f -> get("/tasks/" + f.wordImport()[0]
                                + "/word/" + f.wordImport()[1]))
                        .onlyFor(MINISTRY).but(NOT_FOUND, OUTSIDERS).build(),
                MatrixEntry.of("POST", "/tasks/{taskId}/word/{importId}", f -> {
                            String[] upload = f.newWordImport();
                            return post("/tasks/" + upload[0] + "/word/" + upload[1]);
                        })
                        .onlyFor(MINISTRY).but(NOT_FOUND, OUTSIDERS).build(),

                // ---------------------------------------------------------------- attachment
                // a ministry's drafting evidence is the government's business: not the stakeholders', nor a
                // secretariat's before the report was submitted to it
                MatrixEntry.of("GET", "/attachments/{publicId}", f -> get("/attachments/" + f.contributionEvidence()))
                        .onlyFor(COORDINATOR, MINISTRY).build(),
                // another organisation's input: the coordinator handles it, other stakeholders may not read it
                MatrixEntry.of("GET", "/attachments/{publicId}",
                                f -> get("/attachments/" + f.otherOrganisationsInputFile()))
                        .onlyFor(COORDINATOR, MINISTRY).build(),
                // the stakeholder's own input file
                MatrixEntry.of("GET", "/attachments/{publicId}", f -> get("/attachments/" + f.ownInputFile()))
                        .onlyFor(COORDINATOR, MINISTRY, STAKEHOLDER).build(),
                // the person who added it (the ministry) and the country's coordinator
                MatrixEntry.of("POST", "/attachments/{publicId}/delete",
                                f -> post("/attachments/" + f.newContributionEvidence() + "/delete"))
                        .onlyFor(COORDINATOR, MINISTRY).build(),

                // ---------------------------------------------------------------- consultation: the public side
                MatrixEntry.of("GET", "/consultations", f -> get("/consultations")).everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/consultations/{businessKey}",
                                f -> get("/consultations/" + f.openConsultation().businessKey()))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/consultations/{businessKey}/what-we-heard",
                                f -> get("/consultations/" + f.openConsultation().businessKey() + "/what-we-heard"))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/consultations/confirm",
                                f -> get("/consultations/confirm").param("token", f.pendingConfirmation()))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("POST", "/consultations/confirm", f -> post("/consultations/confirm")
                                .param("token", f.newPendingConfirmation(f.openConsultation())))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("POST", "/consultations/{businessKey}/individual-inputs", f -> post(
                                "/consultations/" + f.newOpenConsultation().businessKey() + "/individual-inputs")
                                .with(MatrixFixture.ownAddress())
                                .param("idempotencyKey", UUID.randomUUID().toString()).param("authorName", "A person")
                                .param("authorEmail", UUID.randomUUID() + "@example.org").param("target", "objective:1")
                                .param("language", "en").param("body", "An individual's view on objective one."))
                        .everyone(ALLOWED).build(),
                // only users of a verified organisation of the country send inputs as an organisation
                MatrixEntry.of("POST", "/consultations/{businessKey}/inputs", f -> post(
                                "/consultations/" + f.newOpenConsultation().businessKey() + "/inputs")
                                .with(MatrixFixture.ownAddress())
                                .param("idempotencyKey", UUID.randomUUID().toString()).param("target", "objective:1")
                                .param("language", "en").param("body", "An organisation's view on objective one."))
                        .onlyFor(STAKEHOLDER).build(),

                MatrixEntry.of("GET", "/my-consultations", f -> get("/my-consultations"))
                        .onlyFor(STAKEHOLDER).build(),

                // ---------------------------------------------------------------- consultation: the coordinator's
                MatrixEntry.of("GET", "/cycles/{id}/consultation",
                                f -> get("/cycles/" + f.openConsultation().id() + "/consultation"))
                        .onlyFor(COORDINATOR).build(),
                // nothing chosen: refused as invalid (or "nothing changed") once through
                MatrixEntry.of("POST", "/cycles/{id}/consultation/settings",
                                f -> post("/cycles/" + f.newOpenConsultation().id() + "/consultation/settings"))
                        .onlyFor(COORDINATOR).build(),
                // already open: answered "nothing changed" once through
                MatrixEntry.of("POST", "/cycles/{id}/consultation/open",
                                f -> post("/cycles/" + f.newOpenConsultation().id() + "/consultation/open")
                                        .param("confirm", "true"))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("POST", "/cycles/{id}/consultation/close",
                                f -> post("/cycles/" + f.newOpenConsultation().id() + "/consultation/close"))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("POST", "/cycles/{id}/consultation/extend",
                                f -> post("/cycles/" + f.newOpenConsultation().id() + "/consultation/extend")
                                        .param("closesOn", "").param("reason", ""))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("GET", "/cycles/{id}/consultation/inputs",
                                f -> get("/cycles/" + f.openConsultation().id() + "/consultation/inputs"))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("GET", "/cycles/{id}/consultation/inputs/{inputId}", f -> {
                            ReviewCycle cycle = f.openConsultation();
                            return get("/cycles/" + cycle.id() + "/consultation/inputs/" + f.newInput(cycle));
                        })
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("POST", "/cycles/{id}/consultation/inputs/{inputId}/publish",
                                f -> moderate(f, "publish"))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("POST", "/cycles/{id}/consultation/inputs/{inputId}/hide",
                                f -> moderate(f, "hide").param("reason", "Personal data of a third person."))
                        .onlyFor(COORDINATOR).build(),
                // no reference given: refused as invalid once through
                MatrixEntry.of("POST", "/cycles/{id}/consultation/inputs/{inputId}/duplicate",
                                f -> moderate(f, "duplicate"))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("POST", "/cycles/{id}/consultation/inputs/{inputId}/ungroup",
                                f -> moderate(f, "ungroup"))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("GET", "/cycles/{id}/consultation/inputs.csv",
                                f -> get("/cycles/" + f.openConsultation().id() + "/consultation/inputs.csv"))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("GET", "/cycles/{id}/consultation/inputs.xlsx",
                                f -> get("/cycles/" + f.openConsultation().id() + "/consultation/inputs.xlsx"))
                        .onlyFor(COORDINATOR).build(),

                // ---------------------------------------------------------------- consultation.organisation
                MatrixEntry.of("GET", "/organisations/register", f -> get("/organisations/register"))
                        .everyone(ALLOWED).build(),
                // an empty form: refused as invalid (400) once through
                MatrixEntry.of("POST", "/organisations/register",
                                f -> post("/organisations/register").with(MatrixFixture.ownAddress()))
                        .everyone(ALLOWED).build(),
                // each coordinator sees the organisations of their own country
                MatrixEntry.of("GET", "/organisations", f -> get("/organisations"))
                        .onlyFor(COORDINATOR, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/organisations/{id}/verify",
                                f -> post("/organisations/" + f.newPendingOrganisation() + "/verify"))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("POST", "/organisations/{id}/reject",
                                f -> post("/organisations/" + f.newPendingOrganisation() + "/reject")
                                        .param("reason", "Not an organisation of this country."))
                        .onlyFor(COORDINATOR).build(),

                // ---------------------------------------------------------------- submission: secretariats
                // each secretariat its own workspace
                MatrixEntry.of("GET", "/secretariat", f -> get("/secretariat"))
                        .onlyFor(REGIONAL_SECRETARIAT, OTHER_REGION_SECRETARIAT, IMRF_SECRETARIAT).build(),
                // submitted to ECA's round: ECA's secretariat, and the IMRF's, which follows every submission
                MatrixEntry.of("GET", "/secretariat/cycles/{id}",
                                f -> get("/secretariat/cycles/" + f.submitted().cycleId()))
                        .onlyFor(REGIONAL_SECRETARIAT, IMRF_SECRETARIAT).build(),
                // a cycle in the making has not been submitted to anybody yet
                MatrixEntry.of("GET", "/secretariat/cycles/{id}", f -> get("/secretariat/cycles/" + f.draftCycle()))
                        .everyone(FORBIDDEN).but(SIGN_IN, ANONYMOUS).build(),
                MatrixEntry.of("GET", "/secretariat/synthesis",
                                f -> get("/secretariat/synthesis").param("round", f.submitted().roundCode()))
                        .onlyFor(REGIONAL_SECRETARIAT).build(),
                MatrixEntry.of("GET", "/secretariat/synthesis.csv",
                                f -> get("/secretariat/synthesis.csv").param("round", f.submitted().roundCode()))
                        .onlyFor(REGIONAL_SECRETARIAT).build(),
                MatrixEntry.of("GET", "/secretariat/synthesis.xlsx",
                                f -> get("/secretariat/synthesis.xlsx").param("round", f.submitted().roundCode()))
                        .onlyFor(REGIONAL_SECRETARIAT).build(),
                MatrixEntry.of("GET", "/secretariat/tokens", f -> get("/secretariat/tokens"))
                        .onlyFor(REGIONAL_SECRETARIAT, OTHER_REGION_SECRETARIAT, IMRF_SECRETARIAT).build(),
                MatrixEntry.of("POST", "/secretariat/tokens", f -> post("/secretariat/tokens").param("name", "Matrix"))
                        .onlyFor(REGIONAL_SECRETARIAT, OTHER_REGION_SECRETARIAT, IMRF_SECRETARIAT).build(),
                // the ECA secretariat's own token; to another secretariat it does not exist
                MatrixEntry.of("POST", "/secretariat/tokens/{id}/revoke",
                                f -> post("/secretariat/tokens/" + f.newApiToken() + "/revoke"))
                        .onlyFor(REGIONAL_SECRETARIAT).but(NOT_FOUND, OTHER_REGION_SECRETARIAT, IMRF_SECRETARIAT)
                        .build(),

                // ---------------------------------------------------------------- submission.api (401, not the login page)
                MatrixEntry.of("GET", "/api/secretariat/rounds", f -> get("/api/secretariat/rounds"))
                        .onlyFor(REGIONAL_SECRETARIAT, OTHER_REGION_SECRETARIAT, IMRF_SECRETARIAT)
                        .but(UNAUTHORIZED, ANONYMOUS).build(),
                // a token that does not work is refused (401) even with a signed-in session
                MatrixEntry.of("GET", "/api/secretariat/rounds", f -> get("/api/secretariat/rounds")
                                .header("Authorization", "Bearer gcmr_" + UUID.randomUUID()))
                        .everyone(UNAUTHORIZED).build(),
                MatrixEntry.of("GET", "/api/secretariat/submissions",
                                f -> get("/api/secretariat/submissions").param("round", f.submitted().roundCode()))
                        .onlyFor(REGIONAL_SECRETARIAT).but(UNAUTHORIZED, ANONYMOUS).build(),
                MatrixEntry.of("GET", "/api/secretariat/statuses",
                                f -> get("/api/secretariat/statuses").param("round", f.submitted().roundCode()))
                        .onlyFor(REGIONAL_SECRETARIAT).but(UNAUTHORIZED, ANONYMOUS).build(),
                MatrixEntry.of("GET", "/api/secretariat/coverage",
                                f -> get("/api/secretariat/coverage").param("round", f.submitted().roundCode()))
                        .onlyFor(REGIONAL_SECRETARIAT).but(UNAUTHORIZED, ANONYMOUS).build(),

                // ---------------------------------------------------------------- submission.calendar (ADMIN)
                // ---------------------------------------------------------------- incident (ADMIN)
                MatrixEntry.of("GET", "/admin/incidents", f -> get("/admin/incidents")).onlyFor(ADMIN).build(),
                MatrixEntry.of("POST", "/admin/incidents/{id}/retry",
                                f -> post("/admin/incidents/" + f.newFailure().incidentId() + "/retry"))
                        .onlyFor(ADMIN).build(),

                MatrixEntry.of("GET", "/admin/rounds", f -> get("/admin/rounds")).onlyFor(ADMIN).build(),
                MatrixEntry.of("GET", "/admin/rounds/new", f -> get("/admin/rounds/new")).onlyFor(ADMIN).build(),
                MatrixEntry.of("GET", "/admin/rounds/{id}/edit", f -> get("/admin/rounds/" + f.round() + "/edit"))
                        .onlyFor(ADMIN).build(),
                // empty forms: refused as invalid (400) once through
                MatrixEntry.of("POST", "/admin/rounds", f -> post("/admin/rounds")).onlyFor(ADMIN).build(),
                MatrixEntry.of("POST", "/admin/rounds/{id}", f -> post("/admin/rounds/" + f.newRound()))
                        .onlyFor(ADMIN).build(),

                // ---------------------------------------------------------------- people: setting a password (public)
                // the single-use link is the key, whoever holds it
                MatrixEntry.of("GET", "/password", f -> get("/password").param("token", f.people().newPasswordLink()))
                        .everyone(ALLOWED).build(),
                // set, the password is used at once: the answer is the login page (/login?passwordSet), which the
                // matrix reads as SIGN_IN; OnboardingTest checks that the password was set
                MatrixEntry.of("POST", "/password", f -> post("/password").param("token", f.people().newPasswordLink())
                                .param("password", "a long enough password")
                                .param("passwordRepeated", "a long enough password"))
                        .everyone(SIGN_IN).build(),

                // asking for a reset link: public, the same answer for every name (the login page, read as SIGN_IN);
                // each caller from an address of its own, so the per-address limit does not answer instead
                MatrixEntry.of("GET", "/password/forgotten", f -> get("/password/forgotten")).everyone(ALLOWED).build(),
                MatrixEntry.of("POST", "/password/forgotten", f -> post("/password/forgotten")
                                .with(MatrixFixture.ownAddress()).param("name", "nobody-" + UUID.randomUUID()))
                        .everyone(SIGN_IN).build(),

                // ---------------------------------------------------------------- single sign-on: pending accounts
                // the pending account's one page; anybody else signed in is sent on to their start page
                MatrixEntry.of("GET", "/account/pending", f -> get("/account/pending"))
                        .everyone(ALLOWED).but(SIGN_IN, ANONYMOUS).but(ALLOWED, PENDING).build(),
                // approving: an administrator any pending account, a coordinator those claiming their country
                MatrixEntry.of("GET", "/admin/pending-accounts", f -> get("/admin/pending-accounts"))
                        .onlyFor(ADMIN).build(),
                MatrixEntry.of("POST", "/admin/pending-accounts/{id}", f -> post("/admin/pending-accounts/"
                                + f.pendingAccount().id()).param("role", "IMRF_SECRETARIAT"))
                        .onlyFor(ADMIN).build(),
                MatrixEntry.of("POST", "/admin/pending-accounts/{id}/refusal", f -> post("/admin/pending-accounts/"
                                + f.pendingAccount().id() + "/refusal"))
                        .onlyFor(ADMIN).build(),
                MatrixEntry.of("GET", "/country/pending-accounts", f -> get("/country/pending-accounts"))
                        .onlyFor(COORDINATOR, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/country/pending-accounts/{id}", f -> post("/country/pending-accounts/"
                                + f.pendingAccount().id()).param("ministry", "INTERIOR"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/country/pending-accounts/{id}/refusal", f -> post("/country/pending-accounts/"
                                + f.pendingAccount().id() + "/refusal"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR).build(),

                // ---------------------------------------------------------------- identity: two-factor sign-in
                // the code step is for a sign-in halfway (TwoFactorSignInTest); a full sign-in is sent on to its
                // tasks (GET) or back to the login page (POST), an anonymous caller to sign in
                MatrixEntry.of("GET", "/login/code", f -> get("/login/code")).everyone(ALLOWED).but(SIGN_IN, ANONYMOUS)
                        .build(),
                MatrixEntry.of("POST", "/login/code", f -> post("/login/code").param("code", "123456"))
                        .everyone(SIGN_IN).build(),
                // one's own authenticator: everyone who works in the review, not the stakeholders' organisations
                MatrixEntry.of("GET", "/account/two-factor", f -> get("/account/two-factor"))
                        .everyone(ALLOWED).but(FORBIDDEN, STAKEHOLDER).but(SIGN_IN, ANONYMOUS).build(),
                MatrixEntry.of("POST", "/account/two-factor/enrolment", f -> post("/account/two-factor/enrolment"))
                        .everyone(ALLOWED).but(FORBIDDEN, STAKEHOLDER).but(SIGN_IN, ANONYMOUS).build(),
                // a wrong code: refused as invalid (400) once through
                MatrixEntry.of("POST", "/account/two-factor/confirmation",
                                f -> post("/account/two-factor/confirmation").param("code", "000000"))
                        .everyone(ALLOWED).but(FORBIDDEN, STAKEHOLDER).but(SIGN_IN, ANONYMOUS).build(),
                MatrixEntry.of("POST", "/account/two-factor/disabled",
                                f -> post("/account/two-factor/disabled").param("code", "000000"))
                        .everyone(ALLOWED).but(FORBIDDEN, STAKEHOLDER).but(SIGN_IN, ANONYMOUS).build(),
                MatrixEntry.of("POST", "/account/two-factor/recovery-codes",
                                f -> post("/account/two-factor/recovery-codes").param("code", "000000"))
                        .everyone(ALLOWED).but(FORBIDDEN, STAKEHOLDER).but(SIGN_IN, ANONYMOUS).build(),
                // a country's requirement: its coordinator for their own country, an administrator for any
                MatrixEntry.of("GET", "/country/two-factor", f -> get("/country/two-factor"))
                        .onlyFor(COORDINATOR, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/country/two-factor", f -> post("/country/two-factor").param("required", "false"))
                        .onlyFor(COORDINATOR, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("GET", "/admin/two-factor", f -> get("/admin/two-factor")).onlyFor(ADMIN).build(),
                // no country: refused as invalid (400) once through
                MatrixEntry.of("POST", "/admin/two-factor", f -> post("/admin/two-factor")).onlyFor(ADMIN).build(),
                // an unknown user name: refused as invalid (400) once through
                MatrixEntry.of("POST", "/admin/two-factor/reset", f -> post("/admin/two-factor/reset")
                        .param("username", "nobody-" + UUID.randomUUID())).onlyFor(ADMIN).build(),

                // ---------------------------------------------------------------- signoff: validation by the government
                // (issue 14.4) a country's setting and its government group: its coordinator, an administrator for
                // any; "off" changes nothing where validation is not on
                MatrixEntry.of("GET", "/country/government-validation", f -> get("/country/government-validation"))
                        .onlyFor(COORDINATOR, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/country/government-validation",
                                f -> post("/country/government-validation").param("action", "off"))
                        .onlyFor(COORDINATOR, OTHER_COUNTRY_COORDINATOR).build(),
                // a Kenyan account: another country's coordinator does not find it
                MatrixEntry.of("POST", "/country/government-validation/members/{userId}",
                                f -> post("/country/government-validation/members/" + f.user(MINISTRY).id())
                                        .param("member", "false"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("GET", "/admin/government-validation", f -> get("/admin/government-validation"))
                        .onlyFor(ADMIN).build(),
                // no country: refused as invalid (400) once through
                MatrixEntry.of("POST", "/admin/government-validation", f -> post("/admin/government-validation"))
                        .onlyFor(ADMIN).build(),
                MatrixEntry.of("POST", "/admin/government-validation/members/{userId}",
                                f -> post("/admin/government-validation/members/" + f.user(MINISTRY).id())
                                        .param("member", "false"))
                        .onlyFor(ADMIN).build(),

                // ---------------------------------------------------------------- people: accounts (ADMIN)
                MatrixEntry.of("GET", "/admin/accounts", f -> get("/admin/accounts")).onlyFor(ADMIN).build(),
                // an empty form: refused as invalid (400) once through
                MatrixEntry.of("POST", "/admin/accounts", f -> post("/admin/accounts")).onlyFor(ADMIN).build(),
                MatrixEntry.of("POST", "/admin/accounts/{id}/enabled",
                                f -> post("/admin/accounts/" + f.people().newStaffMember("KEN") + "/enabled")
                                        .param("enabled", "false"))
                        .onlyFor(ADMIN).build(),
                MatrixEntry.of("POST", "/admin/accounts/{id}/invitation",
                                f -> post("/admin/accounts/" + f.people().newStaffMember("KEN") + "/invitation"))
                        .onlyFor(ADMIN).build(),

                // ---------------------------------------------------------------- notices: each person's own centre
                MatrixEntry.of("GET", "/notices", f -> get("/notices")).everyone(ALLOWED).but(SIGN_IN, ANONYMOUS)
                        .build(),
                // the Kenyan ministry user's notice: another person's does not exist for anybody else
                MatrixEntry.of("POST", "/notices/{id}/read",
                                f -> post("/notices/" + f.notices().newNotice(f.user(MINISTRY).id()) + "/read"))
                        .everyone(NOT_FOUND).but(SIGN_IN, ANONYMOUS).but(ALLOWED, MINISTRY).build(),
                MatrixEntry.of("POST", "/notices/read-all", f -> post("/notices/read-all"))
                        .everyone(ALLOWED).but(SIGN_IN, ANONYMOUS).build(),
                MatrixEntry.of("GET", "/notices/settings", f -> get("/notices/settings"))
                        .everyone(ALLOWED).but(SIGN_IN, ANONYMOUS).build(),
                MatrixEntry.of("POST", "/notices/settings", f -> post("/notices/settings").param("kind-COMMENT", "NONE"))
                        .everyone(ALLOWED).but(SIGN_IN, ANONYMOUS).build(),
                // the link in a notice mail: its signed token is the key, whoever holds it (only that person's
                // mail settings change); a made-up token: NotificationCentreTest
                MatrixEntry.of("GET", "/notices/mail-settings", f -> get("/notices/mail-settings")
                                .param("token", f.notices().mailSettingsToken(f.user(MINISTRY).id())))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("POST", "/notices/mail-settings", f -> post("/notices/mail-settings")
                                .param("token", f.notices().mailSettingsToken(f.user(MINISTRY).id()))
                                .param("kind-COMMENT", "DIGEST"))
                        .everyone(ALLOWED).build(),

                // ---------------------------------------------------------------- cycle: handing a ministry's task over
                // the country's coordinator only (a ministry sees the cycle but does not steer it)
                MatrixEntry.of("GET", "/cycles/{cycleId}/ministry-tasks",
                                f -> get("/cycles/" + f.draftCycle() + "/ministry-tasks"))
                        .onlyFor(COORDINATOR).build(),
                MatrixEntry.of("POST", "/cycles/{cycleId}/ministry-tasks/{taskId}", f -> {
                            String[] cycleAndTask = f.newMinistryTask();
                            return post("/cycles/" + cycleAndTask[0] + "/ministry-tasks/" + cycleAndTask[1])
                                    .param("person", String.valueOf(f.user(MINISTRY).id()));
                        })
                        .onlyFor(COORDINATOR).build(),

                // ---------------------------------------------------------------- issue 14.2: ministries that do not answer
                // the country's coordinator only; anybody outside the country does not find the cycle (404); an
                // empty form is refused as invalid (400) once through, so the matrix changes nothing
                MatrixEntry.of("GET", "/cycles/{cycleId}/proceed-without",
                                f -> get("/cycles/" + f.draftCycle() + "/proceed-without"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OUTSIDE_THE_COUNTRY).build(),
                MatrixEntry.of("POST", "/cycles/{cycleId}/proceed-without",
                                f -> post("/cycles/" + f.draftCycle() + "/proceed-without"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OUTSIDE_THE_COUNTRY).build(),
                MatrixEntry.of("GET", "/cycles/{cycleId}/contributing-ministries",
                                f -> get("/cycles/" + f.draftCycle() + "/contributing-ministries"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OUTSIDE_THE_COUNTRY).build(),
                MatrixEntry.of("POST", "/cycles/{cycleId}/contributing-ministries/add",
                                f -> post("/cycles/" + f.draftCycle() + "/contributing-ministries/add"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OUTSIDE_THE_COUNTRY).build(),
                MatrixEntry.of("POST", "/cycles/{cycleId}/contributing-ministries/remove",
                                f -> post("/cycles/" + f.draftCycle() + "/contributing-ministries/remove"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OUTSIDE_THE_COUNTRY).build(),

                // ---------------------------------------------------------------- people: out of office (own absences)
                // anyone with tasks; a stakeholder has none to pass on
                MatrixEntry.of("GET", "/account/out-of-office", f -> get("/account/out-of-office"))
                        .everyone(ALLOWED).but(SIGN_IN, ANONYMOUS).but(FORBIDDEN, STAKEHOLDER).build(),
                // no deputy chosen: refused as invalid (400) once through
                MatrixEntry.of("POST", "/account/out-of-office", f -> post("/account/out-of-office"))
                        .everyone(ALLOWED).but(SIGN_IN, ANONYMOUS).but(FORBIDDEN, STAKEHOLDER).build(),
                // the Kenyan ministry user's absence: nobody else's to end
                MatrixEntry.of("POST", "/account/out-of-office/{id}/end", f -> post("/account/out-of-office/"
                                + f.notices().newAbsence(f.user(MINISTRY).id()) + "/end"))
                        .everyone(NOT_FOUND).but(SIGN_IN, ANONYMOUS).but(FORBIDDEN, STAKEHOLDER)
                        .but(ALLOWED, MINISTRY).build(),

                // ---------------------------------------------------------------- notices: mails not delivered (ADMIN)
                MatrixEntry.of("GET", "/admin/notices", f -> get("/admin/notices")).onlyFor(ADMIN).build(),
                MatrixEntry.of("POST", "/admin/notices/{id}/retry",
                                f -> post("/admin/notices/" + f.notices().newFailedMail() + "/retry"))
                        .onlyFor(ADMIN).build(),

                // ---------------------------------------------------------------- people: a country's ministries and focal points
                // each coordinator their own country's; another country's ministry or person does not exist for them
                MatrixEntry.of("GET", "/country/ministries", f -> get("/country/ministries"))
                        .onlyFor(COORDINATOR, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/country/ministries", f -> post("/country/ministries"))
                        .onlyFor(COORDINATOR, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/country/ministries/{id}",
                                f -> post("/country/ministries/" + f.people().newMinistry("KEN"))
                                        .param("name", "Renamed ministry").param("languages", "en"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/country/ministries/{id}/retired",
                                f -> post("/country/ministries/" + f.people().newMinistry("KEN") + "/retired")
                                        .param("retired", "true"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("GET", "/country/focal-points", f -> get("/country/focal-points"))
                        .onlyFor(COORDINATOR, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/country/focal-points", f -> post("/country/focal-points"))
                        .onlyFor(COORDINATOR, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/country/focal-points/{id}/ministry",
                                f -> post("/country/focal-points/" + f.people().newFocalPoint("KEN") + "/ministry")
                                        .param("ministry", String.valueOf(f.people().newMinistry("KEN"))))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/country/focal-points/{id}/enabled",
                                f -> post("/country/focal-points/" + f.people().newFocalPoint("KEN") + "/enabled")
                                        .param("enabled", "false"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/country/focal-points/{id}/invitation",
                                f -> post("/country/focal-points/" + f.people().newFocalPoint("KEN") + "/invitation"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR).build(),

                // ---------------------------------------------------------------- submission.publication (public)
                MatrixEntry.of("GET", "/published", f -> get("/published")).everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/published/report-schema.json", f -> get("/published/report-schema.json"))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/published/{businessKey}", f -> get("/published/" + f.publishedReport()))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/published/{businessKey}.pdf",
                                f -> get("/published/" + f.publishedReport() + ".pdf"))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/published/{businessKey}.json",
                                f -> get("/published/" + f.publishedReport() + ".json"))
                        .everyone(ALLOWED).build(),
                // issue 18.3: translations of a published report, public like the original
                MatrixEntry.of("GET", "/published/{businessKey}/{language}",
                                f -> get("/published/" + f.translatedReport() + "/ru"))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/published/{businessKey}/{language}.pdf",
                                f -> get("/published/" + f.translatedReport() + "/ru.pdf"))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/published/{businessKey}/{language}.json",
                                f -> get("/published/" + f.translatedReport() + "/ru.json"))
                        .everyone(ALLOWED).build(),
                MatrixEntry.of("GET", "/published/{businessKey}/{language}",
                                f -> get("/published/" + f.unpublishedReport() + "/ru"))
                        .everyone(NOT_FOUND).build(),
                // adding one: the country's coordinator only; another country's finds nothing (a draft cycle: the
                // page says it cannot be translated yet, the form is refused with 409, once through)
                MatrixEntry.of("GET", "/cycles/{id}/translations", f -> get("/cycles/" + f.draftCycle() + "/translations"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR).build(),
                MatrixEntry.of("POST", "/cycles/{id}/translations",
                                f -> post("/cycles/" + f.draftCycle() + "/translations").param("language", "ru"))
                        .onlyFor(COORDINATOR).but(NOT_FOUND, OTHER_COUNTRY_COORDINATOR).build(),
                // a report not published does not exist here, for its own country's users too
                MatrixEntry.of("GET", "/published/{businessKey}", f -> get("/published/" + f.unpublishedReport()))
                        .everyone(NOT_FOUND).build(),
                MatrixEntry.of("GET", "/published/{businessKey}.pdf",
                                f -> get("/published/" + f.unpublishedReport() + ".pdf"))
                        .everyone(NOT_FOUND).build(),
                // issue 14.4: an earlier published version at its own address; this report's version 9 was never
                // published, so nobody finds it (RepublishAfterClarificationTest reads a real one)
                MatrixEntry.of("GET", "/published/{businessKey}/versions/{versionNo}",
                                f -> get("/published/" + f.publishedReport() + "/versions/9"))
                        .everyone(NOT_FOUND).build(),
                MatrixEntry.of("GET", "/published/{businessKey}/versions/{versionNo}.json",
                                f -> get("/published/" + f.publishedReport() + "/versions/9.json"))
                        .everyone(NOT_FOUND).build(),
                MatrixEntry.of("GET", "/published/{businessKey}.json",
                                f -> get("/published/" + f.unpublishedReport() + ".json"))
                        .everyone(NOT_FOUND).build());
    }

    /** A moderation action on a new input of the shared open consultation. */
    private static MockHttpServletRequestBuilder moderate(MatrixFixture f, String action) throws Exception {
        ReviewCycle cycle = f.openConsultation();
        return post("/cycles/" + cycle.id() + "/consultation/inputs/" + f.newInput(cycle) + "/" + action);
    }
}
