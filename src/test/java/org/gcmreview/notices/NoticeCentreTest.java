package org.gcmreview.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.cycle.TestSmtp;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 18 part 4: the notification centre lists a person's notices (a task offered by the real process, in the
 * reader's language), each can be marked read, the header counts the unread ones; each person chooses per kind
 * of notice e-mail at once, a daily digest grouped by cycle, or nothing, through the signed link at the foot of
 * every notice mail (GET shows, POST changes, RFC 8058 one-click stops all). Real mail through GreenMail.
 */
@ApplicationTest(properties = "gcm.mail.enabled=true")
class NoticeCentreTest {

    static final int SMTP_PORT = TestSmtp.freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = TestSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.sendMailTo(registry, SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Notices notices;
    @Autowired
    NoticeDigest digest;
    @Autowired
    MailSettingsLinks links;

    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    @BeforeEach
    void setUp() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void aTaskOfferedByTheProcessIsInTheCentreOfEveryoneItIsOfferedToInTheirLanguage() throws Exception {
        String ministry = "N" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser focal = users.ministry("KEN", ministry);
        CurrentUser colleague = users.ministry("KEN", ministry);
        jdbc.sql("update app_user set preferred_language = 'fr' where id = ?").param(colleague.id()).update();
        CurrentUser otherMinistry = users.ministry("KEN", ministry + "X");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(focal.ministryId()), Map.of(1, focal.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        String businessKey = cycles.businessKey(cycleId);

        // the coordinator was offered the scoping task when the cycle started
        assertThat(kinds(coordinator)).contains("TASK_OFFERED");
        assertThat(kinds(focal)).containsExactly("TASK_OFFERED");
        assertThat(kinds(colleague)).containsExactly("TASK_OFFERED");
        assertThat(kinds(otherMinistry)).isEmpty();

        String page = mvc.perform(get("/notices").with(TestUsers.as(focal))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("New task: Draft contribution (" + businessKey + ")", "Notices (1 new)");
        String pageInFrench = mvc.perform(get("/notices").with(TestUsers.as(colleague))
                        .header("Accept-Language", "fr")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(pageInFrench).contains("Nouvelle tâche : ", businessKey).doesNotContain("New task");

        // marking read: the count goes, and nobody can mark another person's notice
        long id = jdbc.sql("select id from notice where user_id = ?").param(focal.id()).query(Long.class).single();
        mvc.perform(post("/notices/" + id + "/read").with(TestUsers.as(colleague)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/notices/" + id + "/read").with(TestUsers.as(focal)).with(csrf()))
                .andExpect(redirectedUrl("/notices"));
        assertThat(mvc.perform(get("/tasks").with(TestUsers.as(focal))).andReturn().getResponse()
                .getContentAsString()).contains(">Notices<").doesNotContain("new)");
        // task offers come in the digest by default: no mail yet
        assertThat(TestSmtp.mails(greenMail)).noneMatch(m -> m.to().contains(focal.email()));
    }

    @Test
    void eachPersonChoosesHowEachKindComesByMailAndTheDigestGroupsByCycle() throws Exception {
        CurrentUser atOnce = users.ministry("KEN", "INTERIOR");
        CurrentUser daily = users.ministry("KEN", "INTERIOR");
        jdbc.sql("update app_user set preferred_language = 'es' where id = ?").param(daily.id()).update();
        CurrentUser never = users.ministry("KEN", "INTERIOR");
        jdbc.sql("insert into notice_preference values (?, 'DUE_SOON', 'DIGEST'), (?, 'DUE_SOON', 'NONE')")
                .params(daily.id(), never.id()).update();

        notices.notify(NoticeKind.DUE_SOON, List.of(atOnce, daily, never),
                new NoticeText("notices.text.TASK_OFFERED", List.of("msg:task.name.draft-contribution", "KEN-A"),
                        "/tasks", "KEN-A"), null);
        notices.notify(NoticeKind.DUE_SOON, List.of(daily),
                new NoticeText("notices.text.TASK_OFFERED", List.of("msg:task.name.scope-review", "KEN-B"), null,
                        "KEN-B"), null);

        // at once: one mail, in English, with the settings link in the text and in the RFC 8058 headers
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(TestSmtp.Received.of(mail).to()).containsExactly(atOnce.email());
        assertThat(mail.getSubject()).isEqualTo("New task: Draft contribution (KEN-A)");
        String link = links.url(atOnce.id());
        assertThat(TestSmtp.Received.of(mail).body()).contains("http://localhost:8080/tasks", link);
        assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<" + link + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        // everyone has it in the centre, whatever they chose for mail
        assertThat(kinds(never)).containsExactly("DUE_SOON");

        // the digest: one mail for the person who wanted it, in Spanish, grouped by cycle; nothing for the others
        greenMail.purgeEmailFromAllMailboxes();
        assertThat(digest.sendAll()).isEqualTo(1);
        List<TestSmtp.Received> digests = TestSmtp.mails(greenMail);
        assertThat(digests).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly(daily.email());
            assertThat(m.subject()).contains("2 aviso");
            assertThat(m.body()).contains("Examen KEN-A:\n- Nueva tarea: ", "Examen KEN-B:\n- Nueva tarea: ",
                    links.url(daily.id()));
            assertThat(m.body().indexOf("KEN-A:")).isLessThan(m.body().indexOf("KEN-B:"));
        });
        // and a digest lists a notice once
        assertThat(digest.sendAll()).isZero();
    }

    @Test
    void theLinkInAMailShowsTheSettingsWithoutSigningInAndPostChangesThem() throws Exception {
        CurrentUser person = users.ministry("KEN", "INTERIOR");
        String token = links.token(person.id());

        MvcResult shown = mvc.perform(get("/notices/mail-settings").param("token", token)).andExpect(status().isOk())
                .andReturn();
        assertThat(shown.getResponse().getContentAsString()).contains("Which notices you get by e-mail",
                "name=\"kind-DUE_SOON\"").doesNotContain("_csrf");
        // a scanner following the link changes nothing, and the page makes no session
        assertThat(shown.getRequest().getSession(false)).isNull();
        assertThat(choices(person)).isEmpty();

        mvc.perform(post("/notices/mail-settings").param("token", token).param("kind-COMMENT", "NONE")
                        .param("kind-DECISION", "DIGEST").param("kind-OVERDUE", "SOMETHING"))
                .andExpect(redirectedUrl("/notices/mail-settings?token=" + token + "&saved"));
        assertThat(choices(person)).containsExactlyInAnyOrder("COMMENT=NONE", "DECISION=DIGEST");

        // RFC 8058 one-click: the mail client posts to the header's link; every kind stops
        mvc.perform(post("/notices/mail-settings?token=" + token).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().is3xxRedirection());
        assertThat(choices(person)).hasSize(NoticeKind.values().length).allMatch(c -> c.endsWith("=NONE"));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'NOTICE_SETTINGS_CHANGED' "
                + "and subject_id = ?").param(String.valueOf(person.id())).query(Long.class).single()).isEqualTo(2);

        // a changed token is no key: another person's id with this signature, or a made-up signature
        CurrentUser other = users.ministry("KEN", "INTERIOR");
        String forged = other.id() + token.substring(token.indexOf('.'));
        mvc.perform(post("/notices/mail-settings").param("token", forged).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/notices/mail-settings").param("token", person.id() + ".abc")).andExpect(status().isNotFound());
        assertThat(choices(other)).isEmpty();
    }

    @Test
    void aVisitorsPageAsksForNoCountAndMakesNoSession() throws Exception {
        MvcResult home = mvc.perform(get("/consultations")).andExpect(status().isOk()).andReturn();
        assertThat(home.getResponse().getContentAsString()).doesNotContain("/notices");
        assertThat(home.getRequest().getSession(false)).isNull();
    }

    private List<String> kinds(CurrentUser user) {
        return jdbc.sql("select kind from notice where user_id = ? order by id").param(user.id()).query(String.class)
                .list();
    }

    private List<String> choices(CurrentUser user) {
        return jdbc.sql("select kind || '=' || delivery from notice_preference where user_id = ?").param(user.id())
                .query(String.class).list();
    }

    static List<String> headers(MimeMessage message, String name) throws Exception {
        String[] values = message.getHeader(name);
        return values == null ? List.of() : Arrays.asList(values);
    }
}
