package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gcmreview.ApplicationTest;
import org.gcmreview.consultation.ConsultationScenario;
import org.gcmreview.consultation.ConsultationScenarios;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.Submissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 17.6 (numbers use the same digits within a page): the main pages of each role, read in Arabic, show no
 * Latin digit in their own text. What must stay Latin is left out of the check: codes (business keys, round codes,
 * input references, ISO codes, SDG target identifiers), URLs, e-mail addresses, hashes, and what people typed (isolated in bdi, code,
 * dir="auto" or an element marked with its own lang), and form controls' values.
 */
@ApplicationTest
public class ArabicDigitsTest {

    /** A code such as KEN-T1a2b3c4d, ECA-2026, KEN-CI-000123 or IMRF-T..., or a user name with digits. */
    private static final Pattern EXEMPT = Pattern.compile(
            "https?://\\S+|\\S+@\\S+|\\b[0-9a-f]{16,}\\b|\\b[0-9a-f]{12}…|SHA-256|\\b[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+\\b"
                    // an SDG target's identifier (10.7, 4.b): the UN's own code, written so in every language
                    + "|\\b\\d{1,2}\\.(?:\\d{1,2}|[a-z])\\b");
    private static final Pattern ISOLATED = Pattern.compile(
            "<(code|bdi|textarea|script|style|option|kbd|samp)\\b[^>]*>.*?</\\1>"
                    + "|<(p|span|td|h1|h2|h3|li|ul|dd|strong|div|a|em|blockquote)\\b[^>]*\\b(?:dir=\"auto\"|lang=\"[a-z]+\")[^>]*>.*?</\\2>",
            Pattern.DOTALL);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;
    @Autowired
    ReportVersions versions;
    @Autowired
    Submissions submissions;
    @Autowired
    ConsultationScenarios scenarios;

    @Test
    void theMainPagesOfEachRoleInArabicHaveNoLatinDigitsInTheirOwnText() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser ministry = users.ministry("KEN", "INTERIOR");
        CurrentUser eca = users.regionalSecretariat("ECA");
        CurrentUser imrf = users.imrfSecretariat();
        ReviewRound round = fixtures.regionalRound("ECA");
        ReviewRound edition = fixtures.imrfEdition();
        ReviewCycle cycle = fixtures.attach(fixtures.cycle(coordinator), round, edition);
        versions.freeze(cycle.id());
        ReportVersion second = versions.freeze(cycle.id());
        submissions.insert(cycle.id(), round.id(), second.id(), RoundKind.REGIONAL, "Our report.", coordinator.id(),
                null);
        submissions.insert(cycle.id(), edition.id(), second.id(), RoundKind.IMRF, "Our report.", coordinator.id(),
                null);
        ReviewCycle published = fixtures.cycle(coordinator);
        versions.freeze(published.id());
        fixtures.endorseLatest(published);
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?")
                .param(published.id()).update();
        ConsultationScenario consultation = scenarios.start();
        consultation.openWindow();
        CurrentUser stakeholder = consultation.stakeholder();
        mvc.perform(consultation.input(stakeholder, "objective:1", "An input."));

        List<String> found = new ArrayList<>();
        check(found, get("/"), null);
        check(found, get("/published"), null);
        check(found, get("/published/" + published.businessKey()), null);
        check(found, get("/reference/objectives"), null);
        check(found, get("/consultations"), null);
        check(found, get("/tasks"), coordinator);
        check(found, get("/cycles"), coordinator);
        check(found, get("/cycles/" + cycle.id()), coordinator);
        check(found, get("/cycles/" + consultation.cycle.id() + "/consultation"), consultation.coordinator);
        check(found, get("/cycles/" + consultation.cycle.id() + "/consultation/inputs"), consultation.coordinator);
        check(found, get("/notices"), coordinator);
        check(found, get("/tasks"), ministry);
        check(found, get("/cycles/" + cycle.id()), ministry);
        check(found, get("/my-consultations"), stakeholder);
        check(found, get("/consultations/" + consultation.cycle.businessKey()), stakeholder);
        check(found, get("/secretariat"), eca);
        check(found, get("/secretariat").param("round", round.code()), eca);
        check(found, get("/secretariat/cycles/" + cycle.id()), eca);
        check(found, get("/secretariat/synthesis").param("round", round.code()), eca);
        check(found, get("/secretariat").param("round", edition.code()), imrf);
        assertThat(found).as("Latin digits in Arabic pages").isEmpty();
    }

    /**
     * The administration pages (the administrator's, the coordinator's country and cycle administration, and
     * everyone's own settings), in Arabic, with data on them: a failed mail, a notice with a due date, a pending
     * account, a withdrawn cycle, a plan.
     */
    @Test
    void theAdministrationPagesInArabicHaveNoLatinDigitsInTheirOwnText() throws Exception {
        CurrentUser admin = users.admin();
        CurrentUser coordinator = users.coordinator("KEN");
        users.ministry("KEN", "INTERIOR");
        users.pending("KEN");
        ReviewRound round = fixtures.regionalRound("ECA");
        ReviewCycle cycle = fixtures.attach(fixtures.cycle(coordinator), round, fixtures.imrfEdition());
        jdbc.sql("""
                insert into cycle_plan (cycle_id, drafting_due, reminder_days, consultation_opens,
                                        consultation_closes, sign_off_due, endorsement_due, internal_submission)
                values (?, current_date + 10, 7, current_date + 12, current_date + 30, current_date + 44,
                        current_date + 58, current_date + 65) on conflict do nothing""").param(cycle.id()).update();
        ReviewCycle withdrawn = fixtures.cycle(coordinator);
        jdbc.sql("update review_cycle set status = 'WITHDRAWN' where id = ?").param(withdrawn.id()).update();
        jdbc.sql("""
                insert into mail_outbox (recipients, subject, body, status, attempts, last_error)
                values (array['nobody@example.org'], 'Reminder', 'Text', 'FAILED', 40, 'Connection refused')""")
                .update();
        // a notice whose due date is kept as a date and written in the reader's language (never ISO)
        jdbc.sql("""
                insert into notice (user_id, kind, message_key, arguments, link)
                values (?, 'DUE_SOON', 'cycle.mail.signOffReminder.subject',
                        array['Ministry', ?, 'date:2027-02-26'], '/tasks')""")
                .params(coordinator.id(), cycle.businessKey()).update();

        List<String> found = new ArrayList<>();
        check(found, get("/admin/accounts"), admin);
        check(found, get("/admin/incidents"), admin);
        check(found, get("/admin/notices"), admin);
        check(found, get("/admin/pending-accounts"), admin);
        check(found, get("/admin/rounds"), admin);
        check(found, get("/admin/rounds/new"), admin);
        check(found, get("/admin/rounds/" + round.id() + "/edit"), admin);
        check(found, get("/admin/two-factor"), admin);
        check(found, get("/admin/withdrawn-cycles"), admin);
        check(found, get("/country/ministries"), coordinator);
        check(found, get("/country/focal-points"), coordinator);
        check(found, get("/country/two-factor"), coordinator);
        check(found, get("/country/pending-accounts"), coordinator);
        check(found, get("/organisations"), coordinator);
        check(found, get("/cycles/" + cycle.id() + "/plan"), coordinator);
        check(found, get("/cycles/" + cycle.id() + "/ministry-tasks"), coordinator);
        check(found, get("/cycles/" + cycle.id() + "/proceed-without"), coordinator);
        check(found, get("/cycles/" + cycle.id() + "/contributing-ministries"), coordinator);
        check(found, get("/cycles/" + cycle.id() + "/follow-ups"), coordinator);
        check(found, get("/cycles/" + cycle.id() + "/withdraw"), coordinator);
        check(found, get("/notices"), coordinator);
        check(found, get("/notices/settings"), coordinator);
        check(found, get("/account/out-of-office"), coordinator);
        assertThat(found).as("Latin digits in Arabic administration pages").isEmpty();
    }

    private void check(List<String> found, MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        request.header("Accept-Language", "ar");
        if (user != null) {
            request.with(as(user));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        String where = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
        if (response.getStatus() != 200) {
            found.add(where + ": status " + response.getStatus());
            return;
        }
        assertThat(page).contains("dir=\"rtl\"");
        found.addAll(latinDigits(page).stream().map(s -> where + ": " + s).toList());
    }

    /** The page's own text (outside what is isolated as someone's input or a code) where a Latin digit is. */
    public static List<String> latinDigits(String page) {
        String body = page.substring(Math.max(0, page.indexOf("<body")));
        String text = ISOLATED.matcher(body).replaceAll(" ");
        text = text.replaceAll("(?s)<[^>]*>", " ").replace("&nbsp;", " ").replaceAll("&#?\\w+;", " ");
        text = EXEMPT.matcher(text).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher digit = Pattern.compile("[^\\s]*[0-9][^\\s]*").matcher(text);
        while (digit.find()) {
            int from = Math.max(0, digit.start() - 40);
            int to = Math.min(text.length(), digit.end() + 40);
            found.add("\"" + digit.group() + "\" in \"" + text.substring(from, to).replaceAll("\\s+", " ").strip() + "\"");
        }
        return found;
    }
}
