package dev.hookdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.config.HookdeskConfig;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A node whose egress guard allows no private network still delivers to its own inspector. */
@DbTest
class InspectorEgressTest {

  @Test
  void webhooksReachTheNodesOwnInspectorButNoOtherLoopbackUrl() throws Exception {
    try (TestNode node = TestNode.start(Map.of(HookdeskConfig.ALLOWED_NETWORKS, ""))) {
      Api admin = node.admin();
      ConsoleClient console = new ConsoleClient(node.baseUrl());
      console.signIn(TestNode.OWNER_TOKEN);
      String bin = console.createBin("Strict node");
      String capture = node.baseUrl() + "/inspect/" + bin;

      for (String url : List.of(node.baseUrl() + "/api/v1/tokens", node.baseUrl() + "/inspect/" + bin + "/../x",
          "http://127.0.0.1:" + (node.node().port() == 65535 ? 1 : node.node().port() + 1) + "/inspect/" + bin,
          "http://10.0.0.5:" + node.node().port() + "/inspect/" + bin)) {
        admin.post("/webhooks", hook(url)).problem(422, "url");
      }
      String webhook = admin.post("/webhooks", hook(capture)).expect(201).str("/id");

      var test = admin.post("/webhooks/" + webhook + "/test", "{}").expect(200);
      assertThat(test.at("/success").asBoolean()).isTrue();
      assertThat(test.at("/status").asInt()).isEqualTo(200);

      admin.post("/tickets", Api.json(Map.of("subject", "Kettle lid cracked", "body", "Please help",
          "requester", Map.of("name", "Maria Jensen", "email", "maria@example.com")))).expect(201);
      TestNode.await("the ticket.created delivery to succeed", 10_000, () -> admin
          .get("/webhooks/" + webhook + "/deliveries?status=succeeded").at("/data").size() == 1);

      // Both requests arrived, each verified with the webhook's own secret, nothing pasted.
      String page = console.get("/console/inspector/" + bin).body();
      assertThat(page).contains("webhook.test").contains("ticket.created");
      assertThat(page.split("data-signature=\"verified\"", -1)).hasSize(3);
    }
  }

  private static String hook(String url) {
    return Api.json(Map.of("scope", "global", "url", url, "events", List.of("ticket.created")));
  }
}
