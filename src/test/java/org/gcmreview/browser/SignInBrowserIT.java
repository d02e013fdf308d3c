package org.gcmreview.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.browser.AnonymousVisitorBrowserIT.assertNoScripts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Signing in and out through the real login form, with the keyboard only. */
@BrowserTest
class SignInBrowserIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    /**
     * The demo data creates coordinator.ken; until that is on main, the test creates the same user. Either way
     * the first one wins, so the test works with and without the demo seeder.
     */
    @BeforeEach
    void kenyasCoordinatorExists() {
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, email, role, country_iso3)
                values ('coordinator.ken', ?, 'Kenya national coordinator', 'coordinator.ken@example.org',
                        'COORDINATOR', 'KEN')
                on conflict (username) do nothing""")
                .param(passwordEncoder.encode("demo"))
                .update();
    }

    @Test
    void theCoordinatorSignsInWithTheKeyboardLandsOnTheTaskListAndSignsOut(Browser browser) {
        browser.visit("/login");
        assertNoScripts(browser);

        browser.tabTo(By.id("username"));
        browser.type("coordinator.ken");
        assertThat(browser.tabTo(By.id("password"))).as("Tab presses from user name to password").isEqualTo(1);
        browser.type("demo");
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("My tasks");
        assertThat(browser.find(By.cssSelector(".account")).getText()).contains("Sign out");
        assertNoScripts(browser);

        browser.tabTo(By.xpath("//button[normalize-space()='Sign out']"));
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(browser.path()).isEqualTo("/login?logout");
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("You have signed out.");
        browser.visit("/tasks");
        assertThat(browser.path()).as("signed out: the task list asks to sign in again").isEqualTo("/login");
    }

    @Test
    void aPageOutsideTheCoordinatorsRoleSaysSoInWords(Browser browser) {
        signIn(browser, "coordinator.ken", "demo");

        browser.visit("/secretariat", 403);

        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("You cannot open this page");
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("Exception", "Forbidden");
        assertNoScripts(browser);
    }

    @Test
    void aWrongPasswordShowsAnErrorTiedToTheForm(Browser browser) {
        browser.visit("/login");

        browser.tabTo(By.id("username"));
        browser.type("coordinator.ken");
        browser.tabTo(By.id("password"));
        browser.type("not-the-password");
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(browser.path()).isEqualTo("/login?error");
        WebElement error = browser.find(By.cssSelector("[role=alert]"));
        assertThat(error.getText()).isEqualTo("The user name or password is not right. Please try again.");
        String errorId = error.getDomAttribute("id");
        assertThat(errorId).isNotBlank();
        for (String field : new String[] {"username", "password"}) {
            WebElement input = browser.find(By.id(field));
            assertThat(input.getDomAttribute("aria-describedby")).as(field + " described by the error")
                    .isEqualTo(errorId);
            assertThat(input.getDomAttribute("aria-invalid")).as(field + " marked invalid").isEqualTo("true");
        }
        assertThat(browser.findAll(By.linkText("Sign in"))).as("still signed out").hasSize(1);
    }

    /** Signs in through the login form with the keyboard only, as the journeys above do step by step. */
    static void signIn(Browser browser, String username, String password) {
        browser.visit("/login");
        browser.tabTo(By.id("username"));
        browser.type(username);
        browser.tabTo(By.id("password"));
        browser.type(password);
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).as("signed in as " + username).isEqualTo("/tasks");
    }
}
