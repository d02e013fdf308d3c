package org.gcmreview.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.http.Cookie;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Sessions as in production: Spring Session JDBC on (the other MockMvc tests keep container sessions, see
 * src/test/resources/config/application.yml), driven with the session cookie as a browser would. That two app
 * nodes share these sessions is proven by org.gcmreview.reliability.ScaleOutIT.
 */
@ApplicationTest(properties = "spring.autoconfigure.exclude=")
class SharedSessionTest {

    private static final String PASSWORD = "Wombat-Harbour-5820";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SessionRepository<?> sessions;
    @Autowired
    TestUsers users;

    CurrentUser coordinator;
    String passwordHash;

    @BeforeEach
    void coordinatorWithAPassword() {
        passwordHash = passwordEncoder.encode(PASSWORD);
        coordinator = users.withPasswordHash(users.coordinator("KEN"), passwordHash);
    }

    @Test
    void theSignedInSessionIsStoredInTheDatabase() throws Exception {
        Cookie session = signIn();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = ?")
                .param(sessionId(session)).query(String.class).single()).isEqualTo(coordinator.username());
        mvc.perform(get("/tasks").cookie(session)).andExpect(status().isOk());
    }

    /** Session fixation: whatever session id someone planted before sign-in is worthless after it. */
    @Test
    void signingInIssuesANewSessionIdAndTheOldOneIsDropped() throws Exception {
        MvcResult loginPage = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
        Cookie anonymous = loginPage.getResponse().getCookie("SESSION");
        assertThat(anonymous).as("the login form's CSRF token lives in a session").isNotNull();
        assertThat(count("select count(*) from spring_session where session_id = ?", sessionId(anonymous)))
                .isEqualTo(1);

        MvcResult signIn = mvc.perform(post("/login").cookie(anonymous)
                        .param("username", coordinator.username()).param("password", PASSWORD)
                        .param("_csrf", csrfToken(loginPage)))
                .andExpect(redirectedUrl("/tasks")).andReturn();
        Cookie signedIn = signIn.getResponse().getCookie("SESSION");

        assertThat(signedIn).isNotNull();
        assertThat(sessionId(signedIn)).isNotEqualTo(sessionId(anonymous));
        mvc.perform(get("/tasks").cookie(signedIn)).andExpect(status().isOk());
        mvc.perform(get("/tasks").cookie(anonymous)).andExpect(redirectedUrlPattern("**/login"));
        assertThat(count("select count(*) from spring_session where session_id = ?", sessionId(anonymous)))
                .isZero();
    }

    @Test
    void neitherThePasswordNorItsHashIsStoredInTheSession() throws Exception {
        Cookie session = signIn();
        byte[] stored = jdbc.sql("""
                select string_agg(a.attribute_bytes, ''::bytea) from spring_session_attributes a
                  join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?""")
                .param(sessionId(session)).query(byte[].class).single();
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(coordinator.username()).doesNotContain(PASSWORD).doesNotContain(passwordHash);
    }

    @Test
    void signingOutDeletesTheSession() throws Exception {
        Cookie session = signIn();
        MvcResult tasks = mvc.perform(get("/tasks").cookie(session)).andExpect(status().isOk()).andReturn();
        mvc.perform(post("/logout").cookie(session).param("_csrf", csrfToken(tasks)))
                .andExpect(redirectedUrl("/login?logout"));
        assertThat(count("select count(*) from spring_session where session_id = ?", sessionId(session))).isZero();
        mvc.perform(get("/tasks").cookie(session)).andExpect(redirectedUrlPattern("**/login"));
    }

    /**
     * Two requests of one session (two tabs) both add the same attribute, e.g. a flash message: the second save
     * must not fail on the attribute's primary key (PostgreSQL upsert, SharedSessionConfiguration).
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"}) // the repository's session class is not public
    void twoRequestsOfOneSessionMayAddTheSameAttribute() {
        SessionRepository repository = (SessionRepository) sessions;
        Session created = repository.createSession();
        repository.save(created);
        Session firstTab = repository.findById(created.getId());
        Session secondTab = repository.findById(created.getId());
        firstTab.setAttribute("flash", "first");
        secondTab.setAttribute("flash", "second");
        repository.save(firstTab);
        repository.save(secondTab);
        assertThat((String) repository.findById(created.getId()).getAttribute("flash")).isEqualTo("second");
        repository.deleteById(created.getId());
    }

    /**
     * Spring Session commits a session twice when the response is committed early (a redirect, a flushed page)
     * and read it again for the second commit; SessionStore answers that read from the session just saved.
     */
    @Test
    void aPageAndARedirectEachReadTheirSessionOnce() throws Exception {
        Cookie session = signIn();
        MvcResult[] page = new MvcResult[1];
        List<String> statements = sessionStatements(() -> page[0] = mvc.perform(get("/tasks").cookie(session))
                .andExpect(status().isOk()).andReturn());
        assertThat(statements).filteredOn(sql -> sql.startsWith("SELECT")).hasSize(1);

        // a redirect that changes the session: read once, and the change is stored all the same
        statements = sessionStatements(() -> mvc.perform(post("/language").cookie(session)
                        .param("lang", "fr").param("return", "/tasks").param("_csrf", csrfToken(page[0])))
                .andExpect(redirectedUrl("/tasks")));
        assertThat(statements).filteredOn(sql -> sql.startsWith("SELECT")).hasSize(1);
        assertThat(statements).anyMatch(sql -> sql.contains("SPRING_SESSION_ATTRIBUTES"));
        String french = mvc.perform(get("/tasks").cookie(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(french).contains("<html lang=\"fr\"");
    }

    /** What a request remembers of its session ends with it: the next request on the thread reads it anew. */
    @Test
    void aSessionDeletedBetweenTwoRequestsIsGoneForTheSecond() throws Exception {
        Cookie session = signIn();
        mvc.perform(get("/tasks").cookie(session)).andExpect(status().isOk());
        jdbc.sql("delete from spring_session where session_id = ?").param(sessionId(session)).update();
        mvc.perform(get("/tasks").cookie(session)).andExpect(redirectedUrlPattern("**/login"));
    }

    /** A request within a minute of the stored last access leaves the session's row alone; a later one moves it. */
    @Test
    void aSessionsLastAccessIsWrittenAtMostOnceAMinute() throws Exception {
        Cookie session = signIn();
        List<String> statements = sessionStatements(() -> mvc.perform(get("/tasks").cookie(session))
                .andExpect(status().isOk()));
        assertThat(statements).noneMatch(sql -> sql.startsWith("UPDATE SPRING_SESSION SET"));

        setLastAccess(session, 61);
        statements = sessionStatements(() -> mvc.perform(get("/tasks").cookie(session))
                .andExpect(status().isOk()));
        assertThat(statements).filteredOn(sql -> sql.startsWith("UPDATE SPRING_SESSION SET")).hasSize(1);
        assertThat(count("select (extract(epoch from now()) * 1000)::bigint - last_access_time from spring_session"
                + " where session_id = ?", sessionId(session))).isBetween(0L, 10_000L);
    }

    /** The last access written once a minute still ends a session after 30 minutes without a request. */
    @Test
    void aSessionUnusedForThirtyMinutesHasEnded() throws Exception {
        Cookie session = signIn();
        setLastAccess(session, 29 * 60);
        mvc.perform(get("/tasks").cookie(session)).andExpect(status().isOk());
        setLastAccess(session, 30 * 60 + 1);
        mvc.perform(get("/tasks").cookie(session)).andExpect(redirectedUrlPattern("**/login"));
    }

    private void setLastAccess(Cookie session, long secondsAgo) {
        jdbc.sql("""
                update spring_session set last_access_time = (extract(epoch from now()) - ?) * 1000,
                       expiry_time = (extract(epoch from now()) - ?) * 1000 + max_inactive_interval * 1000
                 where session_id = ?""").params(secondsAgo, secondsAgo, sessionId(session)).update();
    }

    private Cookie signIn() throws Exception {
        MvcResult loginPage = mvc.perform(get("/login")).andReturn();
        MvcResult signIn = mvc.perform(post("/login").cookie(loginPage.getResponse().getCookie("SESSION"))
                        .param("username", coordinator.username()).param("password", PASSWORD)
                        .param("_csrf", csrfToken(loginPage)))
                .andExpect(redirectedUrl("/tasks")).andReturn();
        return signIn.getResponse().getCookie("SESSION");
    }

    private static String csrfToken(MvcResult page) throws Exception {
        Matcher token = CSRF.matcher(page.getResponse().getContentAsString());
        assertThat(token.find()).as("a form with a CSRF token").isTrue();
        return token.group(1);
    }

    /** Spring Session's cookie carries the session id in Base64. */
    private static String sessionId(Cookie cookie) {
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }

    interface Request {
        void perform() throws Exception;
    }

    /** The statements Spring Session sent to the session tables while the request ran (JdbcTemplate's log). */
    private static List<String> sessionStatements(Request request) throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
        Level level = log.getLevel();
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        log.setLevel(Level.DEBUG);
        try {
            request.perform();
        } finally {
            log.setLevel(level);
            log.detachAppender(seen);
        }
        return seen.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("Executing prepared SQL statement [")
                        && message.contains("SPRING_SESSION"))
                .map(message -> message.substring("Executing prepared SQL statement [".length())
                        .replaceAll("\\s+", " "))
                .toList();
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
