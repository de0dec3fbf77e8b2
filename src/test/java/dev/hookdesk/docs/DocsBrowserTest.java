package dev.hookdesk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Browser;
import dev.hookdesk.testing.TestNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** SPEC §11: /docs shows the HTTP API and the webhook events to a person, under a strict CSP. */
class DocsBrowserTest {
  @RegisterExtension static final TestNode node = TestNode.perClass();
  static Browser browser;

  @BeforeAll
  static void open() {
    browser = Browser.start();
  }

  @AfterAll
  static void quit() {
    if (browser != null) browser.close();
  }

  @Test
  void docsShowEveryOperationAndEventWithoutConsoleErrors() {
    WebDriver web = browser.driver();
    web.get(node.baseUrl() + "/docs");
    browser.waiting().until(d -> d.findElements(By.cssSelector(".opblock")).size() > 90);
    String text = web.findElement(By.tagName("body")).getText();
    assertThat(text).contains("Hookdesk API", "/tickets/{id}/replies", "/webhooks/{id}/secret/rotate",
        "Webhooks", "ticket.created", "chat.assignment_requested");
    assertThat(web.findElement(By.linkText("AsyncAPI 3.0 (webhook events)")).getAttribute("href"))
        .endsWith("/api/v1/asyncapi.json");

    // Open one webhook event: its payload schema and sample render from the catalog.
    browser.screenshot("docs");
    web.findElements(By.cssSelector(".opblock .opblock-summary")).stream()
        .filter(e -> e.getText().lines().anyMatch(l -> l.strip().equals("ticket.created")))
        .findFirst().orElseThrow(() -> new AssertionError("no ticket.created webhook in " + web.findElements(
            By.cssSelector(".opblock")).stream().map(e -> e.getAttribute("id")).toList())).click();
    browser.waiting().until(d -> d.findElement(By.cssSelector(".opblock.is-open")).getText()
        .contains("webhook-signature"));
    browser.screenshot("docs-webhook");
    assertThat(browser.consoleErrors()).as("JavaScript console errors").isEmpty();
  }

  @Test
  void thePageAllowsNoInlineScript() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(node.baseUrl() + "/docs")).build(), HttpResponse.BodyHandlers.ofString());
    String csp = r.headers().firstValue("content-security-policy").orElse("");
    assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
    assertThat(r.body()).doesNotContain("<script>").doesNotContain("onload=");
  }
}
