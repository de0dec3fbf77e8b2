package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole path a user relies on: a desk action through the API, the event, the fan-out,
 * the delivery engine, and a signed request at a real receiver that an independent
 * Standard Webhooks check accepts — filtered by event and by chat source.
 */
@DbTest
class DeskToReceiverTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();

  @Test
  void aTicketWebhookGetsSignedRedactedTicketEventsOnly() throws Exception {
    try (Receiver receiver = Receiver.http()) {
      String hook = api.post("/webhooks", Api.json(Map.of("scope", "global", "url", receiver.url("/tickets"),
          "events", List.of("ticket.*"), "private", false))).expect(201).str("/id");
      String secret = api.get("/webhooks/" + hook + "/secret").expect(200).str("/secret");
      String agent = api.post("/agents", Api.json(Map.of("name", "Ana", "email", "ana@example.com")))
          .expect(201).str("/id");

      String ticket = api.post("/tickets", Api.json(Map.of("subject", "Printer on fire",
          "body", "It smokes, call me on +45 20 12 34 56",
          "requester", Map.of("name", "Maria", "email", "maria@example.com")))).expect(201).str("/id");
      api.post("/tickets/" + ticket + "/replies", Api.json(Map.of("author_type", "agent",
          "author_id", agent, "body", "On my way"))).expect(201);

      TestNode.await("ticket.created, ticket.agent_replied, ticket.answered", 10_000,
          () -> types(receiver).containsAll(List.of("ticket.created", "ticket.agent_replied", "ticket.answered")));
      assertThat(types(receiver)).as("contact.created is not subscribed").doesNotContain("contact.created")
          .allMatch(t -> t.startsWith("ticket."));

      for (Receiver.Request r : receiver.requests()) {
        assertThat(StandardWebhooks.verifies(secret, r)).as("signature of %s", r.header("hookdesk-event-type")).isTrue();
        JsonNode body = JSON.readTree(r.body());
        assertThat(r.header("webhook-id")).isEqualTo(body.get("id").asText());
        assertThat(body.get("workspace_id").asText()).isEqualTo(node.node().defaultWorkspaceId());
        assertThat(node.node().catalog().validate(body)).as("published schema of %s", body.get("type")).isEmpty();
      }
      JsonNode created = JSON.readTree(byType(receiver, "ticket.created").body());
      assertThat(created.at("/data/ticket/id").asText()).isEqualTo(ticket);
      assertThat(created.at("/data/message/body").asText()).as("personal text is redacted").isEqualTo("[redacted]");
      assertThat(created.toString()).doesNotContain("+45 20 12 34 56").doesNotContain("maria@example.com");
    }
  }

  @Test
  void aLiveSupportWebhookGetsOnlyChatsFromItsSources() throws Exception {
    try (Receiver receiver = Receiver.http()) {
      api.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
      api.post("/sources", Api.json(Map.of("key", "mobile_app", "name", "App"))).expect(201);
      String hook = api.post("/webhooks", Api.json(Map.of("scope", "live_support",
          "url", receiver.url("/chats"), "events", List.of("chat.created", "chat.message_received", "chat.closed"),
          "sources", List.of("website"), "private", false))).expect(201).str("/id");
      String secret = api.get("/webhooks/" + hook + "/secret").expect(200).str("/secret");

      String fromApp = api.post("/chats", Api.json(Map.of("source", "mobile_app", "type", "request",
          "contact", Map.of("name", "Kim")))).expect(201).str("/id");
      String fromWeb = api.post("/chats", Api.json(Map.of("source", "website", "type", "request",
          "contact", Map.of("name", "Lee")))).expect(201).str("/id");
      api.post("/chats/" + fromWeb + "/messages", Api.json(Map.of("author_type", "contact",
          "text", "Hello, my card number is 4111"))).expect(201);
      api.post("/chats/" + fromApp + "/messages", Api.json(Map.of("author_type", "contact",
          "text", "Hi from the app"))).expect(201);
      api.post("/chats/" + fromWeb + "/close", Api.json(Map.of("note", "Called Lee back on 555-0100")))
          .expect(200);

      TestNode.await("the website chat's events", 10_000,
          () -> types(receiver).containsAll(List.of("chat.created", "chat.message_received", "chat.closed")));
      // The app chat's events were committed before the last website one; had they matched,
      // they would have been delivered by now as well.
      TestNode.await("every delivery of the webhook settled", 10_000, () -> api.get("/webhooks/" + hook
          + "/deliveries").json().at("/data").size() == receiver.requests().size());
      assertThat(receiver.requests()).hasSize(3);
      for (Receiver.Request r : receiver.requests()) {
        assertThat(StandardWebhooks.verifies(secret, r)).isTrue();
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.at("/data/chat/id").asText()).isEqualTo(fromWeb);
        assertThat(body.at("/data/chat/source").asText()).isEqualTo("website");
      }
      JsonNode message = JSON.readTree(byType(receiver, "chat.message_received").body());
      assertThat(message.toString()).doesNotContain("4111");
      JsonNode closed = JSON.readTree(byType(receiver, "chat.closed").body());
      assertThat(closed.at("/data/chat/close_record/note").asText()).isEqualTo("[redacted]");
    }
  }

  private static List<String> types(Receiver r) {
    return r.requests().stream().map(x -> x.header("hookdesk-event-type")).toList();
  }

  private static Receiver.Request byType(Receiver r, String type) {
    return r.requests().stream().filter(x -> type.equals(x.header("hookdesk-event-type"))).findFirst().orElseThrow();
  }
}
