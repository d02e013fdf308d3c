package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The page header's menu and account area, for a visitor and for each role, on ordinary and error pages. */
@ApplicationTest
class NavigationTest {

    private static final Pattern MENU_LINK = Pattern.compile("<li><a href=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;

    @Test
    void eachRoleSeesItsOwnEntries() throws Exception {
        assertThat(menu(get("/"))).containsExactly("/consultations", "/published", "/reference/objectives");
        assertThat(menu(get("/").with(TestUsers.as(users.coordinator("KEN")))))
                .containsExactly("/tasks", "/cycles", "/country/ministries", "/country/focal-points", "/consultations",
                        "/published", "/reference/objectives");
        assertThat(menu(get("/").with(TestUsers.as(users.ministry("KEN", "INTERIOR")))))
                .containsExactly("/tasks", "/consultations", "/published", "/reference/objectives");
        assertThat(menu(get("/").with(TestUsers.as(users.regionalSecretariat("ECA")))))
                .containsExactly("/tasks", "/secretariat", "/consultations", "/published", "/reference/objectives");
        assertThat(menu(get("/").with(TestUsers.as(users.imrfSecretariat()))))
                .containsExactly("/tasks", "/secretariat", "/consultations", "/published", "/reference/objectives");
        // a stakeholder has no tasks: their own consultations instead
        assertThat(menu(get("/").with(TestUsers.as(users.stakeholder("KEN", "Navigation forum")))))
                .containsExactly("/my-consultations", "/consultations", "/published", "/reference/objectives");
        assertThat(menu(get("/").with(TestUsers.as(users.admin()))))
                .containsExactly("/tasks", "/admin/rounds", "/admin/accounts", "/admin/notices", "/consultations",
                        "/published", "/reference/objectives");
    }

    @Test
    void theAccountAreaNamesTheUserEscapedAndOffersSignOut() throws Exception {
        CurrentUser user = users.coordinator("KEN");
        jdbc.sql("update app_user set display_name = ? where id = ?").params("<b>Amina</b>", user.id()).update();
        CurrentUser renamed = new CurrentUser(user.id(), user.username(), "<b>Amina</b>", user.email(), user.role(),
                user.countryIso3(), user.ministryId(), user.ministryCode(), user.organisationId(),
                user.commissionCode());
        String account = account(page(get("/").with(TestUsers.as(renamed))));
        assertThat(account).contains("<bdi>&lt;b&gt;Amina&lt;/b&gt;</bdi>").contains("action=\"/logout\"")
                .doesNotContain("href=\"/login\"");
        assertThat(account(page(get("/")))).contains("href=\"/login\"").doesNotContain("action=\"/logout\"")
                .doesNotContain("<bdi>");
        // the home page invites only a signed-out visitor to sign in
        assertThat(page(get("/"))).contains("Sign in to your workspace");
        assertThat(page(get("/").with(TestUsers.as(renamed)))).doesNotContain("Sign in to your workspace")
                .contains("Go to your workspace").contains("href=\"/tasks\"");
        // a stakeholder's workspace is their consultations (they have no task list)
        CurrentUser stakeholder = users.stakeholder("KEN", "Home page test organisation");
        assertThat(page(get("/").with(TestUsers.as(stakeholder)))).doesNotContain("Sign in to your workspace")
                .contains("Go to your workspace").contains("href=\"/my-consultations\"")
                .doesNotContain("href=\"/tasks\"");
    }

    @Test
    void errorPagesKeepTheSignedInHeader() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        // MockMvc does not forward to /error itself: call it as the servlet container would
        MockHttpServletRequestBuilder notFound = get("/error").with(TestUsers.as(coordinator))
                .requestAttr("jakarta.servlet.error.status_code", 404)
                .requestAttr("jakarta.servlet.error.request_uri", "/no/such/page").accept(MediaType.TEXT_HTML);
        assertThat(account(page(notFound))).contains("action=\"/logout\"")
                .contains("<bdi>" + coordinator.displayName() + "</bdi>");
        assertThat(menu(notFound)).containsExactly("/tasks", "/cycles", "/country/ministries",
                "/country/focal-points", "/consultations", "/published", "/reference/objectives");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    private static String account(String page) {
        int start = page.indexOf("<div class=\"account\">");
        return page.substring(start, page.indexOf("</div>", start));
    }

    private List<String> menu(MockHttpServletRequestBuilder request) throws Exception {
        String page = page(request);
        String nav = page.substring(page.indexOf("<nav"), page.indexOf("</nav>"));
        List<String> links = new ArrayList<>();
        Matcher m = MENU_LINK.matcher(nav);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }
}
