package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.Browser;
import dev.hookdesk.testing.TestNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An invited agent's first day, in headless Chromium: an admin adds and invites her in Settings →
 * Agents; screenshots land in target/screenshots.
 */
class DeskSignInBrowserTest {
  static final String PASSWORD = "purple otter rides the tram";

  static TestNode node;
  static Browser browser;
  static WebDriver web;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    browser = Browser.start();
    web = browser.driver();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (node != null) node.close();
  }

  @Test
  void anInvitedAgentSetsAPasswordWorksTheDeskAndIsLockedOutByWrongPasswords() {
    // the admin adds Ana in Settings → Agents (signed in with the admin token) and invites her there
    web.get(node.baseUrl() + "/console");
    shown(By.id("token")).sendKeys(TestNode.OWNER_TOKEN);
    web.findElement(By.id("sign-in")).click();
    shown(By.linkText("Agents")).click();
    shown(By.id("name")).sendKeys("Ana Silva");
    web.findElement(By.id("email")).sendKeys("ana@example.com");
    web.findElement(By.id("add-agent")).click();
    shown(By.id("added"));
    WebElement row = shown(By.xpath("//tr[.//span[normalize-space()='Ana Silva']]"));
    String agent = row.getAttribute("data-agent");
    Api admin = node.admin();
    String ticket = admin.post("/tickets", Api.json(Map.of("subject", "Printer on fire", "body", "Help",
        "requester", Map.of("name", "Rita Requester", "email", "rita@example.com")))).expect(201).str("/id");
    admin.put("/tickets/" + ticket + "/assignee", Api.json(Map.of("agent_id", agent))).expect(200);
    row.findElement(By.xpath(".//button[normalize-space()='Invite']")).click();
    String invite = shown(By.id("invite-url")).getText();
    web.findElement(By.id("sign-out")).click();
    shown(By.id("token"));

    web.get(invite.replace("localhost", "127.0.0.1"));
    assertThat(shown(By.id("invitee-email")).getText()).isEqualTo("ana@example.com");
    browser.screenshot("desk-01-choose-password");
    web.findElement(By.id("password")).sendKeys("short one");
    web.findElement(By.id("repeat")).sendKeys("short one");
    web.findElement(By.id("set-password")).click();
    assertThat(shown(By.id("password-error")).getText()).contains("at least 12 characters");
    web.findElement(By.id("password")).sendKeys(PASSWORD);
    web.findElement(By.id("repeat")).sendKeys(PASSWORD);
    web.findElement(By.id("set-password")).click();

    browser.waiting().until(ExpectedConditions.urlToBe(node.baseUrl() + "/desk"));
    assertThat(shown(By.id("who")).getText()).contains("Ana Silva").contains("agent");
    assertThat(web.findElements(By.id("settings"))).as("no Settings link for an agent").isEmpty();
    WebElement mine = shown(By.cssSelector("tr[data-ticket='" + ticket + "']"));
    assertThat(mine.getText()).contains("Printer on fire").contains("Rita Requester").contains("open");
    browser.screenshot("desk-02-mine");

    web.findElement(By.id("sign-out")).click();
    assertThat(shown(By.id("notice")).getText()).isEqualTo("You are signed out.");
    signIn("ana@example.com", PASSWORD);
    browser.waiting().until(ExpectedConditions.urlToBe(node.baseUrl() + "/desk"));

    web.get(node.baseUrl() + "/console/settings/webhooks");
    assertThat(shown(By.id("needs-admin")).getText()).contains("This needs an admin");
    browser.screenshot("desk-03-needs-an-admin");
    web.findElement(By.linkText("Back to the desk")).click();
    shown(By.id("sign-out")).click();

    for (int i = 1; i <= 10; i++) signIn("ana@example.com", "not my password " + i);
    assertThat(shown(By.id("sign-in-error")).getText()).contains("locked for 15 minutes");
    signIn("ana@example.com", PASSWORD);
    assertThat(shown(By.id("sign-in-error")).getText()).as("the right password while locked")
        .contains("locked for 15 minutes");
    for (int i = 1; i <= 10; i++) signIn("nobody@example.com", "not my password " + i);
    assertThat(shown(By.id("sign-in-error")).getText()).as("an unknown email reads the same")
        .contains("locked for 15 minutes");
    browser.screenshot("desk-04-locked");
    assertThat(web.getCurrentUrl()).isEqualTo(node.baseUrl() + "/sign-in");
  }

  private void signIn(String email, String password) {
    if (!web.getCurrentUrl().endsWith("/sign-in")) web.get(node.baseUrl() + "/sign-in");
    WebElement field = shown(By.id("email"));
    field.clear();
    field.sendKeys(email);
    web.findElement(By.id("password")).sendKeys(password);
    WebElement button = web.findElement(By.id("sign-in"));
    button.click();
    // the answer is a new page, often /sign-in again: wait until the old one is gone, or the next
    // look-up may find this page's field just before it is replaced
    browser.waiting().until(ExpectedConditions.stalenessOf(button));
  }

  private WebElement shown(By by) {
    return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }
}
