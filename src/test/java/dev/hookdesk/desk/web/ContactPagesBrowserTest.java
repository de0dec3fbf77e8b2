package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.Browser;
import dev.hookdesk.testing.DbTest;
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

/**
 * An agent works a contact in headless Chromium: list, search, page, edit (an error beside the
 * field, then success), block, delete; every page free of script errors.
 */
@DbTest
class ContactPagesBrowserTest {
  static final String PASSWORD = "purple otter rides the tram";

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
  void anAgentFindsEditsBlocksAndDeletesAContact() throws Exception {
    Api admin = node.admin();
    String agent = admin.post("/agents", Api.json(Map.of("name", "Ana Silva", "email", "ana@example.com")))
        .expect(201).str("/id");
    String invite = admin.post("/agents/" + agent + "/invitation").expect(201).str("/invite_url");
    new DeskClient(node.baseUrl()).choose(invite, PASSWORD);
    String maria = admin.post("/contacts", Api.json(Map.of("name", "Maria Jensen", "email", "maria@example.com",
        "phone", "+45 20 12 34 56"))).expect(201).str("/id");
    admin.patch("/contacts/" + maria, Api.json(Map.of("external_id", "crm-48213"))).expect(200);
    String ticket = admin.post("/tickets", Api.json(Map.of("subject", "Printer on fire", "body", "Help",
        "requester_id", maria))).expect(201).str("/id");
    admin.post("/contacts", Api.json(Map.of("name", "<img src=x onerror=alert(1)>", "email", "x@example.com")))
        .expect(201);
    admin.post("/contacts", Api.json(Map.of("name", "Kim Lee", "email", "kim@example.com"))).expect(201);

    web.get(node.baseUrl() + "/sign-in");
    shown(By.id("email")).sendKeys("ana@example.com");
    web.findElement(By.id("password")).sendKeys(PASSWORD);
    web.findElement(By.id("sign-in")).click();
    browser.waiting().until(ExpectedConditions.urlToBe(node.baseUrl() + "/desk"));

    web.findElement(By.linkText("Contacts")).click();
    assertThat(shown(By.id("contacts")).getText()).contains("Maria Jensen").contains("Kim Lee")
        .contains("<img src=x onerror=alert(1)>");
    assertThat(web.findElements(By.cssSelector("#contacts img"))).as("a name is text, not markup").isEmpty();
    assertThat(web.findElement(By.linkText("Contacts")).getAttribute("aria-current")).isEqualTo("page");
    checkNoScriptErrors("contact list");

    web.findElement(By.id("contact-search")).sendKeys("crm-482");
    web.findElement(By.id("search")).click();
    WebElement row = shown(By.cssSelector("tr[data-contact='" + maria + "']"));
    assertThat(web.findElements(By.cssSelector("#contacts tbody tr"))).hasSize(1);
    row.findElement(By.linkText("Maria Jensen")).click();

    assertThat(shown(By.id("contact-details")).getText()).contains("maria@example.com").contains("crm-48213");
    WebElement ticketLink = web.findElement(By.cssSelector("#contact-tickets a"));
    assertThat(ticketLink.getText()).isEqualTo("Printer on fire");
    assertThat(ticketLink.getAttribute("href")).isEqualTo(node.baseUrl() + "/desk/tickets/" + ticket);
    checkNoScriptErrors("contact page");

    WebElement email = web.findElement(By.id("email"));
    email.clear();
    email.sendKeys("maria at example");
    web.findElement(By.xpath("//button[normalize-space()='Save']")).click();
    WebElement error = shown(By.id("email-error"));
    assertThat(error.getText()).contains("is not an email address");
    assertThat(web.findElement(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(web.findElement(By.id("email")).getAttribute("aria-describedby")).isEqualTo("email-error");
    assertThat(web.findElement(By.id("email")).getAttribute("value")).isEqualTo("maria at example");
    assertThat(admin.get("/contacts/" + maria).str("/email")).as("nothing written").isEqualTo("maria@example.com");
    checkNoScriptErrors("edit with an error");

    email = web.findElement(By.id("email"));
    email.clear();
    email.sendKeys("maria.jensen@example.com");
    web.findElement(By.xpath("//label[normalize-space()='Phone']")).click();
    web.findElement(By.id("phone")).clear();
    web.findElement(By.id("save")).click();
    assertThat(shown(By.id("notice")).getText()).isEqualTo("Saved.");
    assertThat(web.findElement(By.id("contact-details")).getText()).contains("maria.jensen@example.com");
    JsonNode updated = last(admin, "contact.updated");
    assertThat(updated.at("/actor/id").asText()).isEqualTo(agent);
    assertThat(updated.at("/actor/via").asText()).isEqualTo("console");
    assertThat(updated.at("/data/changes/email/to").asText()).isEqualTo("maria.jensen@example.com");
    assertThat(updated.at("/data/changes/phone/to").isNull()).isTrue();
    screenshot();

    web.findElement(By.xpath("//button[normalize-space()='Block']")).click();
    // the answer is the same page with the new state: wait for the text, re-finding the element
    // (the old page's contact-state may be found just before the new page replaces it)
    browser.waiting().until(ExpectedConditions.textToBe(By.id("contact-state"), "Blocked"));
    assertThat(web.findElements(By.id("block"))).isEmpty();
    assertThat(last(admin, "contact.blocked").at("/actor/via").asText()).isEqualTo("console");
    checkNoScriptErrors("blocked");

    web.findElement(By.xpath("//button[normalize-space()='Delete']")).click();
    assertThat(shown(By.id("confirm-title")).getText()).isEqualTo("Delete Maria Jensen?");
    assertThat(admin.get("/contacts/" + maria).at("/deleted_at").isNull()).as("asked first").isTrue();
    web.findElement(By.id("cancel-delete")).click();
    shown(By.id("contact-details"));
    web.findElement(By.id("delete")).click();
    shown(By.id("confirm-delete")).click();
    assertThat(shown(By.id("notice")).getText()).contains("deleted");
    assertThat(web.findElements(By.cssSelector("tr[data-contact='" + maria + "']"))).isEmpty();
    JsonNode deleted = admin.get("/contacts/" + maria).expect(200).json();
    assertThat(deleted.get("deleted_at").isNull()).isFalse();
    assertThat(deleted.get("email").isNull()).isTrue();
    assertThat(last(admin, "contact.deleted").at("/actor/id").asText()).isEqualTo(agent);
    checkNoScriptErrors("deleted");
    assertThat(errors).as("JavaScript errors").isEmpty();
  }

  private static JsonNode last(Api admin, String type) {
    JsonNode data = admin.get("/events?type=" + type + "&limit=500").expect(200).at("/data");
    return data.get(data.size() - 1);
  }

  /** Script errors and failed loads, but not the 4xx of the page itself (a form with errors is one). */
  private static void checkNoScriptErrors(String where) {
    String page = web.getCurrentUrl() + " - Failed to load resource";
    browser.consoleErrors().stream().filter(e -> !e.startsWith(page))
        .forEach(e -> errors.add(where + ": " + e));
  }

  /** The contact page after an edit; README's docs/desk-contact.png is a copy of it. */
  private static void screenshot() {
    browser.wholePage("desk-contact");
  }

  private static WebElement shown(By by) {
    return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }
}
