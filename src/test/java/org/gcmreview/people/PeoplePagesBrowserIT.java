package org.gcmreview.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.gcmreview.browser.SignedInJourney;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people pages in a real browser, with the keyboard: an administrator invites a coordinator, who sets a
 * password through the link, adds a ministry and invites its focal point. Every page passes the accessibility,
 * weight and no-other-host checks, the refused forms and the dead link's page too.
 */
@BrowserTest
class PeoplePagesBrowserIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    TestUsers users;

    @Test
    void fromAnInvitationToACountrysMinistriesAndFocalPoints(Browser browser) {
        CurrentUser admin = SignedInJourney.canSignIn(users.admin(), jdbc, passwordEncoder);
        signIn(browser, admin.username());
        String email = "coordinator." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        browser.visit("/admin/accounts");
        browser.tabTo(By.xpath("//form//button[normalize-space()='Send invitation']"));
        browser.after(() -> browser.press(Keys.ENTER), 400);
        assertThat(browser.find(By.id("role-error")).getText()).isEqualTo("Choose a role.");
        browser.find(By.id("role-COORDINATOR")).click();
        new Select(browser.find(By.id("country"))).selectByValue("KEN");
        browser.tabTo(By.id("displayName"));
        browser.type("Browser Coordinator");
        browser.tabTo(By.id("email"));
        browser.type(email);
        browser.tabTo(By.xpath("//form//button[normalize-space()='Send invitation']"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/admin/accounts");
        assertThat(browser.find(By.className("flash")).getText()).contains(email);

        // the link the mail carries (mail is off here, so it went to the log): a link of our own for the account
        long coordinator = jdbc.sql("select id from app_user where username = ?").param(email).query(Long.class)
                .single();
        String token = UUID.randomUUID() + "-" + UUID.randomUUID();
        jdbc.sql("update password_link set used_at = now() where user_id = ?").param(coordinator).update();
        jdbc.sql("""
                insert into password_link (user_id, token_sha256, purpose, expires_at)
                values (?, ?, 'INVITATION', now() + interval '1 hour')""")
                .params(coordinator, PasswordLinks.sha256(token)).update();
        browser.driver().manage().deleteAllCookies();
        browser.visit("/password?token=" + token);
        browser.tabTo(By.id("password"));
        browser.type(SignedInJourney.PASSWORD);
        browser.tabTo(By.id("passwordRepeated"));
        browser.type(SignedInJourney.PASSWORD);
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/login?passwordSet");
        browser.visit("/password?token=" + token, 404);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("This link does not work");

        signIn(browser, email);
        browser.visit("/country/ministries");
        browser.tabTo(By.id("code"));
        browser.type("BROWSER");
        browser.tabTo(By.id("name"));
        browser.type("Ministry of Browsing");
        browser.find(By.id("new-lang-en")).click();
        browser.tabTo(By.xpath("//form//button[normalize-space()='Add ministry']"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/country/ministries");
        assertThat(browser.find(By.tagName("table")).getText()).contains("BROWSER");

        browser.visit("/country/focal-points");
        new Select(browser.find(By.id("ministry"))).selectByVisibleText("Ministry of Browsing");
        browser.tabTo(By.id("displayName"));
        browser.type("Browser Focal Point");
        browser.tabTo(By.id("email"));
        browser.type("focal." + email);
        browser.tabTo(By.xpath("//form//button[normalize-space()='Send invitation']"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/country/focal-points");
        assertThat(browser.find(By.tagName("table")).getText()).contains("Browser Focal Point")
                .contains("Ministry of Browsing").contains("invited, no password yet");
    }

    private static void signIn(Browser browser, String username) {
        new SignedInJourney(browser).signIn(username, "/tasks");
    }
}
