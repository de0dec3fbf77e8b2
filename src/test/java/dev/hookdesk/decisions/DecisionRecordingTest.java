package dev.hookdesk.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.LogLines;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recording a decision call never costs the routing, whatever the service answered. */
@DbTest
class DecisionRecordingTest {
  static final String SECRET = "sk_url_secret_4242";

  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void anAnswerWithANulByteStillRoutesAndIsRecordedVisibly() throws Exception {
    Workspace w = Workspace.fresh(node);
    w.agent("Ana", 3);
    String bo = w.agent("Bo", 3);
    try (Receiver service = Workspace.service()) {
      String hook = w.decisionWebhook(service.url(), 3000);
      service.respond(r -> Receiver.Reply.json(200, "{\"agent_id\":\"" + bo + "\"}\u0000bad"));

      JsonNode chat = w.chat("Maria");

      assertThat(chat.at("/participants/0/id").asText()).isEqualTo(bo);
      String delivery = w.deliveries(hook).get(0).get("id").asText();
      JsonNode attempt = w.api.get("/deliveries/" + delivery).expect(200).at("/attempts/0");
      assertThat(attempt.get("response_body").asText()).endsWith("}\\x00bad");
    }
  }

  @Test
  void theCustomHeaderValuesAreMaskedInTheRecordedCall() throws Exception {
    Workspace w = Workspace.fresh(node);
    String ana = w.agent("Ana", 3);
    try (Receiver service = Workspace.service()) {
      String hook = decisionWebhook(w, service.url(), Map.of("X-Api-Key", "sk_live_secret"));
      service.respond(r -> Receiver.Reply.json(200, "{\"agent_id\":\"" + ana + "\"}"));

      w.chat("Maria");

      assertThat(service.requests().get(0).header("x-api-key")).isEqualTo("sk_live_secret");
      String delivery = w.deliveries(hook).get(0).get("id").asText();
      Api.Res full = w.api.get("/deliveries/" + delivery).expect(200);
      assertThat(full.text()).doesNotContain("sk_live_secret");
      assertThat(full.at("/attempts/0/request_headers/X-Api-Key").asText()).isEqualTo("••••");
    }
  }

  @Test
  void aCallTheDatabaseRefusesToRecordIsLoggedWithoutItsValuesAndTheChatIsRoutedAnyway() throws Exception {
    try (TestNode own = TestNode.start(); LogLines logs = LogLines.capture(); Receiver service = Workspace.service()) {
      // refuses every attempt to this URL, note or not: the call cannot be recorded at all
      own.node().database().inTransaction(h -> h.execute("ALTER TABLE delivery_attempts ADD CONSTRAINT"
          + " refuse_url CHECK (url NOT LIKE '%" + SECRET + "%')"));
      Workspace w = Workspace.fresh(own);
      String ana = w.agent("Ana", 3);
      decisionWebhook(w, service.url() + "?key=" + SECRET, Map.of());
      service.respond(r -> Receiver.Reply.json(200, "{\"agent_id\":\"" + ana + "\"}"));

      JsonNode chat = w.chat("Maria");

      assertThat(chat.at("/participants/0/id").asText()).isEqualTo(ana);
      assertThat(logs.lines()).as("the failure is logged").anyMatch(l -> l.contains("cannot record"));
      assertThat(logs.lines()).noneMatch(l -> l.contains(SECRET));
    }
  }

  private static String decisionWebhook(Workspace w, String url, Map<String, String> headers) {
    Map<String, Object> body = new HashMap<>();
    body.put("scope", "live_support");
    body.put("url", url);
    body.put("events", List.of("chat.assignment_requested"));
    body.put("sources", List.of("website"));
    body.put("secret", Workspace.SECRET);
    body.put("headers", headers);
    return w.api.post("/webhooks", Api.json(body)).expect(201).str("/id");
  }
}
