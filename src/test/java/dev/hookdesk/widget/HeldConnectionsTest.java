package dev.hookdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.events.Event;
import dev.hookdesk.events.EventDraft;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests cannot starve the node's background work: while every connection of the request
 * pool is held (requests that never end), a committed event is still delivered to its webhook
 * and shown in a visitor's open stream, because the engine, the live feeds and LISTEN have a
 * pool of their own.
 */
@DbTest
class HeldConnectionsTest {
  static final String SHOP = "https://shop.example";

  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @RegisterExtension
  static final Receiver receiver = Receiver.perClass();

  @Test
  void deliveriesAndAVisitorsStreamGoOnWhileRequestsHoldEveryConnection() throws Exception {
    Api admin = node.admin();
    String agentId = WidgetSetup.site(admin, "website", SHOP);
    admin.post("/webhooks", Api.json(Map.of("scope", "live_support", "private", false,
        "url", receiver.url("/chats"), "events", List.of("chat.message_sent")))).expect(201);
    WidgetClient v = WidgetClient.visitor(node.baseUrl(), SHOP, node.node().defaultWorkspaceId(), "website");
    String chatId = v.post("/chats", Map.of()).expect(201).str("/chat/id");
    WidgetStreamTest.agentSays(admin, chatId, agentId, "template");
    JsonNode template = last(admin.get("/events?type=chat.message_sent&limit=100").expect(200).at("/data"));
    TestNode.await("the template's delivery", 10_000, () -> delivered(template.get("id").asText()));

    try (var stream = v.stream(chatId, template.get("sequence").asText())) {
      assertThat(stream.response.statusCode()).isEqualTo(200);
      try (TestNode.Held held = node.holdRequestConnections()) {
        assertThat(held.connections()).as("the request pool's connections").isNotEmpty();
        // the last request to get a connection commits a message, then keeps it too
        Event sent;
        try (Handle h = Jdbi.open(held.connections().get(0))) {
          sent = h.inTransaction(t -> node.node().events().append(t, message(template, "while held")));
        }

        TestNode.await("the delivery", 10_000, () -> delivered(sent.id()));
        var shown = stream.nextMessage();
        assertThat(shown.data().get("text").asText()).isEqualTo("while held");
        assertThat(shown.id()).isEqualTo(Long.toString(sent.sequence()));
      }
    }
  }

  private static boolean delivered(String eventId) {
    return receiver.requests().stream().anyMatch(r -> eventId.equals(r.header("webhook-id")));
  }

  /** The template's event again, as another message of the same chat with this text. */
  private static EventDraft message(JsonNode template, String text) {
    ObjectNode data = ((ObjectNode) template.get("data")).deepCopy();
    ((ObjectNode) data.get("message")).put("text", text);
    JsonNode actor = template.get("actor");
    return new EventDraft(template.get("workspace_id").asText(), template.get("type").asText(),
        new Actor(actor.get("type").asText(), actor.get("id").asText(), actor.get("via").asText()),
        data, "website");
  }

  private static JsonNode last(JsonNode list) {
    return list.get(list.size() - 1);
  }
}
