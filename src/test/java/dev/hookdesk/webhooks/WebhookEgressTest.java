package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.config.HookdeskConfig;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The egress guard at registration, with and without HOOKDESK_ALLOWED_NETWORKS. */
@DbTest
class WebhookEgressTest {

  static Map<String, Object> to(String url) {
    return Map.of("scope", "global", "url", url, "events", List.of("ticket.*"));
  }

  @Test
  void withoutAnAllowlistOnlyPublicAddressesMayBeRegistered() throws Exception {
    try (TestNode node = TestNode.start(Map.of(HookdeskConfig.ALLOWED_NETWORKS, ""));
        Receiver receiver = Receiver.http()) {
      Api admin = node.admin();
      Map<String, String> refused = Map.ofEntries(
          Map.entry(receiver.url("/hook"), "loopback"),
          Map.entry("http://localhost:" + receiver.port() + "/hook", "loopback"),
          Map.entry("http://169.254.169.254/latest/meta-data", "link-local"),
          Map.entry("http://10.1.2.3/", "private"),
          Map.entry("http://172.16.0.1/", "private"),
          Map.entry("http://192.168.1.10/", "private"),
          Map.entry("http://100.64.0.1/", "carrier-grade NAT"),
          Map.entry("http://224.0.0.1/", "multicast"),
          Map.entry("http://0.0.0.0/", "unspecified"),
          Map.entry("http://[::1]/", "loopback"),
          Map.entry("http://[fe80::1]/", "link-local"),
          Map.entry("http://[fd00::1]/", "unique-local"),
          Map.entry("http://[::ffff:127.0.0.1]/", "loopback"));
      for (Map.Entry<String, String> e : refused.entrySet()) {
        var r = admin.post("/webhooks", Api.json(to(e.getKey()))).problem(422, "url");
        assertThat(r.json().get("errors").findValuesAsText("message").toString())
            .as(e.getKey()).contains(e.getValue());
      }
      assertThat(admin.get("/webhooks").at("/data").size()).isZero();
      assertThat(receiver.requests()).isEmpty();
    }
  }

  @Test
  void anAllowlistLetsInternalReceiversIn() throws Exception {
    try (TestNode node = TestNode.start(Map.of(HookdeskConfig.ALLOWED_NETWORKS, "127.0.0.0/8"));
        Receiver receiver = Receiver.http()) {
      Api admin = node.admin();
      String byName = admin.post("/webhooks", Api.json(to("http://localhost:" + receiver.port() + "/hook")))
          .expect(201).str("/id");
      admin.post("/webhooks", Api.json(to("http://169.254.169.254/"))).problem(422, "url");
      admin.post("/webhooks", Api.json(to("http://10.0.0.1/"))).problem(422, "url");
      assertThat(admin.post("/webhooks/" + byName + "/test").expect(200).at("/status").asInt()).isEqualTo(200);
      assertThat(receiver.requests()).hasSize(1);
    }
  }
}
