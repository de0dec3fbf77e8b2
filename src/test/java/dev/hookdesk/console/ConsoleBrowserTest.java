package dev.hookdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Browser;
import dev.hookdesk.testing.TestNode;
import dev.hookdesk.webhooks.Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The tour a new admin takes, in headless Chromium; screenshots land in target/screenshots. */
class ConsoleBrowserTest {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

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
  void anAdminTakesTheTour() throws Exception {
    String agentToken = node.withRole("agent").token();

    web.get(node.baseUrl() + "/console");
    assertThat(web.findElement(By.cssSelector("label[for=token]")).getText()).isEqualTo("Admin API token");
    browser.screenshot("01-sign-in");

    signIn(agentToken);
    assertThat(shown(By.id("needs-admin")).getText())
        .contains("This needs an admin").contains("agent");
    browser.screenshot("02-needs-an-admin");

    web.get(node.baseUrl() + "/console");
    shown(By.id("token"));
    signIn(TestNode.OWNER_TOKEN);
    browser.waiting().until(ExpectedConditions.urlToBe(node.baseUrl() + "/console/settings/webhooks"));
    assertThat(tab("Registered").getAttribute("aria-current")).isEqualTo("page");
    assertThat(web.findElement(By.id("deliveries-enabled")).isSelected()).isTrue();
    assertThat(shown(By.cssSelector(".empty")).getText()).isEqualTo("No webhooks registered yet.");
    browser.screenshot("03-webhooks-registered");

    web.findElement(By.linkText("Inspector")).click();
    shown(By.id("bin-name")).sendKeys("Ticket webhooks");
    web.findElement(By.id("create-bin")).click();
    String captureUrl = shown(By.id("capture-url")).getText();
    assertThat(captureUrl).startsWith("http://localhost:" + node.node().port() + "/inspect/bin_");

    String body = "{\"id\":\"evt_1\",\"type\":\"ticket.created\",\"data\":{\"subject\":\"Printer on fire — ñ\"}}";
    assertThat(sendSigned(captureUrl, "evt_1", body, SECRET)).isEqualTo(200);
    browser.waiting().until(ExpectedConditions.attributeToBe(
        By.cssSelector("article.capture"), "data-signature", "no-secret"));

    web.findElement(By.id("verify-secret")).sendKeys(SECRET);
    web.findElement(By.id("verify")).click();
    browser.waiting().until(ExpectedConditions.attributeToBe(
        By.cssSelector("article.capture"), "data-signature", "verified"));

    // A request signed with another secret arrives while the page polls with ours.
    sendSigned(captureUrl, "evt_2", body, "whsec_" + "c29tZSBvdGhlciBzZWNyZXQ=");
    browser.waiting().until(d -> d.findElements(By.cssSelector("article.capture")).stream()
        .map(e -> e.getAttribute("data-signature")).toList().equals(List.of("mismatch", "verified")));
    assertThat(web.findElement(By.id("captures")).getText())
        .contains("POST").contains("Signature verified").contains("Signature does not match");
    assertThat(web.findElement(By.cssSelector("article.capture:last-child pre.body")).getText())
        .contains("\"subject\" : \"Printer on fire — ñ\"");
    web.manage().window().setSize(new Dimension(1280, 1300));
    browser.screenshot("04-inspector-verified");
    web.findElement(By.id("verify-secret")).clear();
    web.findElement(By.id("verify")).click();
    browser.waiting().until(ExpectedConditions.attributeToBe(
        By.cssSelector("article.capture"), "data-signature", "no-secret"));
    web.manage().window().setSize(new Dimension(390, 844));
    browser.screenshot("05-inspector-phone");
    web.manage().window().setSize(new Dimension(1280, 900));

    String webhookId = addWebhookToTheBin(captureUrl);
    receiveTheTicketSignedAndDelivered(webhookId);
    rotateTestDeleteAndRestore(webhookId);

    web.findElement(By.linkText("Webhooks")).click();
    shown(By.id("registered-title"));
    assertThat(web.findElement(By.cssSelector("#row-" + webhookId + " .rate")).getText()).isEqualTo("100 %");
    wholePage("13-webhooks-registered-with-one");
    tab("Security").click();
    String java = shown(By.id("snippet-java")).getText();
    assertThat(java).contains("HmacSHA256").contains("MessageDigest.isEqual");
    assertThat(web.findElement(By.id("example-signature")).getText())
        .isEqualTo(SecurityGuide.EXAMPLE.signature()).startsWith("v1,");
    assertThat(web.findElements(By.cssSelector("button[data-copy]"))).hasSize(3);
    browser.screenshot("14-webhooks-security");

    tab("Payload samples").click();
    shown(By.id("samples-title"));
    assertThat(web.findElements(By.cssSelector("article.sample")))
        .hasSize(node.node().catalog().all().size());
    assertThat(web.findElement(By.id("type-contact-created")).getText()).contains("contact.created");
    browser.screenshot("15-webhooks-payload-samples");

    web.findElement(By.id("sign-out")).click();
    assertThat(shown(By.cssSelector(".notice")).getText()).isEqualTo("You are signed out.");
    browser.screenshot("16-signed-out");
    web.get(node.baseUrl() + "/console/inspector");
    assertThat(web.getCurrentUrl()).isEqualTo(node.baseUrl() + "/console");
  }

  /** From the bin, the add form filled in with its URL; saving without events shows why it failed. */
  private static String addWebhookToTheBin(String captureUrl) {
    web.findElement(By.id("new-webhook-here")).click();
    assertThat(shown(By.id("url")).getAttribute("value")).isEqualTo(captureUrl);
    assertThat(web.findElement(By.id("description")).getAttribute("value")).isEqualTo("Inspector: Ticket webhooks");
    web.findElement(By.id("save-webhook")).click();
    assertThat(shown(By.id("events-error")).getText()).contains("events is required");
    assertThat(web.findElement(By.id("form-errors")).getText()).contains("The webhook was not saved");
    assertThat(web.findElement(By.id("url")).getAttribute("value")).isEqualTo(captureUrl);
    wholePage("06-webhook-form-fix-the-events");

    web.findElement(By.cssSelector("label[for=event-ticket-all]")).click();
    web.findElement(By.id("save-webhook")).click();
    assertThat(shown(By.id("webhook-url")).getText()).isEqualTo(captureUrl);
    assertThat(web.findElement(By.id("webhook-state")).getText()).isEqualTo("Enabled");
    String url = web.getCurrentUrl();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** A ticket made through the API reaches the bin signed with the webhook's own secret. */
  private static void receiveTheTicketSignedAndDelivered(String webhookId) {
    node.admin().post("/tickets", dev.hookdesk.testing.Api.json(java.util.Map.of(
        "subject", "Parcel arrived damaged", "body", "The kettle lid is cracked.",
        "requester", java.util.Map.of("name", "Maria Jensen", "email", "maria@example.com"))))
        .expect(201);
    web.findElement(By.linkText("Inspector")).click();
    web.findElement(By.partialLinkText("Ticket webhooks")).click();
    browser.waiting().until(d -> d.findElement(By.cssSelector("article.capture")).getText()
        .contains("\"type\" : \"ticket.created\""));
    var newest = web.findElement(By.cssSelector("article.capture"));
    assertThat(newest.getAttribute("data-signature")).isEqualTo("verified");
    assertThat(newest.getText()).contains("Signature verified").contains("[redacted]");
    wholePage("07-inspector-ticket-verified");

    web.get(node.baseUrl() + "/console/webhooks/" + webhookId);
    browser.waiting().until(d -> {
      if (!d.findElements(By.cssSelector("tr.delivery[data-status=succeeded]")).isEmpty()) return true;
      d.navigate().refresh();
      return false;
    });
    assertThat(web.findElement(By.cssSelector("tr.delivery")).getText()).contains("ticket.created").contains("HTTP 200");
    assertThat(web.findElement(By.cssSelector("#delivery-chart title")).getAttribute("textContent"))
        .isEqualTo("Last 24 hours: 1 deliveries succeeded, 0 failed");
    wholePage("08-webhook-page");

    web.findElement(By.cssSelector("tr.delivery a")).click();
    assertThat(shown(By.id("delivery-status")).getText()).isEqualTo("succeeded");
    assertThat(web.findElement(By.cssSelector("article.attempt")).getText()).contains("#1").contains("200");
    assertThat(web.findElement(By.cssSelector("article.attempt pre.body")).getText()).contains("ticket.created");
    wholePage("09-delivery-attempts");
    web.findElement(By.linkText("← The webhook")).click();
  }

  private static void rotateTestDeleteAndRestore(String webhookId) {
    web.findElement(By.id("reveal-secret")).click();
    String before = shown(By.id("secret-value")).getText();
    assertThat(before).startsWith("whsec_").doesNotContain("*");
    web.findElement(By.id("rotate-secret")).click();
    assertThat(shown(By.id("notice")).getText()).startsWith("Secret rotated. Both secrets sign until");
    assertThat(web.findElement(By.id("secret-value")).getText()).startsWith("whsec_").isNotEqualTo(before);
    assertThat(web.findElement(By.id("previous-secret")).getText()).isEqualTo(before);
    wholePage("10-secret-rotated");

    web.findElement(By.id("send-test")).click();
    assertThat(shown(By.id("test-result")).getAttribute("data-success")).isEqualTo("true");
    assertThat(web.findElement(By.id("test-result")).getText()).contains("Delivered").contains("HTTP 200");
    wholePage("11-test-sent");

    web.findElement(By.id("delete-webhook")).click();
    shown(By.id("deleted-title"));
    var row = web.findElement(By.id("row-" + webhookId));
    assertThat(row.getText()).contains("Inspector: Ticket webhooks").contains("via console");
    wholePage("12-webhooks-deleted");
    row.findElement(By.cssSelector("button.restore")).click();
    assertThat(shown(By.id("webhook-state")).getText()).isEqualTo("Enabled");
    assertThat(web.getCurrentUrl()).endsWith("/console/webhooks/" + webhookId);
  }

  /** A screenshot of the whole page, so what a step shows below the fold is in it too. */
  private static void wholePage(String name) {
    browser.wholePage(name);
  }

  private static org.openqa.selenium.WebElement shown(By by) {
    return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static void signIn(String token) {
    web.findElement(By.id("token")).sendKeys(token);
    web.findElement(By.id("sign-in")).click();
  }

  private static org.openqa.selenium.WebElement tab(String name) {
    return web.findElement(By.cssSelector("nav.tabs")).findElement(By.linkText(name));
  }

  /** What the delivery engine will send: the Standard Webhooks headers, signed by Signer. */
  static int sendSigned(String url, String id, String body, String secret) throws Exception {
    long ts = System.currentTimeMillis() / 1000;
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("content-type", "application/json; charset=utf-8")
        .header("webhook-id", id)
        .header("webhook-timestamp", Long.toString(ts))
        .header("webhook-signature", Signer.header(List.of(Signer.key(secret)), id, ts, bytes))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
