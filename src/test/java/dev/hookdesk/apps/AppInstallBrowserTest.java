package dev.hookdesk.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hookdesk.desk.web.DeskClient;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.Browser;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An app installed the way a person does it, in headless Chromium: the admin signs in with a
 * password from the install link, reads the consent page, presses "Allow" and lands on the app's
 * loopback redirect URI; the app gets its token; Settings → Apps switches the app's webhooks off
 * and uninstalls it; "Deny" sends access_denied. Screenshots: target/screenshots/oauth-consent.png
 * and settings-apps.png (the README's docs/ copies).
 */
class AppInstallBrowserTest {
  static final String PASSWORD = "lantern moss quietly hums";
  static TestNode node;
  static Browser browser;
  static WebDriver web;
  static Callback app;
  static final List<String> errors = new ArrayList<>();

  /** The app's side of the redirect: a loopback page that records the query it was sent. */
  static final class Callback implements AutoCloseable {
    final HttpServer server;
    final List<String> queries = new CopyOnWriteArrayList<>();

    Callback() throws Exception {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/callback", x -> {
        queries.add(x.getRequestURI().getRawQuery());
        byte[] page = "<!DOCTYPE html><html><head><link rel=\"icon\" href=\"data:,\"><title>CRM</title></head><body><h1 id=\"landed\">Back in the CRM</h1></body></html>"
            .getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        x.sendResponseHeaders(200, page.length);
        x.getResponseBody().write(page);
        x.close();
      });
      server.start();
    }

    String uri() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start();
    browser = Browser.start();
    web = browser.driver();
    app = new Callback();
  }

  @AfterAll
  static void stop() {
    if (app != null) app.close();
    if (browser != null) browser.close();
    if (node != null) node.close();
  }

  @Test
  void anAdminInstallsAnAppThenSwitchesItsWebhooksOffAndUninstallsIt() throws Exception {
    try (Receiver receiver = Receiver.answering(200)) {
      Api owner = node.admin();
      var registered = owner.post("/apps", Api.json(Map.of("name", "Pipeline CRM",
          "description", "Keeps deals and tickets in step", "homepage_url", "https://crm.example",
          "redirect_uris", List.of(app.uri()), "scopes", List.of("tickets:read", "tickets:write", "chats:read"))))
          .expect(201);
      OAuthClient crm = new OAuthClient(node.baseUrl(), registered.str("/client_id"),
          registered.str("/client_secret"), app.uri());
      crm.appId = registered.str("/id");
      owner.asClient(crm.clientId, crm.clientSecret).post("/apps/" + crm.appId + "/webhooks",
          Api.json(Map.of("url", receiver.url(), "events", List.of("app.*", "ticket.*"), "type", "workspace")))
          .expect(201);
      String email = "dana@example.com";
      String agent = owner.post("/agents", Api.json(Map.of("name", "Dana Admin", "email", email, "role", "admin")))
          .expect(201).str("/id");
      new DeskClient(node.baseUrl()).choose(owner.post("/agents/" + agent + "/invitation").expect(201)
          .str("/invite_url"), PASSWORD);

      // the install link asks for a sign-in first, then comes back to the consent page
      String verifier = OAuthClient.verifier();
      web.get(node.baseUrl() + crm.authorizePath("tickets:read tickets:write", "st-allow", verifier));
      shown(By.id("email")).sendKeys(email);
      web.findElement(By.id("password")).sendKeys(PASSWORD);
      web.findElement(By.id("sign-in")).click();
      assertThat(shown(By.id("app-name")).getText()).isEqualTo("Pipeline CRM");
      assertThat(web.findElements(By.cssSelector("#scopes li")).stream().map(WebElement::getText).toList())
          .hasSize(2).anyMatch(s -> s.startsWith("tickets:read")).anyMatch(s -> s.startsWith("tickets:write"));
      checkNoScriptErrors("consent");
      browser.screenshot("oauth-consent");
      web.findElement(By.id("allow")).click();

      browser.waiting().until(ExpectedConditions.urlContains(app.uri()));
      shown(By.id("landed"));
      var q = OAuthClient.query(web.getCurrentUrl());
      assertThat(q.get("state")).isEqualTo("st-allow");
      assertThat(app.queries).hasSize(1);
      var tokens = crm.exchange(q.get("code"), verifier);
      assertThat(tokens.status()).as(tokens.raw().body()).isEqualTo(200);
      Api installed = owner.as(tokens.str("/access_token"));
      installed.get("/tickets?limit=1").expect(200);
      TestNode.await("app.installed delivered", 10_000,
          () -> receiver.requests().stream().anyMatch(r -> r.body().contains("\"app.installed\"")));

      web.get(node.baseUrl() + "/console/settings/apps");
      WebElement card = shown(By.cssSelector("article[id^='installation-']"));
      assertThat(card.getText()).contains("Pipeline CRM").contains("tickets:read").contains("tickets:write")
          .contains("Dana Admin").contains("On");
      assertThat(shown(By.id("app-" + crm.appId)).getText()).contains(crm.clientId).contains(app.uri())
          .contains(receiver.url()).contains("app.installed");
      checkNoScriptErrors("settings");
      browser.wholePage("settings-apps");

      button(card, "Disable webhooks").click();
      browser.waiting().until(ExpectedConditions.stalenessOf(card));
      card = shown(By.cssSelector("article[id^='installation-']"));
      assertThat(button(card, "Enable webhooks").isDisplayed()).isTrue();
      assertThat(owner.get("/apps/" + crm.appId + "/webhooks/state").expect(200).at("/enabled").asBoolean()).isFalse();

      card.findElement(By.linkText("Uninstall")).click();
      assertThat(shown(By.id("confirm-title")).getText()).isEqualTo("Uninstall Pipeline CRM?");
      checkNoScriptErrors("confirm");
      installed.get("/tickets?limit=1").expect(200);
      web.findElement(By.id("confirm-uninstall")).click();
      shown(By.id("no-installations"));
      installed.get("/tickets?limit=1").problem(401, null);
      TestNode.await("app.uninstalled delivered", 10_000,
          () -> receiver.requests().stream().anyMatch(r -> r.body().contains("\"app.uninstalled\"")));

      // "Deny" on a second install link: the app hears access_denied, nothing is installed
      web.get(node.baseUrl() + crm.authorizePath("tickets:read", "st-deny", OAuthClient.verifier()));
      shown(By.id("deny")).click();
      browser.waiting().until(ExpectedConditions.urlContains(app.uri()));
      var denied = OAuthClient.query(web.getCurrentUrl());
      assertThat(denied.get("error")).isEqualTo("access_denied");
      assertThat(denied.get("state")).isEqualTo("st-deny");
      assertThat(denied).doesNotContainKey("code");
      assertThat(owner.get("/installations").expect(200).json().get("data")).isEmpty();
      checkNoScriptErrors("denied");
      assertThat(errors).as("JavaScript errors").isEmpty();
    }
  }

  private static WebElement button(WebElement in, String name) {
    return in.findElement(By.xpath(".//button[normalize-space()='" + name + "']"));
  }

  private static void checkNoScriptErrors(String where) {
    browser.consoleErrors().forEach(e -> errors.add(where + ": " + e));
  }

  private static WebElement shown(By by) {
    return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }
}
