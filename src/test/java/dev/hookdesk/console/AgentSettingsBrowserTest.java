package dev.hookdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.desk.web.DeskClient;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.Browser;
import dev.hookdesk.testing.TestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Settings → Agents the way an admin uses it, in headless Chromium: signed in with her password,
 * she opens Settings → Agents from the desk, adds an agent (a typo in the email is shown beside
 * the field), invites him and copies the link; he opens it, chooses a password and lands in the
 * desk. Screenshot: target/screenshots/settings-agents.png (the README's docs/ copy).
 */
class AgentSettingsBrowserTest {
  static final String PASSWORD = "lantern moss quietly hums";
  static TestNode node;
  static Browser browser;
  static WebDriver web;
  static final List<String> errors = new ArrayList<>();

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
  void anAdminAddsAndInvitesAnAgentWhoChoosesAPasswordAndLandsInTheDesk() throws Exception {
    Api token = node.admin();
    // the workspace's first admin comes from the API; the rest of the team from the page
    String maya = token.post("/agents", Api.json(Map.of("name", "Maya Okafor", "email", "maya@example.com",
        "role", "admin"))).expect(201).str("/id");
    new DeskClient(node.baseUrl()).choose(token.post("/agents/" + maya + "/invitation").expect(201)
        .str("/invite_url"), PASSWORD);
    String leo = token.post("/agents", Api.json(Map.of("name", "Leo Brandt", "email", "leo@example.com")))
        .expect(201).str("/id");
    token.post("/agents/" + leo + "/invitation").expect(201);
    String sam = token.post("/agents", Api.json(Map.of("name", "Sam Reed", "email", "sam@example.com")))
        .expect(201).str("/id");
    token.patch("/agents/" + sam, Api.json(Map.of("active", false))).expect(200);
    token.post("/agents", Api.json(Map.of("name", "Triage bot", "kind", "bot"))).expect(201);

    signIn("maya@example.com");
    shown(By.id("settings")).click();
    shown(By.linkText("Agents")).click();
    browser.waiting().until(ExpectedConditions.urlToBe(node.baseUrl() + "/console/settings/agents"));
    assertThat(rowOf("Sam Reed").getText()).contains("Deactivated");
    assertThat(rowOf("Leo Brandt").getText()).contains("Invited").contains("link expires");
    assertThat(rowOf("Triage bot").getText()).contains("Bot");

    shown(By.id("name")).sendKeys("Ana Silva");
    web.findElement(By.id("email")).sendKeys("ana@example");
    new Select(web.findElement(By.id("role"))).selectByVisibleText("Agent");
    click(By.id("add-agent"));
    assertThat(shown(By.id("email-error")).getText()).contains("is not an email address");
    browser.consoleErrors(); // the refusal's 422, which the browser logs as a failed load
    assertThat(web.findElement(By.id("name")).getAttribute("value")).isEqualTo("Ana Silva");
    WebElement email = web.findElement(By.id("email"));
    email.clear();
    email.sendKeys("ana@example.com");
    click(By.id("add-agent"));
    assertThat(shown(By.id("added")).getText()).contains("Ana Silva was added");
    assertThat(rowOf("Ana Silva").getText()).contains("ana@example.com").contains("Not invited yet");

    WebElement invite = rowOf("Ana Silva").findElement(By.xpath(".//button[normalize-space()='Invite']"));
    assertThat(invite.getAttribute("aria-label")).isEqualTo("Invite Ana Silva");
    click(invite);
    String link = shown(By.id("invite-url")).getText();
    assertThat(link).startsWith(node.node().publicUrl().resolve("/invite/"));
    assertThat(shown(By.id("new-invitation")).getText()).contains("Hookdesk sends no email");
    assertThat(rowOf("Ana Silva").getText()).contains("Invited").contains("Invite again");
    checkNoScriptErrors("settings");
    browser.wholePage("settings-agents");
    WebElement copy = web.findElement(By.cssSelector("button[data-copy='invite-url']"));
    copy.click();
    browser.waiting().until(d -> copy.getText().equals("Copied"));

    click(By.id("sign-out"));
    web.get(link.replace("localhost", "127.0.0.1"));
    assertThat(shown(By.id("invitee-email")).getText()).isEqualTo("ana@example.com");
    web.findElement(By.id("password")).sendKeys(PASSWORD);
    web.findElement(By.id("repeat")).sendKeys(PASSWORD);
    web.findElement(By.id("set-password")).click();
    browser.waiting().until(ExpectedConditions.urlToBe(node.baseUrl() + "/desk"));
    assertThat(shown(By.id("who")).getText()).contains("Ana Silva").contains("agent");
    assertThat(web.findElements(By.id("settings"))).as("no Settings for an agent").isEmpty();
    checkNoScriptErrors("desk");

    click(By.id("sign-out"));
    signIn("maya@example.com");
    web.get(node.baseUrl() + "/console/settings/agents");
    assertThat(rowOf("Ana Silva").getText()).contains("Active").contains("Invite again");
    assertThat(errors).as("JavaScript errors").isEmpty();
  }

  private static void signIn(String email) {
    if (!web.getCurrentUrl().contains("/sign-in")) web.get(node.baseUrl() + "/sign-in");
    shown(By.id("email")).sendKeys(email);
    web.findElement(By.id("password")).sendKeys(PASSWORD);
    click(By.id("sign-in"));
    browser.waiting().until(ExpectedConditions.urlToBe(node.baseUrl() + "/desk"));
  }

  /** Clicks and waits for the page it leads to, so the next look-up is not of the old page. */
  private static void click(By by) {
    click(shown(by));
  }

  private static void click(WebElement element) {
    element.click();
    browser.waiting().until(ExpectedConditions.stalenessOf(element));
  }

  private static WebElement rowOf(String name) {
    return shown(By.xpath("//tr[.//span[@class='agent-name' and normalize-space()='" + name + "']]"));
  }

  private static void checkNoScriptErrors(String where) {
    browser.consoleErrors().forEach(e -> errors.add(where + ": " + e));
  }

  private static WebElement shown(By by) {
    return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }
}
