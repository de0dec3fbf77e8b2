package dev.hookdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.Browser;
import dev.hookdesk.testing.TestNode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A visitor on a shop's page (another origin) chats with an agent in headless Chromium. */
class WidgetBrowserTest {

  @Test
  void aVisitorOnAnotherSiteChatsLiveEndsAndRatesAndAReloadResumes() throws Exception {
    HttpServer shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    try (TestNode node = TestNode.start(); Browser browser = Browser.start()) {
      String shopOrigin = "http://127.0.0.1:" + shop.getAddress().getPort();
      String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Shop</title><link rel=\"icon\" href=\"data:,\"></head>"
          + "<body><h1>Shop</h1><script src=\"" + node.baseUrl() + "/widget.js\" data-workspace=\""
          + node.node().defaultWorkspaceId() + "\" data-source=\"website\" async></script></body></html>";
      shop.createContext("/", ex -> {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/") ? 200 : 404, body.length);
        ex.getResponseBody().write(body);
        ex.close();
      });
      shop.start();
      Api admin = node.admin();
      String agentId = WidgetSetup.site(admin, "website", shopOrigin);
      WebDriver web = browser.driver();

      web.get(shopOrigin + "/");
      button(browser, "Chat with us").click();
      field(browser, "Name").sendKeys("Vera Visitor");
      field(browser, "Email").sendKeys("vera@example.com");
      button(browser, "Start chat").click();
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
          By.id("hdw-agent"), "Ada Agent"));

      field(browser, "Message").sendKeys("<img src=x onerror=alert(1)>");
      button(browser, "Send").click();
      String chatId = admin.get("/chats?status=handled").expect(200).str("/data/0/id");
      WidgetStreamTest.agentSays(admin, chatId, agentId, "Hello Vera, how can I help?");
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".hdw-log"), "Hello Vera, how can I help?"));
      assertThat(web.findElement(By.cssSelector(".hdw-log")).getText())
          .contains("<img src=x onerror=alert(1)>");
      assertThat(web.findElements(By.cssSelector(".hdw-log img"))).as("shown as text").isEmpty();
      browser.screenshot("widget-01-chat");

      web.navigate().refresh();
      button(browser, "Chat with us").click();
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".hdw-log"), "Hello Vera, how can I help?"));
      WidgetStreamTest.agentSays(admin, chatId, agentId, "Still here after your reload.");
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".hdw-log"), "Still here after your reload."));

      button(browser, "End chat").click();
      new Select(field(browser, "Score")).selectByValue("4");
      button(browser, "Rate").click();
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".hdw-status"), "Thank you"));
      assertThat(admin.get("/chats/" + chatId).expect(200).at("/rating/score").asInt()).isEqualTo(4);
      browser.screenshot("widget-02-rated");
      assertThat(browser.consoleErrors()).isEmpty();
    } finally {
      shop.stop(0);
    }
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
