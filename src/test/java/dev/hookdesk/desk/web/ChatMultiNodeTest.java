package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.TestDatabase;
import dev.hookdesk.testing.TestNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL schema: the visitor writes through node A's widget API, the
 * agent's console stream is served by node B, woken by A's NOTIFY. Always PostgreSQL.
 */
class ChatMultiNodeTest {
  static final String SHOP = "https://shop.example";

  @Test
  void aVisitorsMessageOnNodeAReachesTheAgentsConsoleOnNodeB() throws Exception {
    try (TestDatabase db = TestDatabase.createPostgres()) {
      Map<String, String> shared = new HashMap<>(db.settings());
      shared.put("HOOKDESK_SECRET_KEY", "multi-node-test-secret-key-0123456789");
      try (TestNode a = TestNode.start(shared); TestNode b = TestNode.start(shared)) {
        Api admin = a.admin();
        admin.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
        admin.patch("/sources/website", Api.json(Map.of("allowed_origins", List.of(SHOP)))).expect(200);
        ChatDesk agentOnA = ChatDesk.agent(admin, a.baseUrl(), "Nia Node", "online");
        ChatDesk agent = agentOnA.on(b.baseUrl());

        var visitor = VisitorOnA.start(a.baseUrl(), SHOP, a.node().defaultWorkspaceId());
        String chatId = visitor.chatId;
        TestNode.await("the chat routed to Nia", 5000, () ->
            admin.get("/chats/" + chatId).expect(200).at("/participants/0/id").asText("").equals(agent.agentId));
        var page = agent.get("/desk/chats/" + chatId);
        assertThat(page.statusCode()).isEqualTo(200);
        try (var stream = agent.stream(ChatDesk.streamUrl(page.body()), null)) {
          visitor.says("Hello from node A");
          assertThat(stream.next("message").data()).contains("Hello from node A").contains("from-contact");
        }
      }
    }
  }
}
