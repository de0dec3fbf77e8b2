package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Test sends: the signed request a receiver gets, redaction, and secret rotation. */
@DbTest
class WebhookSendTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api admin = node.admin();
  @RegisterExtension
  static final Receiver receiver = Receiver.perClass();

  static String register(Object... more) {
    Map<String, Object> m = new java.util.HashMap<>(Map.of("scope", "global",
        "url", receiver.url("/hook"), "events", List.of("contact.*")));
    for (int i = 0; i < more.length; i += 2) m.put((String) more[i], more[i + 1]);
    return admin.post("/webhooks", Api.json(m)).expect(201).str("/id");
  }

  static Receiver.Request sendTest(String id, String body) {
    int before = receiver.requests().size();
    admin.post("/webhooks/" + id + "/test", body).expect(200);
    assertThat(receiver.requests()).hasSize(before + 1);
    return receiver.last();
  }

  @Test
  void aTestSendIsSignedWithEveryHeaderOfSpecSection5() throws Exception {
    receiver.answer(Receiver.Reply.of(200, Map.of("X-Seen", "1"), "thanks".getBytes()));
    String id = register("headers", Map.of("X-Api-Key", "k-123"));
    String secret = admin.get("/webhooks/" + id + "/secret").str("/secret");
    long before = System.currentTimeMillis() / 1000;
    var attempt = admin.post("/webhooks/" + id + "/test").expect(200);
    assertThat(attempt.at("/success").asBoolean()).isTrue();
    assertThat(attempt.at("/status").asInt()).isEqualTo(200);
    assertThat(attempt.str("/response_body")).isEqualTo("thanks");
    assertThat(attempt.str("/response_headers/x-seen")).isEqualTo("1");
    assertThat(attempt.at("/duration_ms").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(attempt.at("/error").isNull()).isTrue();
    assertThat(attempt.str("/event_type")).isEqualTo("webhook.test");

    Receiver.Request got = receiver.last();
    assertThat(got.header("webhook-id")).isEqualTo(attempt.str("/event_id")).startsWith("evt_");
    assertThat(Long.parseLong(got.header("webhook-timestamp"))).isBetween(before, before + 60);
    assertThat(StandardWebhooks.verifies(secret, got)).isTrue();
    assertThat(got.header("webhook-signature").split(" ")).hasSize(1);
    assertThat(got.header("content-type")).isEqualTo("application/json; charset=utf-8");
    assertThat(got.header("user-agent")).startsWith("Hookdesk-Webhooks/");
    assertThat(got.header("hookdesk-event-type")).isEqualTo("webhook.test");
    assertThat(got.header("hookdesk-delivery-id")).isEqualTo(attempt.str("/delivery_id")).startsWith("dlv_");
    assertThat(got.header("hookdesk-attempt")).isEqualTo("1");
    assertThat(got.header("x-api-key")).isEqualTo("k-123");

    JsonNode envelope = JSON.readTree(got.body());
    assertThat(envelope.get("id").asText()).isEqualTo(got.header("webhook-id"));
    assertThat(envelope.get("type").asText()).isEqualTo("webhook.test");
    assertThat(envelope.get("workspace_id").asText()).isEqualTo(node.node().defaultWorkspaceId());
    assertThat(envelope.at("/data/webhook_id").asText()).isEqualTo(id);
    assertThat(envelope.at("/actor/type").asText()).isEqualTo("agent");
    assertThat(node.node().catalog().validate(envelope)).isEmpty();
    receiver.answer(Receiver.Reply.of(200, Map.of(), "ok".getBytes()));
  }

  @Test
  void aTestSendReportsWhatWentWrong() throws Exception {
    String id = register();
    receiver.answer(Receiver.Reply.of(500, Map.of(), "boom".getBytes()));
    var failed = admin.post("/webhooks/" + id + "/test").expect(200);
    assertThat(failed.at("/success").asBoolean()).isFalse();
    assertThat(failed.at("/status").asInt()).isEqualTo(500);
    assertThat(failed.str("/response_body")).isEqualTo("boom");
    receiver.answer(Receiver.Reply.of(200, Map.of(), "ok".getBytes()));

    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String dead = register("url", "http://127.0.0.1:" + port + "/gone");
    var refused = admin.post("/webhooks/" + dead + "/test").expect(200);
    assertThat(refused.at("/status").asInt()).isZero();
    assertThat(refused.str("/error")).startsWith("refused:");

    admin.post("/webhooks/" + id + "/test", Api.json(Map.of("event_type", "ticket.nope")))
        .problem(422, "event_type");
    admin.post("/webhooks/whk_nope/test").problem(404, null);
  }

  @Test
  void aDisabledWebhookCanStillBeTested() {
    String id = register("enabled", false);
    assertThat(sendTest(id, "").header("hookdesk-event-type")).isEqualTo("webhook.test");
  }

  @Test
  void personalFieldsAreRedactedUnlessPrivate() throws Exception {
    String open = register();
    JsonNode data = JSON.readTree(sendTest(open, Api.json(Map.of("event_type", "contact.created"))).body())
        .get("data");
    assertThat(data.at("/contact/email").asText()).isEqualTo("[redacted]");
    assertThat(data.at("/contact/phone").asText()).isEqualTo("[redacted]");
    assertThat(data.at("/contact/name").asText()).isEqualTo("Maria Jensen");
    assertThat(data.at("/contact/id").asText()).startsWith("con_");
    // a null personal field stays null: there is nothing to hide
    JsonNode blocked = JSON.readTree(sendTest(open, Api.json(Map.of("event_type", "contact.blocked"))).body());
    assertThat(blocked.at("/data/contact/phone").isNull()).isTrue();
  }

  @Test
  void rotationSignsWithBothSecretsDuringTheGraceThenOnlyTheNew() {
    String id = register();
    String old = admin.get("/webhooks/" + id + "/secret").str("/secret");
    var rotated = admin.post("/webhooks/" + id + "/secret/rotate",
        Api.json(Map.of("grace_period_seconds", 2))).expect(200);
    assertThat(rotated.str("/secret")).isEqualTo("whsec_********");
    assertThat(rotated.str("/previous_secret_expires_at")).isNotBlank();
    var secrets = admin.get("/webhooks/" + id + "/secret").expect(200);
    String fresh = secrets.str("/secret");
    assertThat(fresh).isNotEqualTo(old).startsWith("whsec_");
    assertThat(secrets.str("/previous_secret")).isEqualTo(old);

    Receiver.Request during = sendTest(id, "");
    assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
    assertThat(StandardWebhooks.verifies(old, during)).isTrue();
    assertThat(StandardWebhooks.verifies(fresh, during)).isTrue();

    TestNode.await("the grace period to end", 10_000,
        () -> sendTest(id, "").header("webhook-signature").split(" ").length == 1);
    Receiver.Request after = receiver.last();
    assertThat(StandardWebhooks.verifies(fresh, after)).isTrue();
    assertThat(StandardWebhooks.verifies(old, after)).isFalse();
    assertThat(admin.get("/webhooks/" + id + "/secret").at("/previous_secret").isNull()).isTrue();
  }

  @Test
  void rotatingToAGivenSecretWithoutGrace() {
    String id = register();
    String old = admin.get("/webhooks/" + id + "/secret").str("/secret");
    admin.post("/webhooks/" + id + "/secret/rotate", Api.json(Map.of("secret", "short")))
        .problem(422, "secret");
    admin.post("/webhooks/" + id + "/secret/rotate", Api.json(Map.of("grace_period_seconds", -1)))
        .problem(422, "grace_period_seconds");
    admin.post("/webhooks/" + id + "/secret/rotate", Api.json(Map.of("grace_period_seconds", 0,
        "secret", "a-brand-new-secret-1"))).expect(200);
    Receiver.Request r = sendTest(id, "");
    assertThat(StandardWebhooks.verifies("a-brand-new-secret-1", r)).isTrue();
    assertThat(StandardWebhooks.verifies(old, r)).isFalse();
  }
}
