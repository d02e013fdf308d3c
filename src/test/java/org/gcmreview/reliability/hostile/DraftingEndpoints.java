package org.gcmreview.reliability.hostile;

import static org.gcmreview.reliability.hostile.HostileEndpoints.NONSENSE;
import static org.gcmreview.reliability.hostile.HostileEndpoints.UNKNOWN;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The entries of the endpoints that steer a country's drafting (issues 14.1, 14.2, 16.1 to 16.3): comments, the
 * contributing ministries, proceeding without one, the plan, follow-up items and the Word round trip. Each aims
 * at a fresh subject of the fixture's Kenyan coordinator or ministry; "elsewhere" is the same post aimed at a
 * Ghanaian cycle's subjects, which a Kenyan sender must get as "not found".
 */
final class DraftingEndpoints {

    private DraftingEndpoints() {
    }

    static List<HostileEndpoint> entries() {
        return List.of(
                // ------------------------------------------------------------------ comments (issue 16.2)
                HostileEndpoint.of("POST", "/cycles/{cycleId}/sections/{sectionId}/comments", f -> {
                            Section s = section(f, f.coordinator());
                            return FormPost.of(s.path() + "/comments", f.coordinator())
                                    .field("body", "Say which law this refers to.").field("back", "/tasks/x");
                        })
                        .text("body", "back").shownOn((p, f) -> p.path())
                        .forged(p -> List.of(swap(p, "sections", UNKNOWN), swap(p, "sections", NONSENSE),
                                swap(p, "cycles", UNKNOWN)))
                        .otherCountry((p, f) -> {
                            Section gha = section(f, f.users.coordinator("GHA"));
                            return List.of(gha.path() + "/comments", swap(p, "sections", String.valueOf(gha.id())));
                        })
                        .replayable().build(),
                HostileEndpoint.of("POST", "/cycles/{cycleId}/contributions/{contributionId}/comments", f -> {
                            long cycle = f.reports.cycle(f.coordinator());
                            long contribution = f.reports.contribution(cycle, f.users.ministry("KEN", "INTERIOR"), 7);
                            return FormPost.of("/cycles/" + cycle + "/contributions/" + contribution + "/comments",
                                    f.coordinator()).field("body", "Add the 2024 figures.");
                        })
                        .text("body").shownOn((p, f) -> p.path())
                        .forged(p -> List.of(swap(p, "contributions", UNKNOWN), swap(p, "contributions", NONSENSE),
                                swap(p, "cycles", UNKNOWN)))
                        .otherCountry((p, f) -> {
                            long gha = f.reports.cycle(f.users.coordinator("GHA"));
                            long theirs = f.reports.contribution(gha, f.users.ministry("GHA", "INTERIOR"), 7);
                            return List.of("/cycles/" + gha + "/contributions/" + theirs + "/comments",
                                    swap(p, "contributions", String.valueOf(theirs)));
                        })
                        .replayable().build(),
                HostileEndpoint.of("POST", "/cycles/{cycleId}/comments/{commentId}/replies", f -> {
                            Section s = section(f, f.coordinator());
                            return FormPost.of("/cycles/" + s.cycle() + "/comments/" + comment(f, s, false)
                                    + "/replies", f.coordinator()).field("body", "The Migration Act, section 4.");
                        })
                        .text("body").shownOn(DraftingEndpoints::threadOf)
                        .forged(DraftingEndpoints::forgedComments).otherCountry(DraftingEndpoints::ghanaianComment)
                        .replayable().build(),
                HostileEndpoint.of("POST", "/cycles/{cycleId}/comments/{commentId}/resolve", f -> {
                            Section s = section(f, f.coordinator());
                            return FormPost.of("/cycles/" + s.cycle() + "/comments/" + comment(f, s, false)
                                    + "/resolve", f.coordinator()).field("back", "/tasks/x");
                        })
                        .text("back").forged(DraftingEndpoints::forgedComments)
                        .otherCountry(DraftingEndpoints::ghanaianComment).replayable().build(),
                HostileEndpoint.of("POST", "/cycles/{cycleId}/comments/{commentId}/reopen", f -> {
                            Section s = section(f, f.coordinator());
                            return FormPost.of("/cycles/" + s.cycle() + "/comments/" + comment(f, s, true)
                                    + "/reopen", f.coordinator()).field("back", "/tasks/x");
                        })
                        .text("back").forged(DraftingEndpoints::forgedComments)
                        .otherCountry(DraftingEndpoints::ghanaianComment).replayable().build(),

                // ------------------------------------------------------------------ contributing ministries (issue 14.2)
                HostileEndpoint.of("POST", "/cycles/{cycleId}/contributing-ministries/add", f -> {
                            long cycle = scoped(f, f.users.ministry("KEN", "INTERIOR"));
                            return FormPost.of("/cycles/" + cycle + "/contributing-ministries/add", f.coordinator())
                                    .field("addMinistry", String.valueOf(f.people.newMinistry("KEN")))
                                    .field("objectives", "1").field("addReason", "Migration data sits there now.");
                        })
                        .text("addReason").shownOn(DraftingEndpoints::cyclePage)
                        .forged(p -> List.of(swap(p, "cycles", UNKNOWN), swap(p, "cycles", NONSENSE)))
                        .otherCountry(DraftingEndpoints::ghanaianCycle).replayable().build(),
                HostileEndpoint.of("POST", "/cycles/{cycleId}/contributing-ministries/remove", f -> {
                            CurrentUser labour = f.users.ministry("KEN", "LABOUR");
                            long cycle = scoped(f, f.users.ministry("KEN", "INTERIOR"), labour);
                            return FormPost.of("/cycles/" + cycle + "/contributing-ministries/remove", f.coordinator())
                                    .field("removeMinistry", String.valueOf(labour.ministryId()))
                                    .field("removeReason", "Labour withdrew from the review.");
                        })
                        .text("removeReason").shownOn(DraftingEndpoints::cyclePage)
                        .forged(p -> List.of(swap(p, "cycles", UNKNOWN), swap(p, "cycles", NONSENSE)))
                        .otherCountry(DraftingEndpoints::ghanaianCycle).replayable().build(),
                HostileEndpoint.of("POST", "/cycles/{cycleId}/proceed-without", f -> {
                            CurrentUser interior = f.users.ministry("KEN", "INTERIOR");
                            long cycle = scoped(f, interior);
                            String task = f.cycles.task(cycle, "DraftContribution",
                                    CandidateGroups.ministry("KEN", interior.ministryCode())).getId();
                            return FormPost.of("/cycles/" + cycle + "/proceed-without", f.coordinator())
                                    .field("task", task).field("reason", "No answer in six weeks.");
                        })
                        .text("reason").shownOn(DraftingEndpoints::cyclePage)
                        .forged(p -> List.of(swap(p, "cycles", UNKNOWN), swap(p, "cycles", NONSENSE)))
                        .otherCountry(DraftingEndpoints::ghanaianCycle).replayable().build(),

                // ------------------------------------------------------------------ the plan (issue 14.1)
                HostileEndpoint.of("POST", "/cycles/{id}/plan", f -> {
                            long cycle = scoped(f, f.users.ministry("KEN", "INTERIOR"));
                            FormPost post = FormPost.of("/cycles/" + cycle + "/plan", f.coordinator());
                            plan(f, cycle).forEach(post::field);
                            return post.field("draftingDue", CycleFixture.inDays(33).toString())
                                    .field("reason", "Ministries asked for three days more.");
                        })
                        .text("reason").shownOn((p, f) -> p.path())
                        .forged(p -> List.of(swap(p, "cycles", UNKNOWN), swap(p, "cycles", NONSENSE)))
                        .otherCountry(DraftingEndpoints::ghanaianCycle).replayable().build(),

                // ------------------------------------------------------------------ follow-up items (issue 16.3)
                HostileEndpoint.of("POST", "/cycles/{id}/follow-ups/{itemId}", f -> {
                            long[] item = followUp(f, f.coordinator());
                            return FormPost.of("/cycles/" + item[0] + "/follow-ups/" + item[1], f.coordinator())
                                    .field("outcome", "DONE").field("note", "Published in March.")
                                    .field("version", "0");
                        })
                        .text("note").shownOn((p, f) -> p.path().replaceFirst("/[^/]+$", ""))
                        .forged(p -> List.of(swap(p, "follow-ups", UNKNOWN), swap(p, "follow-ups", NONSENSE),
                                swap(p, "cycles", UNKNOWN)))
                        .otherCountry((p, f) -> {
                            long[] gha = followUp(f, f.users.coordinator("GHA"));
                            return List.of("/cycles/" + gha[0] + "/follow-ups/" + gha[1],
                                    swap(p, "follow-ups", String.valueOf(gha[1])));
                        })
                        // the same outcome again is refused as a conflict (409): its version has moved on
                        .replayable().build(),

                // ------------------------------------------------------------------ the Word round trip (issue 16.1)
                HostileEndpoint.of("POST", "/tasks/{taskId}/word", f -> {
                            Drafting d = drafting(f);
                            return FormPost.of("/tasks/" + d.task() + "/word", d.ministry()).attaching(d.file());
                        })
                        .forged(p -> List.of("/tasks/" + UUID.randomUUID() + "/word", "/tasks/" + NONSENSE + "/word"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/tasks/{taskId}/word/{importId}", f -> {
                            Drafting d = drafting(f);
                            String location = f.mvc.perform(FormPost.of("/tasks/" + d.task() + "/word", d.ministry())
                                            .attaching(d.file()).valid())
                                    .andExpect(status().is3xxRedirection()).andReturn().getResponse()
                                    .getRedirectedUrl();
                            return FormPost.of(location, d.ministry());
                        })
                        .forged(p -> List.of(p.path().replaceFirst("/tasks/[^/]+/", "/tasks/" + UUID.randomUUID() + "/"),
                                p.path().replaceFirst("/word/.*", "/word/" + UUID.randomUUID())))
                        .replayable().build());
    }

    /** A report section of a new cycle of the coordinator's country. */
    record Section(long cycle, long id) {
        String path() {
            return "/cycles/" + cycle + "/sections/" + id;
        }
    }

    private static Section section(HostileFixture f, CurrentUser coordinator) {
        long cycle = f.reports.cycle(coordinator);
        return new Section(cycle, f.reports.section(cycle, 5, "Objective 5"));
    }

    /** An opening comment on the section by whoever started its cycle, open or resolved: its id. */
    private static long comment(HostileFixture f, Section s, boolean resolved) {
        long author = f.jdbc.sql("select started_by from review_cycle where id = ?").param(s.cycle())
                .query(Long.class).single();
        return f.jdbc.sql("""
                insert into report_comment (cycle_id, section_id, body, author_id, resolved_at, resolved_by)
                values (?, ?, 'A comment to answer.', ?, case when ? then now() end, case when ? then ?::bigint end)
                returning id""")
                .params(s.cycle(), s.id(), author, resolved, resolved, author).query(Long.class).single();
    }

    /** The thread page of the comment the post answered. */
    private static String threadOf(FormPost post, HostileFixture f) {
        long comment = Long.parseLong(post.path().split("/")[4]);
        long section = f.jdbc.sql("select section_id from report_comment where id = ?").param(comment)
                .query(Long.class).single();
        return "/cycles/" + post.path().split("/")[2] + "/sections/" + section + "/comments";
    }

    private static List<String> forgedComments(FormPost p) {
        return List.of(swap(p, "comments", UNKNOWN), swap(p, "comments", NONSENSE), swap(p, "cycles", UNKNOWN));
    }

    /** A Ghanaian thread: under its own cycle, and under the Kenyan cycle of the post. */
    private static List<String> ghanaianComment(FormPost p, HostileFixture f) {
        Section gha = section(f, f.users.coordinator("GHA"));
        long theirs = comment(f, gha, p.path().endsWith("/reopen"));
        String rest = p.path().substring(p.path().lastIndexOf('/'));
        return List.of("/cycles/" + gha.cycle() + "/comments/" + theirs + rest, swap(p, "comments", String.valueOf(theirs)));
    }

    /** The same path for a Ghanaian cycle. */
    private static List<String> ghanaianCycle(FormPost p, HostileFixture f) {
        return List.of(swap(p, "cycles", String.valueOf(f.reports.cycle(f.users.coordinator("GHA")))));
    }

    private static String cyclePage(FormPost post, HostileFixture f) {
        return "/cycles/" + post.path().split("/")[2];
    }

    /** The path with the id after {@code segment} replaced. */
    static String swap(FormPost post, String segment, String id) {
        return post.path().replaceFirst("/" + segment + "/[^/]+", "/" + segment + "/" + java.util.regex.Matcher
                .quoteReplacement(id));
    }

    /** A new Kenyan cycle scoped with these ministries, objective n led by the n-th: drafting runs. */
    static long scoped(HostileFixture f, CurrentUser... ministries) throws Exception {
        Map<Integer, CurrentUser> leads = new LinkedHashMap<>();
        for (CurrentUser ministry : ministries) {
            leads.put(leads.size() + 1, ministry);
        }
        return f.cycles.startScoped(f.coordinator(), leads);
    }

    /** The cycle's stored plan as the plan form sends it. */
    private static Map<String, String> plan(HostileFixture f, long cycle) {
        Map<String, Object> row = f.jdbc.sql("""
                select drafting_due::text as "draftingDue", consultation_opens::text as "consultationOpens",
                       consultation_closes::text as "consultationCloses", sign_off_due::text as "signOffDue",
                       endorsement_due::text as "endorsementDue", internal_submission::text as "internalSubmission"
                  from cycle_plan where cycle_id = ?""").param(cycle).query().singleRow();
        Map<String, String> fields = new LinkedHashMap<>();
        row.forEach((name, value) -> fields.put(name, String.valueOf(value)));
        fields.remove("draftingDue");
        return fields;
    }

    /** A new cycle of the coordinator's country with one follow-up item from an earlier version: [cycle, item]. */
    private static long[] followUp(HostileFixture f, CurrentUser coordinator) {
        long version = HostileEndpoints.endorsedVersion(f, f.reviews.cycle(coordinator));
        long cycle = f.reviews.cycle(coordinator).id();
        long item = f.jdbc.sql("""
                insert into follow_up_item (cycle_id, position, commitment, from_version_id)
                values (?, 0, 'Publish migration data every year.', ?) returning id""")
                .params(cycle, version).query(Long.class).single();
        return new long[] {cycle, item};
    }

    /** A Kenyan ministry's drafting task in a new scoped cycle, and its contribution file as downloaded. */
    record Drafting(String task, CurrentUser ministry, MockMultipartFile file) {
    }

    private static Drafting drafting(HostileFixture f) throws Exception {
        CurrentUser ministry = f.users.ministry("KEN", "INTERIOR");
        long cycle = scoped(f, ministry);
        String task = f.cycles.task(cycle, "DraftContribution",
                CandidateGroups.ministry("KEN", ministry.ministryCode())).getId();
        byte[] file = f.mvc.perform(get("/cycles/" + cycle + "/ministries/" + ministry.ministryId()
                        + "/contribution.docx").with(TestUsers.as(ministry)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return new Drafting(task, ministry, new MockMultipartFile("file", "contribution.docx",
                "application/octet-stream", file));
    }
}
