package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@ApplicationTest
class LanguageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;

    @Test
    void browserLanguageChoosesTheBundle() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "fr-CH, en;q=0.5"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Rapports publiés")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"fr\"")));
        mvc.perform(get("/").header("Accept-Language", "de-DE"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Published reports")));
    }

    @Test
    void arabicIsRightToLeftAndTheChoiceIsKeptInACookie() throws Exception {
        var chosen = mvc.perform(post("/language").param("lang", "ar").param("return", "/reference/objectives")
                        .with(csrf()))
                .andExpect(redirectedUrl("/reference/objectives"))
                .andExpect(cookie().exists(UserLocaleResolver.COOKIE))
                .andReturn();
        Cookie cookie = chosen.getResponse().getCookie(UserLocaleResolver.COOKIE);
        mvc.perform(get("/").cookie(cookie))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("dir=\"rtl\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("التقارير المنشورة")));
    }

    @Test
    void aSignedInUsersChoiceIsSavedInTheirProfile() throws Exception {
        CurrentUser user = users.coordinator("KEN");
        mvc.perform(post("/language").param("lang", "es").with(TestUsers.as(user)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select preferred_language from app_user where id = ?").param(user.id())
                .query(String.class).single()).isEqualTo("es");
        // another browser, no cookie: the saved preference applies
        mvc.perform(get("/tasks").with(TestUsers.as(user)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Mis tareas")));
    }

    @Test
    void theSavedPreferenceIsReadOncePerSession() throws Exception {
        CurrentUser user = users.coordinator("KEN");
        jdbc.sql("update app_user set preferred_language = 'fr' where id = ?").param(user.id()).update();
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/tasks").session(session).with(TestUsers.as(user)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Mes tâches")));
        // changed on another device: this session keeps what it read, a new session reads the new choice
        jdbc.sql("update app_user set preferred_language = 'es' where id = ?").param(user.id()).update();
        mvc.perform(get("/tasks").session(session).with(TestUsers.as(user)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Mes tâches")));
        mvc.perform(get("/tasks").session(new MockHttpSession()).with(TestUsers.as(user)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Mis tareas")));
        // a choice made in this session applies to it at once, even in a request without the cookie
        mvc.perform(post("/language").param("lang", "ar").session(session).with(TestUsers.as(user)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/tasks").session(session).with(TestUsers.as(user)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("dir=\"rtl\"")));
    }

    @Test
    void unsupportedLanguagesAndForeignReturnAddressesAreRefused() throws Exception {
        mvc.perform(post("/language").param("lang", "xx").with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/language").param("lang", "fr").param("return", "//evil.example/").with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/language").param("lang", "fr").param("return", "https://evil.example/").with(csrf()))
                .andExpect(redirectedUrl("/"));
        // no CSRF token needed: a cross-site post changes nothing but the sender's own language, and the switch on
        // public pages must not cost a session (issue 13); the return address is still only ever local
        mvc.perform(post("/language").param("lang", "fr").param("return", "https://evil.example/"))
                .andExpect(redirectedUrl("/"));
    }

    /** A cookie the product did not write (edited, stale, hostile) is ignored, never echoed, never an error. */
    @Test
    void unknownLanguageCookiesFallBackToTheDefault() throws Exception {
        for (String value : new String[] {"../../etc", "..", "de", "xx-YY", "en_GB_..", "-", "fr-CA"}) {
            mvc.perform(get("/").cookie(new Cookie(UserLocaleResolver.COOKIE, value)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Language", "en"))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"en\"")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.containsString("lang=\"" + value + "\""))));
        }
        // without a usable cookie the browser's language applies, as if there were no cookie
        mvc.perform(get("/").cookie(new Cookie(UserLocaleResolver.COOKIE, "../../etc"))
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Language", "fr"));
    }

    @Test
    void junkInAcceptLanguageFallsBackToTheDefault() throws Exception {
        for (String junk : new String[] {"../../etc", "*;q=abc", "xx-YY, ;;;, q=1", "tlh", "en-", "ar;q=2"}) {
            mvc.perform(get("/").header("Accept-Language", junk))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Language", "en"))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"en\"")));
        }
    }

    @Test
    void chineseAndRussianHaveTheirOwnText() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "zh-CN, en;q=0.5"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"zh\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已发布的报告")));
        mvc.perform(get("/").header("Accept-Language", "ru"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"ru\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Опубликованные доклады")));
    }
}
