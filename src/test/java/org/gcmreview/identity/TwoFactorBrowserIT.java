package org.gcmreview.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.gcmreview.browser.SignedInJourney;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * "Forgot your password?" and two-factor sign-in in a real browser, with the keyboard: asking for a reset link,
 * setting up an authenticator from the key on the page, the recovery codes, the code step after the password
 * (a wrong code, then the right one), and the country and administrator settings. Every page passes the
 * accessibility (axe), weight and no-other-host checks, the refused code too.
 */
@BrowserTest
class TwoFactorBrowserIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    TestUsers users;

    @Test
    void resetLinkThenSettingUpAndSigningInWithACode(Browser browser) {
        CurrentUser coordinator = withPassword(users.coordinator("KEN"));

        browser.visit("/login");
        browser.tabTo(By.linkText("Forgot your password?"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/password/forgotten");
        browser.tabTo(By.id("name"));
        browser.type("nobody-" + UUID.randomUUID() + "@example.org");
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/login?resetRequested");

        signIn(browser, coordinator.username(), "/tasks");
        browser.visit("/account/two-factor");
        browser.tabTo(By.xpath("//form//button[normalize-space()='Set up an authenticator']"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.find(By.cssSelector("svg.qr-code")).isDisplayed()).isTrue();
        byte[] key = Base32.decode(browser.find(By.id("secret")).getText());
        browser.tabTo(By.id("code"));
        browser.type("000000".equals(Totp.code(key, Totp.step(Instant.now()))) ? "111111" : "000000");
        browser.after(() -> browser.press(Keys.ENTER), 400);
        browser.tabTo(By.id("code"));
        browser.type(Totp.code(key, Totp.step(Instant.now())));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.findAll(By.cssSelector("#recovery-codes li"))).hasSize(10);
        long used = jdbc.sql("select last_used_step from totp_credential where user_id = ?").param(coordinator.id())
                .query(Long.class).single();

        browser.visit("/country/two-factor");
        assertThat(browser.find(By.id("country-status")).getText()).contains("does not require");

        signOut(browser);
        signIn(browser, coordinator.username(), "/login/code");
        browser.tabTo(By.id("code"));
        browser.type(Totp.code(key, used));
        browser.after(() -> browser.press(Keys.ENTER), 400);
        assertThat(browser.find(By.id("code-error")).getText()).contains("not right");
        browser.tabTo(By.id("code"));
        browser.type(Totp.code(key, Math.max(used + 1, Totp.step(Instant.now()))));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/tasks");

        signOut(browser);
        CurrentUser admin = withPassword(users.admin());
        signIn(browser, admin.username(), "/tasks");
        browser.visit("/admin/two-factor");
        browser.visit("/account/two-factor");
        assertThat(browser.find(By.tagName("main")).getText()).contains("Two-factor sign-in is off");
    }

    private CurrentUser withPassword(CurrentUser user) {
        return SignedInJourney.canSignIn(user, jdbc, passwordEncoder);
    }

    private static void signIn(Browser browser, String username, String landing) {
        new SignedInJourney(browser).signIn(username, landing);
    }

    private static void signOut(Browser browser) {
        new SignedInJourney(browser).signOut();
    }
}
