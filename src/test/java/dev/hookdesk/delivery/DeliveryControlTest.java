package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.Receiver.Reply;
import dev.hookdesk.testing.TestNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@DbTest
class DeliveryControlTest {

  @Test
  void aManualRetrySendsAnExhaustedDeliveryAgain() {
    try (TestNode node = TestNode.start(); Receiver receiver = Receiver.answering(500)) {
      Api api = node.admin();
      String webhook = Hooks.register(api, receiver.url(), List.of("1s"));
      Hooks.fire(api, "Maria");
      String id = Hooks.awaitStatus(api, webhook, 1, "exhausted", 15_000).at("/0/id").asText();

      receiver.answer(n -> Reply.of(200));
      api.post("/deliveries/" + id + "/retry").expect(202);
      Hooks.awaitStatus(api, webhook, 1, "succeeded", 10_000);
      JsonNode d = api.get("/deliveries/" + id).expect(200).json();
      assertThat(d.get("attempt_count").asInt()).isEqualTo(3);
      assertThat(d.at("/attempts/2/response_status").asInt()).isEqualTo(200);
    }
  }

  @Test
  void recoverResendsWhatFailedInTheWindow() {
    try (TestNode node = TestNode.start(); Receiver receiver = Receiver.answering(500)) {
      Api api = node.admin();
      String since = Instant.now().minusSeconds(5).toString();
      String webhook = Hooks.register(api, receiver.url(), List.of("1s"));
      Hooks.fire(api, "Maria");
      Hooks.fire(api, "Jon");
      Hooks.awaitStatus(api, webhook, 2, "exhausted", 15_000);

      receiver.answer(n -> Reply.of(200));
      var r = api.post("/webhooks/" + webhook + "/recover", Api.json(Map.of("since", since))).expect(202);
      assertThat(r.at("/recovered").asInt()).isEqualTo(2);
      Hooks.awaitStatus(api, webhook, 2, "succeeded", 10_000);
    }
  }

  @Test
  void aHangingEndpointDoesNotDelayAHealthyOne() {
    try (TestNode node = TestNode.start();
         Receiver hanging = Receiver.answering(n -> Reply.hang());
         Receiver healthy = Receiver.answering(200)) {
      Api api = node.admin();
      String slow = Hooks.register(api, hanging.url(), List.of("1m"), 30_000);
      String fast = Hooks.register(api, healthy.url(), List.of("1m"));
      for (int i = 0; i < 30; i++) Hooks.fire(api, "Contact " + i);

      // Every healthy delivery lands while the other endpoint still holds its requests.
      api.get("/webhooks/" + fast + "/deliveries?limit=100");
      TestNode.await("30 healthy deliveries", 10_000, () -> healthy.count() == 30);
      Hooks.awaitStatus(api, fast, 30, "succeeded", 5_000);
      assertThat(Hooks.deliveries(api, slow).findValuesAsText("status")).doesNotContain("succeeded");
      assertThat(hanging.count()).isPositive();
    }
  }

  @Test
  void badFiltersAndForeignIdsAreRefused() {
    try (TestNode node = TestNode.start(); Receiver receiver = Receiver.answering(200)) {
      Api api = node.admin();
      String webhook = Hooks.register(api, receiver.url(), List.of("1s"));
      Hooks.fire(api, "Maria");
      String id = Hooks.awaitStatus(api, webhook, 1, "succeeded", 10_000).at("/0/id").asText();

      api.get("/webhooks/" + webhook + "/deliveries?status=lost").problem(422, "status");
      api.post("/webhooks/" + webhook + "/recover", "{}").problem(422, "since");
      api.post("/webhooks/" + webhook + "/recover", Api.json(Map.of("since", "yesterday")))
          .problem(422, "since");
      assertThat(api.get("/webhooks/" + webhook + "/deliveries?status=succeeded&event_type=contact.created")
          .at("/data")).hasSize(1);
      assertThat(api.get("/webhooks/" + webhook + "/deliveries?event_type=ticket.created").at("/data")).isEmpty();

      String other = api.post("/workspaces", Api.json(Map.of("name", "Other"))).expect(201)
          .str("/admin_token");
      Api stranger = api.as(other);
      stranger.get("/deliveries/" + id).expect(404);
      stranger.post("/deliveries/" + id + "/retry").expect(404);
      stranger.get("/webhooks/" + webhook + "/deliveries").expect(404);
      node.withRole("agent").get("/deliveries/" + id).expect(403);
    }
  }

  @Test
  void everyEventIsDeliveredAfterTheNodeRestartsOnTheSameDatabase() {
    try (Receiver receiver = Receiver.answering(n -> Reply.hang());
         RestartableNode nodes = new RestartableNode()) {
      Api api = nodes.start();
      String webhook = Hooks.register(api, receiver.url(), List.of("1m"), 30_000);
      for (int i = 0; i < 20; i++) Hooks.fire(api, "Contact " + i);
      TestNode.await("requests in flight", 10_000, () -> receiver.count() > 0);

      nodes.stop();
      receiver.answer(n -> Reply.of(200));
      api = nodes.start();
      Hooks.awaitStatus(api, webhook, 20, "succeeded", 20_000);
      Set<String> delivered = new HashSet<>();
      receiver.requests().stream().filter(r -> r.header("hookdesk-attempt") != null)
          .forEach(r -> delivered.add(r.header("webhook-id")));
      assertThat(delivered).hasSize(20);
    }
  }
}
