package dev.hookdesk.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.desk.web.DeskClient;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Settings → Apps through plain HTTP as a browser sends it: an admin switches an installation's
 * webhooks and uninstalls it, a publisher rotates its app's secret and sees its webhooks'
 * deliveries; forged forms, agents and other workspaces' ids are refused and change nothing.
 */
@DbTest
class AppSettingsPagesTest {
  static final String REDIRECT = "http://127.0.0.1:9/callback";
  static final String PAGE = "/console/settings/apps";
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api owner = node.admin();

  Installer installer() {
    return new Installer(node, owner, REDIRECT);
  }

  Installer.Workspace newWorkspace(String name) {
    return installer().newWorkspace(name);
  }

  static String installationOf(Api admin, String appId) {
    return StreamSupport.stream(admin.get("/installations").expect(200).json().get("data").spliterator(), false)
        .filter(i -> i.get("app_id").asText().equals(appId)).findFirst().orElseThrow().get("id").asText();
  }

  static boolean webhooksOn(Api admin, String appId) {
    return admin.get("/apps/" + appId + "/webhooks/state").expect(200).at("/enabled").asBoolean();
  }

  @Test
  void anAdminSwitchesWebhooksAndUninstallsAndNothingElseGetsThrough() throws Exception {
    OAuthClient app = installer().register("tickets:read", "chats:read");
    Installer.Workspace w = newWorkspace("Acme");
    DeskClient admin = installer().signedInAdmin(w.admin());
    var tokens = installer().install(app, admin, "tickets:read chats:read");
    String ins = installationOf(w.admin(), app.appId);
    String adminName = w.admin().get("/agents?limit=500").expect(200).json().get("data").findValuesAsText("name")
        .stream().filter(n -> n.startsWith("Admin ")).findFirst().orElseThrow();

    var page = admin.get(PAGE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Settings <span aria-hidden=\"true\">›</span> Apps")
        .contains("CRM sync").contains("<code>tickets:read</code>")
        .contains("<code>chats:read</code>").contains(adminName).contains("Disable webhooks")
        .contains("href=\"/console/settings/apps/installations/" + ins + "/uninstall\"");

    // a form without the session's CSRF token changes nothing
    var forged = admin.post(PAGE + "/installations/" + ins + "/webhooks", Map.of("enabled", "false"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(webhooksOn(w.admin(), app.appId)).isTrue();

    // bad input: the error beside the control, nothing written
    admin.get(PAGE);
    var bad = admin.post(PAGE + "/installations/" + ins + "/webhooks", Map.of("_csrf", admin.csrf, "enabled", "maybe"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("id=\"webhooks-" + ins + "-error\"").contains("enabled must be true or false");
    assertThat(webhooksOn(w.admin(), app.appId)).isTrue();

    var off = admin.post(PAGE + "/installations/" + ins + "/webhooks", Map.of("_csrf", admin.csrf, "enabled", "false"));
    assertThat(off.statusCode()).isEqualTo(303);
    assertThat(webhooksOn(w.admin(), app.appId)).isFalse();
    assertThat(admin.get(PAGE).body()).contains("Enable webhooks").doesNotContain("Disable webhooks");

    // another workspace's installation: not found, and left as it was
    Installer.Workspace other = newWorkspace("Globex");
    installer().install(app, installer().signedInAdmin(other.admin()), "tickets:read");
    String theirs = installationOf(other.admin(), app.appId);
    assertThat(admin.get(PAGE + "/installations/" + theirs + "/uninstall").statusCode()).isEqualTo(404);
    admin.get(PAGE);
    assertThat(admin.post(PAGE + "/installations/" + theirs + "/webhooks",
        Map.of("_csrf", admin.csrf, "enabled", "false")).statusCode()).isEqualTo(404);
    assertThat(admin.post(PAGE + "/installations/" + theirs + "/uninstall",
        Map.of("_csrf", admin.csrf)).statusCode()).isEqualTo(404);
    assertThat(webhooksOn(other.admin(), app.appId)).isTrue();
    other.admin().get("/installations/" + theirs).expect(200);

    // an agent (not an admin) signed in with a password: refused, nothing changes
    DeskClient agent = signedInAgent(w.admin());
    var denied = agent.get(PAGE);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("This needs an admin").doesNotContain("CRM sync");
    agent.get("/desk");
    assertThat(agent.post(PAGE + "/installations/" + ins + "/webhooks",
        Map.of("_csrf", agent.csrf, "enabled", "true")).statusCode()).isEqualTo(403);
    assertThat(agent.post(PAGE + "/installations/" + ins + "/uninstall",
        Map.of("_csrf", agent.csrf)).statusCode()).isEqualTo(403);
    assertThat(webhooksOn(w.admin(), app.appId)).isFalse();

    // uninstall behind a confirmation; the token stops at once
    var confirm = admin.get(PAGE + "/installations/" + ins + "/uninstall");
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body()).contains("Uninstall CRM sync").contains("id=\"confirm-uninstall\"");
    assertThat(admin.post(PAGE + "/installations/" + ins + "/uninstall", Map.of()).statusCode()).isEqualTo(403);
    w.admin().get("/installations/" + ins).expect(200);
    assertThat(admin.post(PAGE + "/installations/" + ins + "/uninstall", Map.of("_csrf", admin.csrf))
        .statusCode()).isEqualTo(303);
    owner.as(tokens.str("/access_token")).get("/tickets?limit=1").problem(401, null);
    w.admin().get("/installations/" + ins).problem(404, null);
    assertThat(admin.get(PAGE).body()).contains("id=\"no-installations\"");
  }

  @Test
  void aPublisherSeesItsAppsWebhooksAndDeliveriesAndRotatesTheSecretOnce() throws Exception {
    try (Receiver receiver = Receiver.answering(200)) {
      Installer.Workspace pub = newWorkspace("Publisher");
      Installer installer = new Installer(node, pub.admin(), REDIRECT);
      OAuthClient app = installer.register("tickets:read");
      pub.admin().post("/apps", Api.json(Map.of("name", "<img src=x onerror=alert(1)>",
          "redirect_uris", List.of(REDIRECT), "scopes", List.of("tickets:read")))).expect(201);
      Api client = owner.asClient(app.clientId, app.clientSecret);
      String hook = client.post("/apps/" + app.appId + "/webhooks", Api.json(Map.of("url", receiver.url(),
          "events", List.of("ticket.created"), "type", "workspace"))).expect(201).str("/id");
      Installer.Workspace customer = newWorkspace("Customer");
      installer.install(app, installer.signedInAdmin(customer.admin()), "tickets:read");
      customer.admin().post("/tickets", Api.json(Map.of("subject", "Printer", "body", "Hi",
          "requester", Map.of("name", "Kim", "email", "kim@example.com")))).expect(201);
      TestNode.await("the ticket delivered", 10_000, () -> receiver.requests().stream()
          .anyMatch(r -> r.body().contains("\"ticket.created\"")));

      DeskClient admin = installer.signedInAdmin(pub.admin());
      var page = admin.get(PAGE);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("id=\"app-" + app.appId + "\"").contains(app.clientId)
          .contains(REDIRECT).contains("id=\"webhook-" + hook + "\"").contains(receiver.url())
          .contains("<span class=\"badge\">workspace</span>").contains("<td>ticket.created</td>")
          .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x")
          .doesNotContain(app.clientSecret);

      String rotate = PAGE + "/published/" + app.appId + "/secret/rotate";
      assertThat(admin.post(rotate, Map.of()).statusCode()).isEqualTo(403);
      client.get("/apps/" + app.appId + "/webhooks").expect(200);

      var rotated = admin.post(rotate, Map.of("_csrf", admin.csrf));
      assertThat(rotated.statusCode()).isEqualTo(200);
      Matcher m = Pattern.compile("id=\"new-client-secret\">([^<]+)<").matcher(rotated.body());
      assertThat(m.find()).isTrue();
      String secret = m.group(1);
      assertThat(secret).startsWith("hdcs_");
      client.get("/apps/" + app.appId + "/webhooks").problem(401, null);
      owner.asClient(app.clientId, secret).get("/apps/" + app.appId + "/webhooks").expect(200);
      assertThat(admin.get(PAGE).body()).doesNotContain(secret).doesNotContain("new-client-secret");

      // another workspace's app: not found, its secret unchanged
      OAuthClient foreign = installer().register("tickets:read");
      assertThat(admin.post(PAGE + "/published/" + foreign.appId + "/secret/rotate",
          Map.of("_csrf", admin.csrf)).statusCode()).isEqualTo(404);
      owner.asClient(foreign.clientId, foreign.clientSecret).get("/apps/" + foreign.appId + "/webhooks").expect(200);
    }
  }

  static DeskClient signedInAgent(Api admin) throws Exception {
    String email = "agent" + System.nanoTime() + "@example.com";
    String id = admin.post("/agents", Api.json(Map.of("name", "Agent", "email", email, "role", "agent")))
        .expect(201).str("/id");
    String invite = admin.post("/agents/" + id + "/invitation").expect(201).str("/invite_url");
    DeskClient b = new DeskClient(node.baseUrl());
    assertThat(b.choose(invite, Installer.PASSWORD).statusCode()).isEqualTo(303);
    return b;
  }
}
