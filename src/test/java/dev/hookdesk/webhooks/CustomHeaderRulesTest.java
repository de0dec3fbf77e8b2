package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Custom headers may not set what belongs to the connection (hop-by-hop headers, {@code Expect},
 * framing) or to Hookdesk (Standard Webhooks and {@code hookdesk-*}): a 422 naming the header,
 * on registration and on change, and nothing written.
 */
@DbTest
class CustomHeaderRulesTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api admin = node.admin();
  @RegisterExtension
  static final Receiver receiver = Receiver.perClass();

  static final List<String> REFUSED = List.of("Connection", "Keep-Alive", "Proxy-Connection",
      "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Expect", "Host", "Content-Length",
      "Content-Type", "User-Agent", "Proxy-Authorization", "webhook-id", "Webhook-Timestamp",
      "webhook-signature", "hookdesk-event-type", "Hookdesk-Anything");

  static String body(Map<String, String> headers) {
    return Api.json(Map.of("scope", "global", "url", receiver.url("/h"), "events", List.of("ticket.*"),
        "headers", headers));
  }

  static int count() {
    return node.node().database().read(h -> h.createQuery("SELECT COUNT(*) FROM webhooks")
        .mapTo(Integer.class).one());
  }

  @Test
  void connectionAndReservedHeadersAreRefusedOnRegistration() {
    for (String name : REFUSED) {
      int before = count();
      admin.post("/webhooks", body(Map.of(name, "100-continue"))).problem(422, "headers." + name);
      assertThat(count()).as(name + ": nothing written").isEqualTo(before);
    }
  }

  @Test
  void connectionAndReservedHeadersAreRefusedOnChange() {
    String id = admin.post("/webhooks", body(Map.of("X-Api-Key", "k-1"))).expect(201).str("/id");
    for (String name : REFUSED) {
      admin.patch("/webhooks/" + id, Api.json(Map.of("headers", Map.of(name, "close"))))
          .problem(422, "headers." + name);
    }
    admin.post("/webhooks/" + id + "/test").expect(200);
    assertThat(receiver.last().header("x-api-key")).as("the stored headers are unchanged").isEqualTo("k-1");
  }
}
