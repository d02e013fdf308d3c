package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.gcmreview.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Kenya's people for the national-cycle browser journeys: each journey makes its own accounts (password
 * {@code demo}) and signs in and out through the real login page, as a user does.
 */
final class BrowserTeam {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    BrowserTeam(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    String user(String role, Long ministryId) {
        String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, email, role, country_iso3, ministry_id)
                values (?, ?, ?, ?, ?, 'KEN', ?)""")
                .params(username, passwordEncoder.encode("demo"), "Browser " + username, username + "@example.org",
                        role, ministryId)
                .update();
        return username;
    }

    void signIn(Browser browser, String username) {
        browser.visit("/login");
        browser.find(By.id("username")).sendKeys(username);
        WebElement password = browser.find(By.id("password"));
        password.sendKeys("demo");
        browser.after(password::submit);
        assertThat(browser.path()).isEqualTo("/tasks");
    }

    void switchUser(Browser browser, String username) {
        browser.after(() -> button(browser, "Sign out").click());
        signIn(browser, username);
    }

    static void script(Browser browser, String script, Object... args) {
        browser.driver().executeScript(script, args);
    }

    static WebElement button(Browser browser, String text) {
        return browser.find(By.xpath("//button[normalize-space()='" + text + "']"));
    }
}
