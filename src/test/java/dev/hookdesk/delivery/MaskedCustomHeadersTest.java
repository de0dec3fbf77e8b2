package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A webhook's custom header values reach the receiver but are never shown in its attempts. */
@DbTest
class MaskedCustomHeadersTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void theReceiverGetsTheValueTheAttemptLogShowsItMasked() {
    try (Receiver receiver = Receiver.answering(200)) {
      Api api = node.admin();
      Map<String, Object> body = new HashMap<>();
      body.put("scope", "global");
      body.put("url", receiver.url());
      body.put("events", List.of("contact.created"));
      body.put("private", false);
      body.put("headers", Map.of("X-Api-Key", "sk_live_secret"));
      String webhook = api.post("/webhooks", Api.json(body)).expect(201).str("/id");
      Hooks.fire(api, "Maria");

      JsonNode d = Hooks.awaitStatus(api, webhook, 1, "succeeded", 10_000).get(0);
      Receiver.Request sent = receiver.requests().get(0);
      assertThat(sent.header("X-Api-Key")).isEqualTo("sk_live_secret");

      Api.Res full = api.get("/deliveries/" + d.get("id").asText()).expect(200);
      assertThat(full.text()).doesNotContain("sk_live_secret");
      JsonNode headers = full.at("/attempts/0/request_headers");
      assertThat(headers.get("X-Api-Key").asText()).isEqualTo("••••");
      // the standard headers stay as sent, so a signature can still be checked from the log
      assertThat(headers.get("webhook-signature").asText()).isEqualTo(sent.header("webhook-signature"));
      assertThat(headers.get("webhook-id").asText()).isEqualTo(sent.header("webhook-id"));
      assertThat(headers.get("hookdesk-delivery-id").asText()).isEqualTo(d.get("id").asText());
    }
  }
}
