package dev.hookdesk.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.ManualClock;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@DbTest
class DecisionWebhookTest {
  static final ManualClock clock = new ManualClock();
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(clock);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void theServiceChoosesTheAgent() throws Exception {
    Workspace w = Workspace.fresh(node);
    String ana = w.agent("Ana", 3);
    String bo = w.agent("Bo", 3);
    try (Receiver service = Workspace.service()) {
      String hook = w.decisionWebhook(service.url(), 3000);
      service.respond(r -> Receiver.Reply.json(200, "{\"agent_id\":\"" + bo + "\"}"));

      JsonNode chat = w.chat("Maria");

      // Bo is not the least busy by id order, yet the service picked him
      assertThat(chat.at("/participants/0/id").asText()).isEqualTo(bo);
      JsonNode assigned = w.last("chat.assigned", chat.get("id").asText());
      assertThat(assigned.at("/data/decided_by").asText()).isEqualTo(hook);
      assertThat(assigned.at("/data/fallback_reason").isMissingNode()).isTrue();

      Receiver.Request req = service.requests().get(0);
      assertThat(req.json().get("type").asText()).isEqualTo("chat.assignment_requested");
      assertThat(req.json().at("/data/chat/id").asText()).isEqualTo(chat.get("id").asText());
      assertThat(req.json().at("/data/contact/name").asText()).isEqualTo("Maria");
      assertThat(req.json().at("/data/trigger").asText()).isEqualTo("created");
      List<String> candidates = new ArrayList<>();
      req.json().at("/data/candidates").forEach(c -> candidates.add(c.get("id").asText()));
      assertThat(candidates).containsExactly(ana, bo);
      assertThat(req.json().at("/data/candidates/0/max_chats").asInt()).isEqualTo(3);
      assertThat(req.json().at("/data/candidates/0/active_chats").asInt()).isZero();
      assertThat(req.signedWith(Workspace.SECRET)).isTrue();

      JsonNode deliveries = w.deliveries(hook);
      assertThat(deliveries).hasSize(1);
      assertThat(deliveries.get(0).get("status").asText()).isEqualTo("succeeded");
      JsonNode delivery = w.api.get("/deliveries/" + deliveries.get(0).get("id").asText()).expect(200).json();
      assertThat(delivery.at("/attempts/0/response_status").asInt()).isEqualTo(200);
      assertThat(delivery.at("/attempts/0/response_body").asText()).contains(bo);
      assertThat(delivery.at("/event_id").asText()).isEqualTo(req.json().get("id").asText());
      // the request is in the event log too, so GET /events/{id} explains a delivery
      w.api.get("/events/" + req.json().get("id").asText()).expect(200);
    }
  }

  @Test
  void everyOtherAnswerFallsBackToTheBuiltInRoutingAndSaysWhy() throws Exception {
    Workspace w = Workspace.fresh(node);
    w.agent("Ana", 50);
    w.agent("Bo", 50);
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (Receiver service = Workspace.service()) {
      String hook = w.decisionWebhook(service.url(), 3000);
      Map<String, Receiver.Reply> answers = new java.util.LinkedHashMap<>();
      answers.put("http_status", Receiver.Reply.json(500, "{\"agent_id\":null}"));
      answers.put("malformed_body", Receiver.Reply.json(200, "agent please"));
      answers.put("declined", Receiver.Reply.json(200, "{\"agent_id\":null}"));
      answers.put("invalid_body", Receiver.Reply.json(200, "{\"agent\":\"agt_x\"}"));
      answers.put("not_a_candidate", Receiver.Reply.json(200, "{\"agent_id\":\"agt_nobody\"}"));
      for (var e : answers.entrySet()) {
        service.respond(r -> e.getValue());
        expectFallback(w, hook, e.getKey());
      }
      w.api.patch("/webhooks/" + hook, Api.json(Map.of("url", "http://127.0.0.1:" + closedPort + "/")))
          .expect(200);
      expectFallback(w, hook, "connection_error");
      assertThat(w.deliveries(hook)).hasSize(6);
    }
  }

  private static void expectFallback(Workspace w, String hook, String reason) {
    JsonNode chat = w.chat("Contact " + reason);
    String id = chat.get("id").asText();
    assertThat(chat.at("/participants").size()).as(reason).isEqualTo(1);
    JsonNode assigned = w.last("chat.assigned", id);
    assertThat(assigned.at("/data/fallback_reason").asText()).as(reason).isEqualTo(reason);
    assertThat(assigned.at("/data/decided_by").isMissingNode()).isTrue();
    JsonNode latest = w.deliveries(hook).get(0);
    assertThat(latest.get("status").asText()).as(reason).isEqualTo("failed");
    assertThat(latest.get("last_error").asText()).as(reason).startsWith("fallback: " + reason);
  }

  @Test
  void aServiceAnswering410IsDisabledAndTheChatsGoToTheBuiltInRouting() throws Exception {
    Workspace w = Workspace.fresh(node);
    w.agent("Ana", 50);
    try (Receiver service = Workspace.service()) {
      String hook = w.decisionWebhook(service.url(), 3000);
      service.respond(r -> Receiver.Reply.json(410, ""));
      expectFallback(w, hook, "http_status");
      JsonNode webhook = w.api.get("/webhooks/" + hook).expect(200).json();
      assertThat(webhook.get("enabled").asBoolean()).isFalse();
      JsonNode disabled = w.api.get("/events?type=webhook.disabled&limit=500").expect(200).at("/data")
          .findParents("webhook").stream().filter(e -> e.at("/webhook/id").asText().equals(hook))
          .findFirst().orElseThrow();
      assertThat(disabled.at("/reason").asText()).contains("410");

      JsonNode next = w.chat("After the 410");
      assertThat(next.at("/participants").size()).isEqualTo(1);
      assertThat(service.requests()).hasSize(1);
    }
  }

  @Test
  void aHangingServiceCostsTheChatNoMoreThanItsTimeout() throws Exception {
    Workspace w = Workspace.fresh(node);
    String ana = w.agent("Ana", 3);
    try (Receiver service = Workspace.service()) {
      service.answer(Receiver.Reply.hang());
      String hook = w.decisionWebhook(service.url(), 1000);
      long t0 = System.nanoTime();
      JsonNode chat = w.chat("Maria");
      long took = Duration.ofNanos(System.nanoTime() - t0).toMillis();

      assertThat(took).isBetween(900L, 1000L + 1500L);
      assertThat(chat.at("/participants/0/id").asText()).isEqualTo(ana);
      assertThat(w.last("chat.assigned", chat.get("id").asText()).at("/data/fallback_reason").asText())
          .isEqualTo("timeout");
      JsonNode delivery = w.api.get("/deliveries/" + w.deliveries(hook).get(0).get("id").asText())
          .expect(200).json();
      assertThat(delivery.at("/attempts/0/error").asText()).contains("timeout");
      assertThat(delivery.at("/attempts/0/duration_ms").asLong()).isLessThan(2500);
    }
  }

  @Test
  void aFailingServiceIsSkippedForACoolDownThenAskedAgain() throws Exception {
    Workspace w = Workspace.fresh(node);
    w.agent("Ana", 50);
    try (Receiver service = Workspace.service()) {
      String hook = w.decisionWebhook(service.url(), 3000);
      service.respond(r -> Receiver.Reply.json(503, ""));
      for (int i = 0; i < 5; i++) w.chat("Failing " + i);
      assertThat(service.requests()).hasSize(5);

      JsonNode skipped = w.chat("Skipped");
      assertThat(service.requests()).hasSize(5);
      assertThat(skipped.at("/participants").size()).isEqualTo(1);
      assertThat(w.last("chat.assigned", skipped.get("id").asText()).at("/data/fallback_reason").asText())
          .isEqualTo("cooling_down");
      JsonNode latest = w.deliveries(hook).get(0);
      assertThat(latest.get("attempt_count").asInt()).isZero();
      assertThat(latest.get("last_error").asText()).startsWith("fallback: cooling_down");

      clock.advance(Duration.ofSeconds(31));
      String ana = w.api.get("/agents").expect(200).at("/data/0/id").asText();
      service.respond(r -> Receiver.Reply.json(200, "{\"agent_id\":\"" + ana + "\"}"));
      JsonNode healthy = w.chat("Healthy again");
      assertThat(service.requests()).hasSize(6);
      assertThat(w.last("chat.assigned", healthy.get("id").asText()).at("/data/decided_by").asText())
          .isEqualTo(hook);
    }
    assertThat(node.admin().as(null).get("/metrics").expect(200).text()).contains("hookdesk_decisions_total");
  }

  @Test
  void theRequestAndBothAnswersArePublishedWithSchemas() {
    Api api = node.admin();
    var type = api.get("/event-types/chat.assignment_requested").expect(200);
    assertThat(type.str("/scope")).isEqualTo("decision");
    assertThat(type.at("/sample/data/candidates/0/max_chats").asInt()).isPositive();
    var decision = api.get("/decision-schemas/chat.assignment_requested.response").expect(200);
    assertThat(decision.at("/schema/required/0").asText()).isEqualTo("agent_id");
    var bot = api.get("/decision-schemas/bot.response").expect(200);
    assertThat(bot.at("/schema/properties/handoff/type").asText()).isEqualTo("boolean");
    assertThat(api.get("/decision-schemas").expect(200).at("/data").size()).isEqualTo(2);
    api.get("/decision-schemas/nope").expect(404);
  }
}
