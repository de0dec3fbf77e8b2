package dev.hookdesk.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bot calls are deliveries: in a delivery log with their attempts, retried briefly, in order per chat. */
@DbTest
class BotDeliveryTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void aBotsCallsAreInItsDeliveryLogWithTheirAttempts() throws Exception {
    Workspace w = Workspace.fresh(node);
    try (Receiver service = Workspace.service()) {
      service.respond(BotAgentTest::echo);
      String bot = bot(w, service.url());
      String id = w.chat("Maria").get("id").asText();
      w.contactSays(id, "hello");
      TestNode.await("the echo", 10_000, () -> w.botTexts(id).contains("echo: hello"));

      JsonNode log = w.api.get("/agents/" + bot + "/deliveries").expect(200).at("/data");
      List<String> types = new ArrayList<>();
      log.forEach(d -> types.add(d.get("event_type").asText()));
      assertThat(types).contains("chat.assigned", "chat.message_received");
      JsonNode call = null;
      for (JsonNode d : log) if (d.get("event_type").asText().equals("chat.message_received")) call = d;
      assertThat(call.get("agent_id").asText()).isEqualTo(bot);
      assertThat(call.get("chat_id").asText()).isEqualTo(id);
      assertThat(call.get("webhook_id").isNull()).isTrue();
      String deliveryId = call.get("id").asText();
      TestNode.await("the call recorded as succeeded", 10_000, () -> w.api.get("/deliveries/" + deliveryId)
          .expect(200).str("/status").equals("succeeded"));

      JsonNode one = w.api.get("/deliveries/" + deliveryId).expect(200).json();
      assertThat(one.at("/attempts")).hasSize(1);
      JsonNode attempt = one.at("/attempts/0");
      assertThat(attempt.get("response_status").asInt()).isEqualTo(200);
      assertThat(attempt.get("response_body").asText()).contains("echo: hello");
      assertThat(attempt.at("/request_headers/webhook-signature").asText()).startsWith("v1,");
      assertThat(attempt.at("/request_headers/hookdesk-delivery-id").asText()).isEqualTo(deliveryId);

      // the log is the bot's: a human agent has none, a bad status filter is a 422
      String ana = w.agent("Ana", 3);
      w.api.get("/agents/" + ana + "/deliveries").expect(422);
      w.api.get("/agents/" + bot + "/deliveries?status=nope").expect(422);
      w.api.post("/deliveries/" + deliveryId + "/retry", Api.json(Map.of())).expect(409);
    }
  }

  @Test
  void aFailingBotIsRetriedBrieflyThenHandsTheChatToAHuman() throws Exception {
    Workspace w = Workspace.fresh(node);
    String ana = w.agent("Ana", 3);
    try (Receiver service = Workspace.service()) {
      service.respond(r -> Receiver.Reply.json(503, ""));
      String bot = bot(w, service.url());
      String id = w.chat("Maria").get("id").asText();

      // first attempt, then 1 s, 5 s and 15 s (plus jitter) later: about 21 s
      TestNode.await("the handoff", 40_000, () -> w.participants(id).equals(List.of(ana)));
      JsonNode call = w.api.get("/agents/" + bot + "/deliveries?status=exhausted").expect(200).at("/data/0");
      assertThat(call.get("event_type").asText()).isEqualTo("chat.assigned");
      assertThat(call.get("attempt_count").asInt()).isEqualTo(4);
      assertThat(w.api.get("/deliveries/" + call.get("id").asText()).expect(200).at("/attempts")).hasSize(4);
      assertThat(service.requests()).hasSize(4);
      JsonNode left = w.last("chat.agent_left", id);
      assertThat(left.at("/actor/id").asText()).isEqualTo(bot);
    }
  }

  @Test
  void aBotGetsTheNextEventOfAChatOnlyAfterItsAnswerToThePreviousWasPosted() throws Exception {
    Workspace w = Workspace.fresh(node);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    try (Receiver service = Workspace.service()) {
      service.respond(r -> {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          Thread.sleep(150);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        inFlight.decrementAndGet();
        return BotAgentTest.echo(r);
      });
      String bot = bot(w, service.url());
      String id = w.chat("Maria").get("id").asText();
      for (int i = 1; i <= 5; i++) w.contactSays(id, "m" + i);
      TestNode.await("five echoes", 20_000, () -> w.botTexts(id).size() == 5);

      assertThat(w.botTexts(id)).containsExactly("echo: m1", "echo: m2", "echo: m3", "echo: m4", "echo: m5");
      assertThat(most.get()).as("calls of one chat in flight at once").isEqualTo(1);
      List<String> heard = new ArrayList<>();
      for (Receiver.Request r : service.requests()) {
        if (r.json().get("type").asText().equals("chat.message_received")) {
          heard.add(r.json().at("/data/message/text").asText());
        }
        assertThat(r.json().at("/actor/id").asText()).as("a bot never hears itself").isNotEqualTo(bot);
      }
      assertThat(heard).containsExactly("m1", "m2", "m3", "m4", "m5");
    }
  }

  private static String bot(Workspace w, String url) {
    String bot = w.api.post("/agents", Api.json(Map.of("name", "Echo", "kind", "bot", "status", "online",
        "max_chats", 20, "webhook_url", url))).expect(201).str("/id");
    w.api.put("/agents/" + bot + "/sources", Api.json(Map.of("sources", List.of("website")))).expect(200);
    return bot;
  }

}
