package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.Browser;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A visitor in the widget and two agents in the chat console, each in their own headless
 * Chromium: the chat arrives live, they talk both ways, a colleague is invited and accepts,
 * leaves, and the chat is closed with a note; a receiver on loopback gets every step.
 */
@DbTest
class ChatConsoleBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aVisitorAndTwoAgentsWorkAChatLiveAndEveryStepReachesAReceiver() throws Exception {
    try (Receiver receiver = Receiver.answering(Receiver.Reply.of(204, Map.of(), new byte[0]));
        TestNode node = TestNode.start(); Browser visitor = Browser.start();
        Browser ada = Browser.start(); Browser ben = Browser.start()) {
      Api admin = node.admin();
      admin.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
      admin.patch("/sources/website", Api.json(Map.of("allowed_origins", List.of(node.baseUrl()))))
          .expect(200);
      var hook = admin.post("/webhooks", Api.json(Map.of("scope", "live_support", "private", false,
          "url", receiver.url("/chats"),
          "events", List.of("chat.*"))));
      assertThat(hook.status()).as(hook.text()).isEqualTo(201);
      String adaId = signIn(node, admin, ada, "Ada Agent", "ada@example.com");
      String benId = signIn(node, admin, ben, "Ben Backup", "ben@example.com");
      ada.driver().get(node.baseUrl() + "/desk/chats");
      ben.driver().get(node.baseUrl() + "/desk/chats");
      button(ada, "Online").click();
      ada.waiting().until(ExpectedConditions.attributeToBe(By.cssSelector("button.status-online"),
          "aria-pressed", "true"));

      WebDriver v = visitor.driver();
      v.get(node.baseUrl() + "/widget/demo?workspace=" + node.node().defaultWorkspaceId());
      button(visitor, "Chat with us").click();
      field(visitor, "Name").sendKeys("Vera Visitor");
      field(visitor, "Email").sendKeys("vera@example.com");
      button(visitor, "Start chat").click();
      visitor.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("hdw-agent"), "Ada Agent"));

      // routed to Ada: it appears in her list without a reload
      WebElement link = ada.waiting().until(ExpectedConditions.elementToBeClickable(
          By.xpath("//ul[@id='my-chats']//a[normalize-space()='Vera Visitor']")));
      link.click();
      ada.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("visitor-email"), "vera@example.com"));
      assertThat(ada.driver().findElement(By.id("visitor-source")).getText()).isEqualTo("website");
      typeAndSend(ada, "Hello Vera, how can I help?");
      visitor.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".hdw-log"), "Hello Vera, how can I help?"));
      field(visitor, "Message").sendKeys("<b>My order</b> is late");
      button(visitor, "Send").click();
      ada.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
          By.id("conversation"), "<b>My order</b> is late"));
      assertThat(ada.driver().findElements(By.cssSelector("#conversation b"))).as("shown as text").isEmpty();
      assertThat(ada.driver().findElements(By.cssSelector("#conversation li"))).as("each line once").hasSize(2);

      new Select(ada.driver().findElement(By.id("invite-agent"))).selectByVisibleText("Ben Backup");
      button(ada, "Invite").click();
      ada.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("invited"), "Ben Backup"));
      ben.waiting().until(ExpectedConditions.elementToBeClickable(
          By.xpath("//ul[@id='invitations']//a[normalize-space()='Vera Visitor']"))).click();
      button(ben, "Accept").click();
      ben.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("participants"), "Ben Backup"));
      ada.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("participants"), "Ben Backup"));
      typeAndSend(ben, "Ben here, I will check the courier.");
      ada.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
          By.id("conversation"), "Ben here, I will check the courier."));
      visitor.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".hdw-log"), "Ben here, I will check the courier."));
      ada.driver().findElement(By.id("message")).click();
      shoot(ada, "desk-chats");

      button(ben, "Leave").click();
      ada.waiting().until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
          By.id("participants"), "Ben Backup")));
      ada.driver().findElement(By.id("close-note")).sendKeys("Courier delayed; refund offered");
      button(ada, "Close").click();
      ada.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status-value"), "completed"));
      visitor.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='Rate']")));

      TestNode.await("every step at the receiver", 10_000, () -> types(received(receiver)).containsAll(List.of(
          "chat.message_sent", "chat.message_received", "chat.invitation_received",
          "chat.invitation_accepted", "chat.agent_joined", "chat.agent_left", "chat.closed")));
      List<JsonNode> received = received(receiver);
      assertThat(actor(received, "chat.message_sent", adaId)).isNotNull();
      for (String type : List.of("chat.invitation_received", "chat.closed")) {
        JsonNode e = byType(received, type);
        assertThat(e.at("/actor/type").asText()).isEqualTo("agent");
        assertThat(e.at("/actor/id").asText()).isEqualTo(adaId);
        assertThat(e.at("/actor/via").asText()).isEqualTo("console");
      }
      for (String type : List.of("chat.invitation_accepted", "chat.agent_left")) {
        JsonNode e = byType(received, type);
        assertThat(e.at("/actor/id").asText()).isEqualTo(benId);
        assertThat(e.at("/actor/via").asText()).isEqualTo("console");
      }
      String chatId = byType(received, "chat.closed").at("/data/chat/id").asText();
      assertThat(admin.get("/chats/" + chatId).expect(200).str("/close_record/note"))
          .isEqualTo("Courier delayed; refund offered");
      assertThat(actor(received, "chat.message_sent", benId).at("/actor/via").asText()).isEqualTo("console");
      assertThat(node.schemaViolations()).isEmpty();
      assertThat(visitor.consoleErrors()).isEmpty();
      assertThat(ada.consoleErrors()).isEmpty();
      assertThat(ben.consoleErrors()).isEmpty();
    }
  }

  private static List<JsonNode> received(Receiver receiver) {
    return receiver.requests().stream().map(Receiver.Request::json).toList();
  }

  private static String signIn(TestNode node, Api admin, Browser b, String name, String email) {
    String id = admin.post("/agents", Api.json(Map.of("name", name, "email", email, "status", "offline",
        "max_chats", 5))).expect(201).str("/id");
    String invite = admin.post("/agents/" + id + "/invitation").expect(201).str("/invite_url");
    b.driver().get(invite.replace("localhost", "127.0.0.1"));
    b.driver().findElement(By.id("password")).sendKeys(DeskSignInBrowserTest.PASSWORD);
    b.driver().findElement(By.id("repeat")).sendKeys(DeskSignInBrowserTest.PASSWORD);
    b.driver().findElement(By.id("set-password")).click();
    b.waiting().until(ExpectedConditions.urlToBe(node.baseUrl() + "/desk"));
    return id;
  }

  private static void typeAndSend(Browser b, String text) {
    WebElement box = b.waiting().until(ExpectedConditions.elementToBeClickable(By.id("message")));
    box.sendKeys(text);
    b.driver().findElement(By.xpath("//form[@id='compose']//button[normalize-space()='Send']")).click();
    b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), text));
  }

  /** Saved under target/screenshots; the README's copy in docs/ is refreshed by hand. */
  private static void shoot(Browser b, String name) throws IOException {
    b.screenshot(name);
  }

  private static List<String> types(List<JsonNode> events) {
    return events.stream().map(e -> e.path("type").asText()).toList();
  }

  private static JsonNode byType(List<JsonNode> events, String type) {
    return events.stream().filter(e -> e.path("type").asText().equals(type)).findFirst().orElseThrow();
  }

  private static JsonNode actor(List<JsonNode> events, String type, String agentId) {
    return events.stream().filter(e -> e.path("type").asText().equals(type)
        && e.at("/actor/id").asText().equals(agentId)).findFirst().orElseThrow();
  }

  private static WebElement button(Browser browser, String name) {
    return browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space()='" + name + "' and not(ancestor::*[@hidden])]")));
  }

  private static WebElement field(Browser browser, String label) {
    return browser.waiting().until(d -> {
      for (WebElement l : d.findElements(By.xpath("//label[normalize-space()='" + label + "']"))) {
        if (l.isDisplayed()) return d.findElement(By.id(l.getAttribute("for")));
      }
      return null;
    });
  }
}
