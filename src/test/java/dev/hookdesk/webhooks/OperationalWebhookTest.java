package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §5 {@code scope: "operational"}: a team hears when an integration breaks — signed events
 * valid against their schemas — and an operational webhook never hears about itself.
 */
@DbTest
class OperationalWebhookTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();

  @Test
  void operationalWebhooksHearOfDisabledWebhooksAndExhaustedDeliveriesButNeverOfThemselves()
      throws Exception {
    try (Receiver ops = Receiver.http(); Receiver brokenOps = Receiver.http();
         Receiver gone = Receiver.http(); Receiver failing = Receiver.http()) {
      gone.answer(Receiver.Reply.of(410, Map.of(), new byte[0]));
      failing.answer(Receiver.Reply.of(500, Map.of(), "down".getBytes(StandardCharsets.UTF_8)));
      brokenOps.answer(Receiver.Reply.of(500, Map.of(), "down".getBytes(StandardCharsets.UTF_8)));
      String opsHook = register("operational", ops.url("/ops"), List.of("webhook.*", "delivery.exhausted"),
          List.of("5m"));
      String opsSecret = api.get("/webhooks/" + opsHook + "/secret").expect(200).str("/secret");
      // a second operational webhook that fails at once: its exhausted deliveries are about itself
      String brokenHook = register("operational", brokenOps.url("/ops"),
          List.of("webhook.*", "delivery.exhausted"), List.of("1s"));
      String goneHook = register("global", gone.url("/gone"), List.of("contact.*"), List.of("5m"));
      String failingHook = register("global", failing.url("/fail"), List.of("contact.*"), List.of("1s"));

      api.post("/contacts", Api.json(Map.of("name", "Maria"))).expect(201);

      // two reports of exhaustion race here (the failing webhook's and the broken operational
      // webhook's own), so wait for the failing webhook's by its id
      TestNode.await("webhook.disabled and the failing webhook's delivery.exhausted", 30_000,
          () -> types(ops).contains("webhook.disabled") && ops.requests().stream()
              .map(OperationalWebhookTest::json)
              .anyMatch(b -> failingHook.equals(b.at("/data/webhook_id").asText())));
      for (Receiver.Request r : ops.requests()) {
        assertThat(StandardWebhooks.verifies(opsSecret, r)).as("signature").isTrue();
        JsonNode body = JSON.readTree(r.body());
        assertThat(node.node().catalog().validate(body)).as("schema of %s", body.get("type")).isEmpty();
      }
      JsonNode disabled = body(ops, "webhook.disabled");
      assertThat(disabled.at("/data/webhook/id").asText()).isEqualTo(goneHook);
      assertThat(disabled.at("/data/reason").asText()).contains("410");
      JsonNode exhausted = ops.requests().stream().map(OperationalWebhookTest::json)
          .filter(b -> failingHook.equals(b.at("/data/webhook_id").asText())).findFirst().orElseThrow();
      assertThat(exhausted.at("/type").asText()).isEqualTo("delivery.exhausted");
      assertThat(exhausted.at("/data/attempts").asInt()).isEqualTo(2);

      // the broken operational webhook was sent webhook.disabled, failed twice, and the report of its
      // own exhaustion went to the other operational webhook only
      TestNode.await("the broken operational webhook's own delivery exhausted", 30_000,
          () -> ops.requests().stream().map(OperationalWebhookTest::json)
              .anyMatch(b -> brokenHook.equals(b.at("/data/webhook_id").asText())));
      assertThat(brokenOps.requests()).extracting(OperationalWebhookTest::json)
          .as("what the broken operational webhook was sent").isNotEmpty()
          .allMatch(b -> !brokenHook.equals(b.at("/data/webhook_id").asText()));
      // it also failed to take the report about the failing webhook: a report of a failed report
      // goes nowhere, so two broken operational webhooks cannot keep reporting each other
      assertThat(ops.requests()).extracting(OperationalWebhookTest::json)
          .noneMatch(b -> "delivery.exhausted".equals(b.at("/data/event_type").asText()));
      assertThat(api.get("/webhooks/" + goneHook).expect(200).at("/enabled").asBoolean()).isFalse();
    }
  }

  @Test
  void theOperationalScopeTakesOnlyOperationalEvents() {
    api.post("/webhooks", Api.json(Map.of("scope", "operational", "url", "https://ops.example/hook",
        "events", List.of("ticket.created")))).problem(422, "events[0]");
    api.post("/webhooks", Api.json(Map.of("scope", "operational", "url", "https://ops.example/hook",
        "events", List.of("chat.*")))).problem(422, "events[0]");
    api.post("/webhooks", Api.json(Map.of("scope", "global", "url", "https://ops.example/hook",
        "events", List.of("webhook.disabled")))).problem(422, "events[0]");
    assertThat(api.get("/event-types/webhook.disabled").expect(200).str("/scope")).isEqualTo("operational");
  }

  private static String register(String scope, String url, List<String> events, List<String> retries) {
    return api.post("/webhooks", Api.json(Map.of("scope", scope, "url", url, "events", events,
        "private", false, "retry_schedule", retries))).expect(201).str("/id");
  }

  private static List<String> types(Receiver r) {
    return r.requests().stream().map(q -> q.header("hookdesk-event-type")).toList();
  }

  private static JsonNode body(Receiver r, String type) {
    return r.requests().stream().filter(q -> type.equals(q.header("hookdesk-event-type")))
        .map(OperationalWebhookTest::json).findFirst().orElseThrow();
  }

  private static JsonNode json(Receiver.Request r) {
    try {
      return JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
