package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An app token reads and drives only the deliveries of its own webhooks: another app's (or
 * the workspace's) answer 404, as ids of other workspaces do, so existence is not revealed.
 */
@DbTest
class DeliveryOwnershipTest {

  @Test
  void anAppTokenActsOnlyOnTheDeliveriesOfItsOwnWebhooks() {
    try (TestNode node = TestNode.start(); Receiver receiver = Receiver.answering(500)) {
      Api admin = node.admin();
      Api mine = node.withRole("app");
      Api theirs = node.withRole("app");
      String since = Instant.now().minusSeconds(5).toString();
      String webhook = Hooks.register(mine, receiver.url(), List.of("1s"));
      Hooks.fire(admin, "Maria");
      String delivery = Hooks.awaitStatus(mine, webhook, 1, "exhausted", 15_000).at("/0/id").asText();
      String recover = Api.json(Map.of("since", since));

      theirs.get("/webhooks/" + webhook + "/deliveries").expect(404);
      theirs.get("/deliveries/" + delivery).expect(404);
      theirs.post("/deliveries/" + delivery + "/retry").expect(404);
      theirs.post("/webhooks/" + webhook + "/recover", recover).expect(404);
      assertThat(mine.get("/deliveries/" + delivery).expect(200).at("/attempt_count").asInt())
          .as("the other app's retry and recover changed nothing").isEqualTo(2);

      mine.get("/webhooks/" + webhook + "/deliveries").expect(200);
      mine.post("/deliveries/" + delivery + "/retry").expect(202);
      Hooks.awaitStatus(mine, webhook, 1, "failed", 10_000);
      mine.post("/webhooks/" + webhook + "/recover", recover).expect(202);
      Hooks.awaitStatus(mine, webhook, 1, "failed", 10_000);

      admin.get("/webhooks/" + webhook + "/deliveries").expect(200);
      assertThat(admin.get("/deliveries/" + delivery).expect(200).at("/attempts")).isNotEmpty();
      admin.post("/deliveries/" + delivery + "/retry").expect(202);
      Hooks.awaitStatus(admin, webhook, 1, "failed", 10_000);
      assertThat(admin.post("/webhooks/" + webhook + "/recover", recover).expect(202)
          .at("/recovered").asInt()).isEqualTo(1);
    }
  }

  @Test
  void anAppTokenDoesNotSeeTheWorkspacesOwnWebhooksDeliveries() {
    try (TestNode node = TestNode.start(); Receiver receiver = Receiver.answering(200)) {
      Api admin = node.admin();
      Api app = node.withRole("app");
      String webhook = Hooks.register(admin, receiver.url(), List.of("1s"));
      Hooks.fire(admin, "Jon");
      String delivery = Hooks.awaitStatus(admin, webhook, 1, "succeeded", 10_000).at("/0/id").asText();

      app.get("/webhooks/" + webhook + "/deliveries").expect(404);
      app.get("/deliveries/" + delivery).expect(404);
      app.post("/deliveries/" + delivery + "/retry").expect(404);
      app.post("/webhooks/" + webhook + "/recover",
          Api.json(Map.of("since", Instant.now().minusSeconds(60).toString()))).expect(404);
    }
  }
}
