package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.Receiver.Reply;
import dev.hookdesk.testing.TestNode;
import dev.hookdesk.webhooks.Signer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DbTest
class DeliveryTest {

  @Test
  void deliversASignedEventAndLogsTheAttempt() {
    try (TestNode node = TestNode.start(); Receiver receiver = Receiver.answering(200)) {
      Api api = node.admin();
      String webhook = Hooks.register(api, receiver.url(), List.of("1s"));
      String secret = api.get("/webhooks/" + webhook + "/secret").expect(200).str("/secret");
      Hooks.fire(api, "Maria");

      JsonNode d = Hooks.awaitStatus(api, webhook, 1, "succeeded", 10_000).get(0);
      Receiver.Request r = receiver.requests().get(0);
      assertThat(r.header("webhook-id")).isEqualTo(d.get("event_id").asText());
      assertThat(r.header("hookdesk-delivery-id")).isEqualTo(d.get("id").asText());
      assertThat(r.header("hookdesk-event-type")).isEqualTo("contact.created");
      assertThat(r.header("hookdesk-attempt")).isEqualTo("1");
      String expected = "v1," + Signer.sign(Signer.key(secret), r.header("webhook-id"),
          Long.parseLong(r.header("webhook-timestamp")), r.body().getBytes(StandardCharsets.UTF_8));
      assertThat(r.header("webhook-signature")).contains(expected);

      JsonNode full = api.get("/deliveries/" + d.get("id").asText()).expect(200).json();
      assertThat(full.get("attempt_count").asInt()).isEqualTo(1);
      JsonNode attempt = full.at("/attempts/0");
      assertThat(attempt.get("response_status").asInt()).isEqualTo(200);
      assertThat(attempt.get("outcome").asText()).isEqualTo("success");
      assertThat(attempt.get("request_body").asText()).isEqualTo(r.body());
      assertThat(attempt.at("/request_headers/webhook-signature").asText()).isEqualTo(r.header("webhook-signature"));
      assertThat(attempt.get("response_body").asText()).contains("ok");
    }
  }

  @Test
  void retriesAFailureWithTheSameWebhookIdUntilItSucceeds() {
    try (TestNode node = TestNode.start();
         Receiver receiver = Receiver.answering(n -> n == 1 ? Reply.of(500) : Reply.of(200))) {
      Api api = node.admin();
      String webhook = Hooks.register(api, receiver.url(), List.of("1s", "1s"));
      Hooks.fire(api, "Maria");

      JsonNode d = Hooks.awaitStatus(api, webhook, 1, "succeeded", 15_000).get(0);
      assertThat(d.get("attempt_count").asInt()).isEqualTo(2);
      List<Receiver.Request> rs = receiver.requests();
      assertThat(rs.get(0).header("webhook-id")).isEqualTo(rs.get(1).header("webhook-id"));
      assertThat(rs.get(1).header("hookdesk-attempt")).isEqualTo("2");
      assertThat(rs.get(1).receivedAtMillis() - rs.get(0).receivedAtMillis()).isGreaterThanOrEqualTo(900);
      JsonNode attempts = api.get("/deliveries/" + d.get("id").asText()).json().get("attempts");
      assertThat(attempts.get(0).get("response_status").asInt()).isEqualTo(500);
      assertThat(attempts.get(0).get("error").asText()).contains("500");
    }
  }

  @Test
  void exhaustsAfterTheLastAttemptAndEmitsDeliveryExhausted() {
    try (TestNode node = TestNode.start(); Receiver receiver = Receiver.answering(500)) {
      Api api = node.admin();
      String webhook = Hooks.register(api, receiver.url(), List.of("1s"));
      Hooks.fire(api, "Maria");

      JsonNode d = Hooks.awaitStatus(api, webhook, 1, "exhausted", 15_000).get(0);
      assertThat(receiver.count()).isEqualTo(2);
      assertThat(d.get("next_attempt_at").isNull()).isTrue();
      JsonNode events = api.get("/events?type=delivery.exhausted").expect(200).at("/data");
      assertThat(events).hasSize(1);
      assertThat(events.at("/0/data/delivery_id").asText()).isEqualTo(d.get("id").asText());
      assertThat(events.at("/0/data/last_status").asInt()).isEqualTo(500);
    }
  }

  @Test
  void redirectsAreFailuresAndAreNotFollowed() {
    try (TestNode node = TestNode.start();
         Receiver elsewhere = Receiver.answering(200);
         Receiver receiver = Receiver.answering(n -> Reply.of(302, Map.of("Location", elsewhere.url()), new byte[0]))) {
      Api api = node.admin();
      String webhook = Hooks.register(api, receiver.url(), List.of("1s"));
      Hooks.fire(api, "Maria");

      JsonNode d = Hooks.awaitStatus(api, webhook, 1, "exhausted", 15_000).get(0);
      assertThat(d.get("last_response_status").asInt()).isEqualTo(302);
      assertThat(d.get("last_error").asText()).contains("redirect");
      assertThat(elsewhere.count()).isZero();
    }
  }

  @Test
  void goneDisablesTheWebhook() {
    try (TestNode node = TestNode.start(); Receiver receiver = Receiver.answering(410)) {
      Api api = node.admin();
      String webhook = Hooks.register(api, receiver.url(), List.of("1s", "1s"));
      Hooks.fire(api, "Maria");

      Hooks.awaitStatus(api, webhook, 1, "failed", 10_000);
      assertThat(receiver.count()).isEqualTo(1);
      assertThat(api.get("/webhooks/" + webhook).expect(200).at("/enabled").asBoolean()).isFalse();
      assertThat(api.get("/events?type=webhook.disabled").expect(200).at("/data")).hasSize(1);

      Hooks.fire(api, "Jon");
      assertThat(receiver.count()).as("a disabled webhook gets nothing more").isEqualTo(1);
    }
  }

  @Test
  void retryAfterOn429IsHonouredInsteadOfTheSchedule() {
    try (TestNode node = TestNode.start();
         Receiver receiver = Receiver.answering(n -> n == 1
             ? Reply.of(429, Map.of("Retry-After", "1"), new byte[0]) : Reply.of(200))) {
      Api api = node.admin();
      // The schedule alone would wait an hour; the receiver asks for one second.
      String webhook = Hooks.register(api, receiver.url(), List.of("1h"));
      Hooks.fire(api, "Maria");

      Hooks.awaitStatus(api, webhook, 1, "succeeded", 15_000);
      List<Receiver.Request> rs = receiver.requests();
      assertThat(rs.get(1).receivedAtMillis() - rs.get(0).receivedAtMillis()).isGreaterThanOrEqualTo(900);
    }
  }

  @Test
  void aTimeoutIsRetried() {
    try (TestNode node = TestNode.start();
         Receiver receiver = Receiver.answering(n -> n == 1 ? Reply.hang() : Reply.of(200))) {
      Api api = node.admin();
      String webhook = Hooks.register(api, receiver.url(), List.of("1s"), 1000);
      Hooks.fire(api, "Maria");

      JsonNode d = Hooks.awaitStatus(api, webhook, 1, "succeeded", 15_000).get(0);
      JsonNode first = api.get("/deliveries/" + d.get("id").asText()).json().at("/attempts/0");
      assertThat(first.get("outcome").asText()).isEqualTo("network_error");
      assertThat(first.get("response_status").isNull()).isTrue();
      assertThat(first.get("error").asText()).isNotBlank();
    }
  }
}
