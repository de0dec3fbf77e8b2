package dev.hookdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Browser;
import dev.hookdesk.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The console's pages load without errors in the browser's console (no missing file, no script error). */
class ConsoleBrowserErrorsTest {
  @Test
  void signInWebhooksAndInspectorPagesLogNoErrors() {
    try (TestNode node = TestNode.start(); Browser browser = Browser.start()) {
      WebDriver web = browser.driver();
      web.get(node.baseUrl() + "/console");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
          .sendKeys(TestNode.OWNER_TOKEN);
      web.findElement(By.id("sign-in")).click();
      browser.waiting().until(ExpectedConditions.urlToBe(node.baseUrl() + "/console/settings/webhooks"));
      web.get(node.baseUrl() + "/console/inspector");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("bin-name")));

      assertThat(browser.consoleErrors()).isEmpty();
    }
  }
}
