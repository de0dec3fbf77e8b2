package dev.hookdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.TestDatabase;
import dev.hookdesk.testing.TestNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL schema: the visitor's stream is on node A, the agent answers
 * through node B's API, and LISTEN/NOTIFY wakes A's reader. Always PostgreSQL.
 */
class WidgetMultiNodeTest {
  static final String SHOP = "https://shop.example";

  @Test
  void aVisitorOnNodeASeesAnAgentsMessagePostedOnNodeB() throws Exception {
    try (TestDatabase db = TestDatabase.createPostgres()) {
      Map<String, String> shared = new HashMap<>(db.settings());
      shared.put("HOOKDESK_SECRET_KEY", "multi-node-test-secret-key-0123456789");
      try (TestNode a = TestNode.start(shared); TestNode b = TestNode.start(shared)) {
        String agentId = WidgetSetup.site(a.admin(), "website", SHOP);
        WidgetClient v = WidgetClient.visitor(a.baseUrl(), SHOP, a.node().defaultWorkspaceId(), "website");
        var started = v.post("/chats", Map.of()).expect(201);
        String chatId = started.str("/chat/id");
        try (var stream = v.stream(chatId, started.str("/stream_after"))) {
          WidgetStreamTest.agentSays(b.admin(), chatId, agentId, "Hello from node B");
          var m = stream.nextMessage();
          assertThat(m.data().get("text").asText()).isEqualTo("Hello from node B");
          assertThat(m.data().get("author_name").asText()).isEqualTo("Ada Agent");
        }
      }
    }
  }
}
