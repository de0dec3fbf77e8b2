package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.config.HookdeskConfig;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.SelfSigned;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Private webhooks over HTTPS: a verified certificate, trusted through HOOKDESK_TRUSTED_CERTS. */
@DbTest
class WebhookHttpsTest {

  static Map<String, Object> privateTo(String url) {
    return Map.of("scope", "global", "url", url, "events", List.of("contact.*"), "private", true);
  }

  @Test
  void aPrivateWebhookGetsPersonalDataOverVerifiedTls() throws Exception {
    SelfSigned cert = SelfSigned.create();
    try (Receiver tls = Receiver.https(cert);
        TestNode node = TestNode.start(Map.of(HookdeskConfig.TRUSTED_CERTS, cert.pem().toString()))) {
      Api admin = node.admin();
      String id = admin.post("/webhooks", Api.json(privateTo(tls.url("/secure")))).expect(201).str("/id");
      String secret = admin.get("/webhooks/" + id + "/secret").str("/secret");
      var attempt = admin.post("/webhooks/" + id + "/test", Api.json(Map.of("event_type", "contact.created")))
          .expect(200);
      assertThat(attempt.at("/status").asInt()).isEqualTo(200);
      Receiver.Request got = tls.last();
      assertThat(StandardWebhooks.verifies(secret, got)).isTrue();
      var data = new ObjectMapper().readTree(got.body()).get("data");
      assertThat(data.at("/contact/email").asText()).isEqualTo("maria@example.com");
    }
  }

  @Test
  void anUntrustedCertificateFailsTheAttempt() throws Exception {
    SelfSigned cert = SelfSigned.create();
    try (Receiver tls = Receiver.https(cert); TestNode node = TestNode.start()) {
      Api admin = node.admin();
      String id = admin.post("/webhooks", Api.json(privateTo(tls.url("/secure")))).expect(201).str("/id");
      var attempt = admin.post("/webhooks/" + id + "/test").expect(200);
      assertThat(attempt.at("/success").asBoolean()).isFalse();
      assertThat(attempt.at("/status").asInt()).isZero();
      assertThat(attempt.str("/error")).startsWith("tls:");
      assertThat(tls.requests()).isEmpty();
    }
  }
}
