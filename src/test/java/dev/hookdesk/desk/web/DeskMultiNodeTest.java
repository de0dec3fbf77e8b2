package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.Browser;
import dev.hookdesk.testing.TestDatabase;
import dev.hookdesk.testing.TestNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two nodes on one PostgreSQL schema: an agent's ticket page is open on node B, an integration
 * answers through node A's API, and LISTEN/NOTIFY wakes B's live reader, so the page shows the
 * reply without a reload; an agent deactivated through A loses B's stream at once. Always
 * PostgreSQL.
 */
class DeskMultiNodeTest {
  static final String PASSWORD = "purple otter rides the tram";

  @Test
  void aTicketPageOnNodeBShowsAReplyPostedThroughNodeA() throws Exception {
    try (TestDatabase db = TestDatabase.createPostgres()) {
      Map<String, String> shared = new HashMap<>(db.settings());
      shared.put("HOOKDESK_SECRET_KEY", "multi-node-test-secret-key-0123456789");
      try (TestNode a = TestNode.start(shared); TestNode b = TestNode.start(shared);
          Browser browser = Browser.start()) {
        Api onA = a.admin();
        String agent = onA.post("/agents", Api.json(Map.of("name", "Ana Silva", "email", "ana@example.com")))
            .expect(201).str("/id");
        String ticket = onA.post("/tickets", Api.json(Map.of("subject", "Printer on fire", "body", "Help",
            "requester", Map.of("name", "Rita", "email", "rita@example.com")))).expect(201).str("/id");
        String invite = b.admin().post("/agents/" + agent + "/invitation").expect(201).str("/invite_url");

        WebDriver web = browser.driver();
        web.get(invite.replace("localhost", "127.0.0.1"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")))
            .sendKeys(PASSWORD);
        web.findElement(By.id("repeat")).sendKeys(PASSWORD);
        web.findElement(By.id("set-password")).click();
        browser.waiting().until(ExpectedConditions.urlToBe(b.baseUrl() + "/desk"));
        web.get(b.baseUrl() + "/desk/tickets/" + ticket);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation")));
        ((JavascriptExecutor) web).executeScript("window.hookdeskMarker = 'still here';");

        onA.post("/tickets/" + ticket + "/replies", Api.json(Map.of("author_type", "agent",
            "author_id", agent, "body", "Answered on node A"))).expect(201);
        new WebDriverWait(web, Duration.ofSeconds(3)).ignoring(
                org.openqa.selenium.StaleElementReferenceException.class)
            .until(d -> d.findElement(By.id("conversation")).getText().contains("Answered on node A"));
        assertThat(((JavascriptExecutor) web).executeScript("return window.hookdeskMarker;"))
            .as("updated in place, not reloaded").isEqualTo("still here");
        assertThat(browser.consoleErrors()).isEmpty();
      }
    }
  }

  @Test
  void deactivatingAnAgentOnNodeAEndsTheirLiveStreamOnNodeB() throws Exception {
    try (TestDatabase db = TestDatabase.createPostgres()) {
      Map<String, String> shared = new HashMap<>(db.settings());
      shared.put("HOOKDESK_SECRET_KEY", "multi-node-test-secret-key-0123456789");
      try (TestNode a = TestNode.start(shared); TestNode b = TestNode.start(shared)) {
        ChatDesk onB = ChatDesk.agent(b.admin(), b.baseUrl(), "Ana Silva", "online");
        try (var live = onB.stream("/desk/live", null)) {
          a.admin().patch("/agents/" + onB.agentId, Api.json(Map.of("active", false))).expect(200);
          // a NOTIFY from A's commit, well before B's own check at the stream's heartbeat
          TestNode.await("B's stream to end", SessionStreamsTest.PROMPTLY, live::ended);
        }
      }
    }
  }
}
