package dev.hookdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The add and edit forms through HTTP: the registry's checks, several URLs, repeated fields. */
@DbTest
class WebhookFormTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void severalUrlsCreateOneWebhookEachOrNoneWhenOneIsBad() throws Exception {
    ConsoleClient c = new ConsoleClient(node.baseUrl());
    c.signIn(TestNode.OWNER_TOKEN);
    c.get("/console/webhooks/new");
    String a = node.baseUrl() + "/hooks/a";
    String b = node.baseUrl() + "/hooks/b";

    var refused = post(c, "/console/webhooks/new", List.of("url", a + ", ftp://nope", "events", "ticket.*",
        "headers", "X-Api-Key: k-1\nno colon here", "timeout_ms", "soon"));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("ftp://nope: url must be an absolute http:// or https:// URL")
        .contains("write one header per line as Name: value").contains("must be a whole number")
        .contains("value=\"" + a + ", ftp://nope\"");
    assertThat(node.admin().get("/webhooks").at("/data").findValuesAsText("url")).doesNotContain(a);

    var created = post(c, "/console/webhooks/new", List.of("url", a + ", " + b, "events", "ticket.created",
        "events", "contact.*", "description", "Twins", "retry_schedule", "5s, 1m"));
    assertThat(created.statusCode()).isEqualTo(303);
    var list = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
    node.admin().get("/webhooks").at("/data").forEach(n -> {
      if ("Twins".equals(n.path("description").asText())) list.add(n);
    });
    assertThat(list).hasSize(2);
    assertThat(list).extracting(n -> n.path("url").asText()).containsExactlyInAnyOrder(a, b);
    assertThat(list.get(0).at("/events").toString()).isEqualTo("[\"ticket.created\",\"contact.*\"]");
    assertThat(list.get(0).at("/retry_schedule").toString()).isEqualTo("[\"5s\",\"1m\"]");
  }

  @Test
  void editKeepsTheSecretAndShowsTheRegistrysErrorsBesideTheFields() throws Exception {
    Api admin = node.admin();
    var w = admin.post("/webhooks", Api.json(Map.of("scope", "live_support", "url", node.baseUrl() + "/hooks/chat",
        "events", List.of("chat.*")))).expect(201);
    String id = w.str("/id");
    String secret = admin.get("/webhooks/" + id + "/secret").str("/secret");
    ConsoleClient c = new ConsoleClient(node.baseUrl());
    c.signIn(TestNode.OWNER_TOKEN);
    assertThat(c.get("/console/webhooks/" + id + "/edit").body()).contains("id=\"sources\"")
        .contains("value=\"chat.*\" checked");

    var bad = post(c, "/console/webhooks/" + id + "/edit", List.of("url", node.baseUrl() + "/hooks/chat",
        "events", "ticket.created", "sources", "nowhere"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("id=\"events-error\"").contains("has scope global, not live_support");

    var ok = post(c, "/console/webhooks/" + id + "/edit", List.of("url", node.baseUrl() + "/hooks/chat2",
        "events", "chat.*", "description", "Chat ops", "headers", "X-Team: support"));
    assertThat(ok.statusCode()).isEqualTo(303);
    var after = admin.get("/webhooks/" + id).expect(200);
    assertThat(after.str("/url")).endsWith("/hooks/chat2");
    assertThat(after.str("/description")).isEqualTo("Chat ops");
    assertThat(after.str("/headers/X-Team")).as("masked").isEqualTo("********");
    assertThat(admin.get("/webhooks/" + id + "/secret").str("/secret")).isEqualTo(secret);
  }

  @Test
  void twoUrlsDecidingTheSameSourceSaveNeither() throws Exception {
    node.admin().post("/sources", Api.json(Map.of("key", "kiosk", "name", "Kiosk"))).expect(201);
    ConsoleClient c = new ConsoleClient(node.baseUrl());
    c.signIn(TestNode.OWNER_TOKEN);
    c.get("/console/webhooks/new?scope=live_support");
    String a = node.baseUrl() + "/decide/a";
    String b = node.baseUrl() + "/decide/b";
    var refused = post(c, "/console/webhooks/new", List.of("scope", "live_support", "url", a + "\n" + b,
        "events", "chat.assignment_requested", "sources", "kiosk"));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("already decides chat.assignment_requested");
    assertThat(node.admin().get("/webhooks?limit=500").at("/data").findValuesAsText("url"))
        .as("neither was saved").doesNotContain(a, b);
  }

  @Test
  void anOperationalWebhookIsAddedFromItsOwnTab() throws Exception {
    ConsoleClient c = new ConsoleClient(node.baseUrl());
    c.signIn(TestNode.OWNER_TOKEN);
    assertThat(c.get("/console/settings/webhooks").body()).contains("Add operational webhook");
    assertThat(c.get("/console/webhooks/new?scope=operational").body())
        .contains("value=\"webhook.disabled\"").contains("value=\"delivery.exhausted\"")
        .doesNotContain("value=\"ticket.created\"");
    String url = node.baseUrl() + "/ops/console";
    var created = post(c, "/console/webhooks/new", List.of("scope", "operational", "url", url,
        "events", "webhook.*", "events", "delivery.exhausted"));
    assertThat(created.statusCode()).isEqualTo(303);
    var hook = node.admin().get("/webhooks?limit=500").at("/data");
    var mine = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
    hook.forEach(n -> {
      if (url.equals(n.path("url").asText())) mine.add(n);
    });
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).path("scope").asText()).isEqualTo("operational");
  }

  /** A form post with repeated fields (checkboxes), with the session's CSRF token. */
  private static HttpResponse<String> post(ConsoleClient c, String path, List<String> pairs) throws Exception {
    StringBuilder body = new StringBuilder("_csrf=" + c.csrf);
    if (!pairs.contains("scope")) body.append("&scope=").append(path.endsWith("/new") ? "global" : "live_support");
    for (int i = 0; i < pairs.size(); i += 2) {
      body.append('&').append(pairs.get(i)).append('=')
          .append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
    }
    return c.http.send(HttpRequest.newBuilder(java.net.URI.create(c.base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }
}
