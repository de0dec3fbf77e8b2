package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.Browser;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import dev.hookdesk.webhooks.Signer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two agents work a ticket in headless Chromium from the desk alone (SPEC §9): every control
 * is the API's action, a receiver on loopback gets each event signed with the agent as actor
 * via "console", the other agent's open page follows without a reload, and no page logs a
 * JavaScript error. Saves desk-inbox.png and desk-ticket.png (target/screenshots) for the README.
 */
@DbTest
class DeskTicketBrowserTest {
  static final String PASSWORD = "purple otter rides the tram";
  static final ObjectMapper JSON = new ObjectMapper();

  static TestNode node;
  static Receiver receiver;
  static Browser ana;
  static Browser ben;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    receiver = Receiver.answering(200);
    ana = Browser.start();
    ben = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (ben != null) ben.close();
    if (ana != null) ana.close();
    if (receiver != null) receiver.close();
    if (node != null) node.close();
  }

  @Test
  void twoAgentsWorkATicketFromTheDeskAlone() {
    Api admin = node.admin();
    String webhook = admin.post("/webhooks", Api.json(Map.of("scope", "global", "url", receiver.url(),
        "events", List.of("ticket.*"), "private", false))).expect(201).str("/id");
    String secret = admin.get("/webhooks/" + webhook + "/secret").expect(200).str("/secret");
    String anaId = agent(admin, "Ana Silva", "ana@example.com");
    String benId = agent(admin, "Ben Okafor", "ben@example.com");
    admin.post("/teams", Api.json(Map.of("name", "Tier 2", "agent_ids", List.of(anaId, benId)))).expect(201);
    admin.post("/queues", Api.json(Map.of("name", "Billing"))).expect(201);
    admin.post("/queues", Api.json(Map.of("name", "Hardware"))).expect(201);
    String ticket = ticket(admin, "Printer on fire", "Rita Requester", "rita@example.com");
    ticket(admin, "Toner smells odd", "Rita Requester", "rita@example.com");
    String sam = ticket(admin, "Invoice shows the wrong VAT", "Sam Smith", "sam@shop.example");
    admin.put("/tickets/" + sam + "/assignee", Api.json(Map.of("agent_id", benId))).expect(200);
    ticket(admin, "Cannot sign in on the app", "Lee Park", "lee@example.com");

    WebDriver web = ana.driver();
    acceptInvitation(ana, admin, anaId);
    assertThat(shown(ana, By.id("who")).getText()).contains("Ana Silva");
    assertThat(web.findElements(By.id("settings"))).as("no Settings for an agent").isEmpty();
    noErrors(ana, "Mine");

    web.findElement(By.linkText("Open")).click();
    ana.waiting().until(ExpectedConditions.urlToBe(node.baseUrl() + "/desk/views/open"));
    assertThat(web.findElement(By.id("count-open")).getText()).startsWith("4");
    assertThat(web.findElement(By.linkText("Billing")).getAttribute("href")).contains("/desk/queues/que_");
    save(ana, "desk-inbox");
    noErrors(ana, "Open");

    web.findElement(By.linkText("New ticket")).click();
    shown(ana, By.id("subject"));
    press(ana, "Open ticket");
    assertThat(shown(ana, By.id("subject-error")).getText()).isEqualTo("subject is required");
    assertThat(ana.consoleErrors()).as("only the form's own 422, no JavaScript error")
        .allMatch(m -> m.contains("/desk/tickets - Failed to load resource") && m.contains("422"));
    web.findElement(By.linkText("Tickets")).click();
    ana.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("Open"))).click();
    ana.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("Printer on fire"))).click();
    ana.waiting().until(ExpectedConditions.urlToBe(node.baseUrl() + "/desk/tickets/" + ticket));
    assertThat(shown(ana, By.id("requester-email")).getText()).isEqualTo("rita@example.com");
    assertThat(web.findElement(By.id("other-tickets")).getText()).contains("Toner smells odd");
    noErrors(ana, "ticket page");

    // Ben has the same ticket open; a marker on his window shows it is never reloaded
    acceptInvitation(ben, admin, benId);
    ben.driver().get(node.baseUrl() + "/desk/tickets/" + ticket);
    shown(ben, By.id("conversation"));
    ((JavascriptExecutor) ben.driver()).executeScript("window.hookdeskMarker = 'still here';");

    write(ana, "reply", "On my way with an extinguisher.");
    press(ana, "Send reply");
    assertThat(shown(ana, By.cssSelector("#conversation li.public:last-child")).getText())
        .contains("Public reply").contains("Ana Silva").contains("On my way");
    new WebDriverWait(ben.driver(), Duration.ofSeconds(3)).ignoring(
            org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("conversation")).getText().contains("On my way"));
    assertThat(((JavascriptExecutor) ben.driver()).executeScript("return window.hookdeskMarker;"))
        .as("Ben's page was updated in place, not reloaded").isEqualTo("still here");

    write(ana, "note", "Third fire this month: check the fuser.");
    press(ana, "Add note");
    WebElement note = shown(ana, By.cssSelector("#conversation li.internal"));
    assertThat(note.getText()).startsWith("Internal note").contains("check the fuser");
    assertThat(note.getCssValue("background-color")).isNotEqualTo(
        web.findElement(By.cssSelector("#conversation li.public")).getCssValue("background-color"));

    press(ana, "Assign to me");
    assertThat(shown(ana, By.id("ticket-assignee")).getText()).isEqualTo("Ana Silva");
    new Select(web.findElement(By.id("assign-agent"))).selectByVisibleText("Ben Okafor");
    press(ana, "Assign");
    assertThat(shown(ana, By.id("ticket-assignee")).getText()).isEqualTo("Ben Okafor");
    press(ana, "Unassign");
    ana.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("ticket-assignee")));
    new Select(web.findElement(By.id("team-select"))).selectByVisibleText("Tier 2");
    press(ana, "Team");
    assertThat(shown(ana, By.id("ticket-team")).getText()).isEqualTo("Tier 2");
    new Select(web.findElement(By.id("queue-select"))).selectByVisibleText("Hardware");
    press(ana, "Queue");
    assertThat(shown(ana, By.id("ticket-queue")).getText()).isEqualTo("Hardware");
    new Select(web.findElement(By.id("priority"))).selectByVisibleText("urgent");
    web.findElement(By.id("tags")).sendKeys("fire, printer");
    press(ana, "Classify");
    assertThat(shown(ana, By.id("ticket-priority")).getText()).isEqualTo("urgent");
    save(ana, "desk-ticket");
    noErrors(ana, "ticket page after the controls");

    for (String[] step : new String[][] {{"Close", "closed"}, {"Reopen", "open"}, {"Spam", "open, spam"},
        {"Not spam", "open"}, {"Trash", "open, in the trash"}, {"Restore", "open"}, {"Close", "closed"},
        {"Archive", "closed, archived"}, {"Unarchive", "closed"}}) {
      press(ana, step[0]);
      ana.waiting().until(ExpectedConditions.textToBe(By.id("ticket-status"), step[1]));
    }
    assertThat(web.findElements(By.xpath("//button[normalize-space()='Archive']"))).as("only valid controls").hasSize(1);
    assertThat(web.findElements(By.xpath("//button[normalize-space()='Close']"))).isEmpty();
    noErrors(ana, "ticket page after the life cycle");
    new WebDriverWait(ben.driver(), Duration.ofSeconds(3))
        .until(ExpectedConditions.textToBe(By.id("ticket-status"), "closed"));
    noErrors(ben, "Ben's ticket page");

    List<String> expected = List.of("ticket.agent_replied", "ticket.answered", "ticket.comment_added",
        "ticket.assigned", "ticket.unassigned", "ticket.team_assigned", "ticket.queue_changed",
        "ticket.classified", "ticket.closed", "ticket.reopened", "ticket.spammed", "ticket.unspammed",
        "ticket.trashed", "ticket.untrashed", "ticket.archived", "ticket.unarchived");
    TestNode.await("every event of the desk's actions at the receiver", 15_000,
        () -> received(ticket).keySet().containsAll(expected));
    received(ticket).forEach((type, r) -> {
      JsonNode event = read(r.body());
      assertThat(event.at("/actor/type").asText()).as(type).isEqualTo("agent");
      assertThat(event.at("/actor/id").asText()).as(type).isEqualTo(anaId);
      assertThat(event.at("/actor/via").asText()).as(type).isEqualTo("console");
      String signature = "v1," + Signer.sign(Signer.key(secret), r.header("webhook-id"),
          Long.parseLong(r.header("webhook-timestamp")), r.body().getBytes(StandardCharsets.UTF_8));
      assertThat(r.header("webhook-signature")).as(type).contains(signature);
    });

    web.get(node.baseUrl() + "/console/settings/webhooks");
    assertThat(shown(ana, By.id("needs-admin")).getText()).contains("This needs an admin");
  }

  /** The receiver's requests about the ticket caused from the desk, by event type. */
  private static Map<String, Receiver.Request> received(String ticket) {
    Map<String, Receiver.Request> out = new LinkedHashMap<>();
    for (Receiver.Request r : receiver.requests()) {
      JsonNode e = read(r.body());
      if (ticket.equals(e.at("/data/ticket/id").asText()) && "console".equals(e.at("/actor/via").asText())) {
        out.put(e.get("type").asText(), r);
      }
    }
    return out;
  }

  private static String agent(Api admin, String name, String email) {
    return admin.post("/agents", Api.json(Map.of("name", name, "email", email))).expect(201).str("/id");
  }

  private static String ticket(Api admin, String subject, String name, String email) {
    return admin.post("/tickets", Api.json(Map.of("subject", subject, "body", "Please help.",
        "requester", Map.of("name", name, "email", email)))).expect(201).str("/id");
  }

  private static void acceptInvitation(Browser b, Api admin, String agentId) {
    String invite = admin.post("/agents/" + agentId + "/invitation").expect(201).str("/invite_url");
    b.driver().get(invite.replace("localhost", "127.0.0.1"));
    shown(b, By.id("password")).sendKeys(PASSWORD);
    b.driver().findElement(By.id("repeat")).sendKeys(PASSWORD);
    b.driver().findElement(By.id("set-password")).click();
    b.waiting().until(ExpectedConditions.urlToBe(node.baseUrl() + "/desk"));
  }

  private static void write(Browser b, String id, String text) {
    WebElement box = shown(b, By.id(id));
    box.clear();
    box.sendKeys(text);
  }

  /**
   * Clicks the button with this accessible name and waits for the page its form leads to (a
   * live refresh may swap the button out first, so staleness alone does not show the new page).
   */
  private static void press(Browser b, String name) {
    JavascriptExecutor js = (JavascriptExecutor) b.driver();
    js.executeScript("window.hookdeskLeaving = true;");
    b.waiting().ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
      d.findElement(By.xpath("//button[normalize-space()='" + name + "']")).click();
      return true;
    });
    b.waiting().until(d -> js.executeScript("return window.hookdeskLeaving === undefined "
        + "&& document.readyState === 'complete';"));
  }

  private static void noErrors(Browser b, String page) {
    assertThat(b.consoleErrors()).as("JavaScript errors on " + page).isEmpty();
  }

  private static WebElement shown(Browser b, By by) {
    return b.waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Saved under target/screenshots; the README's copy in docs/ is refreshed by hand. */
  private static void save(Browser b, String name) {
    b.screenshot(name);
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
