package dev.hookdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chat's live stream read by a real HTTP client: live, once, in order, resumable. */
@DbTest
class WidgetStreamTest {
  static final String SHOP = "https://shop.example";

  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void messagesArriveLiveAndAReconnectResumesAfterTheLastOneSeenEachOnceInOrder() throws Exception {
    Api admin = node.admin();
    String agentId = WidgetSetup.site(admin, "website", SHOP);
    WidgetClient v = WidgetClient.visitor(node.baseUrl(), SHOP, node.node().defaultWorkspaceId(), "website");
    var started = v.post("/chats", Map.of()).expect(201);
    String chatId = started.str("/chat/id");

    String lastSeen;
    try (var stream = v.stream(chatId, started.str("/stream_after"))) {
      assertThat(stream.response.statusCode()).isEqualTo(200);
      assertThat(stream.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
      assertThat(stream.response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
      v.post("/chats/" + chatId + "/messages", Map.of("text", "<b>one</b>")).expect(201);
      agentSays(admin, chatId, agentId, "two");
      var one = stream.nextMessage();
      var two = stream.nextMessage();
      assertThat(one.data().get("text").asText()).isEqualTo("<b>one</b>");
      assertThat(one.data().get("author").asText()).isEqualTo("visitor");
      assertThat(two.data().get("text").asText()).isEqualTo("two");
      assertThat(two.data().get("author_name").asText()).isEqualTo("Ada Agent");
      lastSeen = one.id();
    }

    // Two more while the visitor is away; the reconnect names the first message as the last seen.
    agentSays(admin, chatId, agentId, "three");
    try (var resumed = v.stream(chatId, lastSeen)) {
      assertThat(resumed.nextMessage().data().get("text").asText()).isEqualTo("two");
      assertThat(resumed.nextMessage().data().get("text").asText()).isEqualTo("three");
      agentSays(admin, chatId, agentId, "four");
      assertThat(resumed.nextMessage().data().get("text").asText()).as("nothing twice, nothing skipped")
          .isEqualTo("four");
    }
  }

  @Test
  void aStreamIsRefusedWithoutTheVisitorsKeyOrWithABadLastEventId() {
    Api admin = node.admin();
    WidgetSetup.source(admin, "shop2", "https://shop2.example");
    WidgetClient v = WidgetClient.visitor(node.baseUrl(), "https://shop2.example",
        node.node().defaultWorkspaceId(), "shop2");
    String chatId = v.post("/chats", Map.of()).expect(201).str("/chat/id");
    var anonymous = new WidgetClient(node.baseUrl(), "https://shop2.example");
    anonymous.send("GET", "/chats/" + chatId + "/stream?key=vsk_nope", null, Map.of()).problem(401, null);
    v.send("GET", "/chats/" + chatId + "/stream?key=" + v.streamKey, null,
        Map.of("Last-Event-ID", "12abc")).problem(422, "Last-Event-ID");
  }

  static void agentSays(Api admin, String chatId, String agentId, String text) {
    admin.post("/chats/" + chatId + "/messages", Api.json(Map.of("author_type", "agent",
        "author_id", agentId, "text", text))).expect(201);
  }
}
