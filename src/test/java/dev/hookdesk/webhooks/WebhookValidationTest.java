package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every rule of a webhook registration: a 4xx naming the field, and nothing written. */
@DbTest
class WebhookValidationTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api admin = node.admin();
  @RegisterExtension
  static final Receiver receiver = Receiver.perClass();

  @BeforeAll
  static void start() throws Exception {
    admin.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
    admin.post("/sources", Api.json(Map.of("key", "mobile_app", "name", "Mobile app"))).expect(201);
  }

  static Map<String, Object> body(String scope, List<String> events, Object... more) {
    Map<String, Object> m = new HashMap<>(Map.of("scope", scope, "url", receiver.url("/h"), "events", events));
    for (int i = 0; i < more.length; i += 2) {
      if (more[i + 1] == null) m.remove((String) more[i]);
      else m.put((String) more[i], more[i + 1]);
    }
    return m;
  }

  static Map<String, Object> global(Object... more) {
    return body("global", List.of("ticket.*"), more);
  }

  static void refused(Map<String, Object> body, String field) {
    int before = count();
    admin.post("/webhooks", Api.json(body)).problem(422, field);
    assertThat(count()).as("nothing written").isEqualTo(before);
  }

  static int count() {
    return node.node().database().read(h -> h.createQuery("SELECT COUNT(*) FROM webhooks")
        .mapTo(Integer.class).one());
  }

  @Test
  void scopeAndUnknownFields() {
    refused(global("scope", null), "scope");
    refused(global("scope", "everything"), "scope");
    refused(global("colour", "blue"), "colour");
    admin.post("/webhooks", "{not json").problem(400, "body");
  }

  @Test
  void url() {
    refused(global("url", null), "url");
    refused(global("url", "ftp://127.0.0.1/x"), "url");
    refused(global("url", "/relative/path"), "url");
    refused(global("url", "https:///no-host"), "url");
    refused(global("url", "http://user:pw@127.0.0.1/x"), "url");
    refused(global("url", "http://127.0.0.1/" + "a".repeat(2048)), "url");
    refused(global("url", "http://exa mple.com/"), "url");
    refused(global("private", true), "url");
    refused(global("url", "http://nonexistent.invalid/hook"), "url");
  }

  @Test
  void eventsFitTheScope() {
    refused(global("events", null), "events");
    refused(global("events", List.of()), "events");
    refused(global("events", List.of("ticket.nope")), "events[0]");
    refused(global("events", List.of("contact.created", "chat.*")), "events[1]");
    refused(global("events", List.of("*")), "events[0]");
    refused(global("events", List.of("webhook.disabled")), "events[0]");
    refused(global("events", List.of("webhook.test")), "events[0]");
    refused(global("events", List.of("chat.assignment_requested")), "events[0]");
    refused(body("live_support", List.of("ticket.*")), "events[0]");
    refused(body("live_support", List.of("contact.created")), "events[0]");
    refused(body("live_support", List.of("chat.assignment_requested", "chat.*")), "events[0]");
    refused(global("events", List.of(42)), "events[0]");
    admin.post("/webhooks", Api.json(global("events", List.of("contact.created", "contact.*")))).expect(201);
    admin.post("/webhooks", Api.json(body("live_support", List.of("chat.*")))).expect(201);
  }

  @Test
  void sources() {
    refused(global("sources", List.of("website")), "sources");
    refused(body("live_support", List.of("chat.*"), "sources", List.of("fax")), "sources[0]");
    var ok = admin.post("/webhooks", Api.json(body("live_support", List.of("chat.*"),
        "sources", List.of("website", "mobile_app")))).expect(201);
    assertThat(ok.at("/sources").toString()).isEqualTo("[\"website\",\"mobile_app\"]");
  }

  @Test
  void secrets() {
    refused(global("secret", "too-short"), "secret");
    refused(global("secret", "has spaces in it, see"), "secret");
    refused(global("secret", "whsec_c2hvcnQ="), "secret");
    refused(global("secret", "whsec_not*base64*at*all!"), "secret");
    admin.post("/webhooks", Api.json(global("secret", "sixteen-chars-ok"))).expect(201);
  }

  @Test
  void customHeaders() {
    for (String reserved : List.of("webhook-id", "Webhook-Signature", "Content-Type", "host",
        "User-Agent", "hookdesk-attempt", "Hookdesk-Anything")) {
      refused(global("headers", Map.of(reserved, "x")), "headers." + reserved);
    }
    refused(global("headers", Map.of("bad header", "x")), "headers.bad header");
    refused(global("headers", Map.of("X-Line", "a\r\nInjected: yes")), "headers.X-Line");
    refused(global("headers", Map.of("X-Num", 5)), "headers.X-Num");
    refused(global("headers", "X-Api-Key: 1"), "headers");
    var ok = admin.post("/webhooks", Api.json(global("headers", Map.of("X-Api-Key", "k1")))).expect(201);
    assertThat(ok.str("/headers/X-Api-Key")).as("masked").isEqualTo("********");
  }

  @Test
  void timeouts() {
    refused(global("timeout_ms", 999), "timeout_ms");
    refused(global("timeout_ms", 30001), "timeout_ms");
    refused(global("timeout_ms", "15s"), "timeout_ms");
    assertThat(admin.post("/webhooks", Api.json(global("timeout_ms", 30000))).expect(201)
        .at("/timeout_ms").asInt()).isEqualTo(30000);
    List<String> decision = List.of("chat.assignment_requested");
    refused(body("live_support", decision, "timeout_ms", 10001), "timeout_ms");
    var d = admin.post("/webhooks", Api.json(body("live_support", decision, "enabled", false))).expect(201);
    assertThat(d.at("/timeout_ms").asInt()).isEqualTo(3000);
  }

  @Test
  void retrySchedules() {
    refused(global("retry_schedule", List.of("5x")), "retry_schedule[0]");
    refused(global("retry_schedule", List.of("5s", "0s")), "retry_schedule[1]");
    refused(global("retry_schedule", List.of("25h")), "retry_schedule[0]");
    refused(global("retry_schedule", List.of("1441m")), "retry_schedule[0]");
    refused(global("retry_schedule", Collections.nCopies(21, "5s")), "retry_schedule");
    refused(global("retry_schedule", "5s"), "retry_schedule");
    List<String> twenty = new ArrayList<>(Collections.nCopies(19, "1s"));
    twenty.add("24h");
    var ok = admin.post("/webhooks", Api.json(global("retry_schedule", twenty))).expect(201);
    assertThat(ok.at("/retry_schedule").size()).isEqualTo(20);
    var none = admin.post("/webhooks", Api.json(global("retry_schedule", List.of()))).expect(201);
    assertThat(none.at("/retry_schedule").size()).isZero();
  }

  @Test
  void oneEnabledDecisionWebhookPerSource() {
    Api other = admin.as(admin.post("/workspaces", Api.json(Map.of("name", "Decisions"))).expect(201)
        .str("/admin_token"));
    other.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
    other.post("/sources", Api.json(Map.of("key", "mobile_app", "name", "App"))).expect(201);
    List<String> decision = List.of("chat.assignment_requested");
    String web = other.post("/webhooks", Api.json(body("live_support", decision,
        "sources", List.of("website")))).expect(201).str("/id");

    var clash = other.post("/webhooks", Api.json(body("live_support", decision,
        "sources", List.of("website", "mobile_app")))).problem(409, null);
    assertThat(clash.str("/detail")).contains(web);
    other.post("/webhooks", Api.json(body("live_support", decision))).problem(409, null);
    String app = other.post("/webhooks", Api.json(body("live_support", decision,
        "sources", List.of("mobile_app")))).expect(201).str("/id");
    // a disabled one does not decide, so it does not clash, until it is enabled
    String spare = other.post("/webhooks", Api.json(body("live_support", decision,
        "sources", List.of("website"), "enabled", false))).expect(201).str("/id");
    assertThat(other.patch("/webhooks/" + spare, Api.json(Map.of("enabled", true)))
        .problem(409, null).str("/detail")).contains(web);
    // deleting frees the source; restoring the deleted one then clashes
    other.delete("/webhooks/" + web).expect(200);
    other.patch("/webhooks/" + spare, Api.json(Map.of("enabled", true))).expect(200);
    assertThat(other.post("/webhooks/" + web + "/restore").problem(409, null).str("/detail")).contains(spare);
    assertThat(app).isNotEqualTo(spare);
  }
}
