package org.gcmreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The steps every signed-in journey shares, taken with the keyboard as a person would: sign in through the login
 * page, sign out, open a task from the inbox. Users come from {@code TestUsers}; {@link #canSignIn} gives them a
 * password so they can use the login form.
 */
public final class SignedInJourney {

    public static final String PASSWORD = "journey-password";

    private final Browser browser;

    public SignedInJourney(Browser browser) {
        this.browser = browser;
    }

    /** Gives a test user a real password, so the journey signs in through the login form and not around it. */
    public static CurrentUser canSignIn(CurrentUser user, JdbcClient jdbc, PasswordEncoder encoder) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(encoder.encode(PASSWORD), user.id())
                .update();
        return user;
    }

    /** Signs in through the login form with the keyboard; every user lands on the inbox, a stakeholder on theirs. */
    public void signIn(CurrentUser user) {
        // a stakeholder has no tasks: they land on their consultations
        signIn(user.username(), user.is(Role.STAKEHOLDER) ? "/my-consultations" : "/tasks");
    }

    /**
     * Signs in through the login form with the keyboard as this name (a user name, or an e-mail address) with the
     * journey's password, and lands on this page (e.g. the second step of a two-factor sign-in).
     */
    public void signIn(String name, String landing) {
        browser.visit("/login");
        browser.tabTo(By.id("username"));
        browser.type(name);
        browser.tabTo(By.id("password"));
        browser.type(PASSWORD);
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).as("signed in as " + name).isEqualTo(landing);
    }

    /** Signs the current user out with the keyboard. */
    public void signOut() {
        browser.tabTo(By.xpath("//button[normalize-space()='Sign out']"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/login?logout");
    }

    /** Signs the current user out with the keyboard, then the next one in. */
    public void switchTo(CurrentUser user) {
        signOut();
        signIn(user);
    }

    /**
     * The inbox link to the task with this name in this review (business key); fails if the inbox does not list
     * exactly one.
     */
    public By inboxTask(String taskName, String businessKey) {
        By link = By.xpath("//table//tr[td[normalize-space()='" + businessKey + "']]//a[normalize-space()='"
                + taskName + "']");
        assertThat(browser.findAll(link)).as("inbox rows '%s' of %s", taskName, businessKey).hasSize(1);
        return link;
    }

    /** Opens a task from the inbox with Tab and Enter. */
    public void openFromInbox(String taskName, String businessKey) {
        assertThat(browser.path()).isEqualTo("/tasks");
        browser.tabTo(inboxTask(taskName, businessKey));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).startsWith("/tasks/");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(taskName);
    }

    /** The button with this text, for {@link Browser#tabTo}. */
    public By button(String text) {
        return By.xpath("//button[normalize-space()='" + text + "']");
    }

    /** The confirmation the layout shows after an action (role=status). */
    public String confirmation() {
        WebElement flash = browser.find(By.cssSelector("main .flash[role=status]"));
        // after a completed task it is a panel: a heading ("Done") over the message, which says what comes next
        return "div".equals(flash.getTagName()) ? flash.findElement(By.tagName("p")).getText() : flash.getText();
    }
}
