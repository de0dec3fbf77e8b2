package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.SelfSigned;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.EgressGuard;
import dev.hookdesk.webhooks.send.JettyWebhookSender;
import dev.hookdesk.webhooks.send.OutboundRequest;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One request through the Jetty sender to real receivers on loopback. */
class SenderTest {
  static final EgressGuard LOOPBACK_ALLOWED = new EgressGuard(List.of("127.0.0.0/8", "::1/128"));
  static SelfSigned cert;
  static JettyWebhookSender sender;
  @RegisterExtension
  static final Receiver receiver = Receiver.perClass();

  @BeforeAll
  static void start() throws Exception {
    cert = SelfSigned.create();
    sender = new JettyWebhookSender(LOOPBACK_ALLOWED, Optional.of(cert.pem()), Duration.ofSeconds(5), 8);
  }

  @AfterAll
  static void stop() {
    sender.close();
  }

  static OutboundRequest post(String url, Duration timeout) {
    return new OutboundRequest(url, Map.of("content-type", "application/json; charset=utf-8",
        "webhook-id", "evt_1", "x-custom", "yes"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8), timeout);
  }

  static AttemptResult send(JettyWebhookSender s, String url) {
    return s.send(post(url, Duration.ofSeconds(5))).join();
  }

  @Test
  void postsTheBodyAndHeadersAndReadsTheAnswer() {
    receiver.answer(Receiver.Reply.of(202, Map.of("X-Reply", "hi"), "accepted".getBytes()));
    AttemptResult r = send(sender, receiver.url("/hook"));
    assertThat(r.success()).isTrue();
    assertThat(r.status()).isEqualTo(202);
    assertThat(r.responseBody()).isEqualTo("accepted");
    assertThat(r.responseHeaders()).containsEntry("x-reply", "hi");
    Receiver.Request got = receiver.last();
    assertThat(got.body()).isEqualTo("{\"a\":1}");
    assertThat(got.header("content-type")).isEqualTo("application/json; charset=utf-8");
    assertThat(got.header("webhook-id")).isEqualTo("evt_1");
    assertThat(got.header("x-custom")).isEqualTo("yes");
  }

  @Test
  void redirectsAreNotFollowed() {
    int before = receiver.requests().size();
    receiver.answer(Receiver.Reply.of(302, Map.of("Location", receiver.url("/elsewhere")), new byte[0]));
    AttemptResult r = send(sender, receiver.url("/hook"));
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.success()).isFalse();
    assertThat(receiver.requests().size() - before).isEqualTo(1);
  }

  @Test
  void keepsAtMost64KiBOfTheResponse() {
    byte[] big = "x".repeat(300 * 1024).getBytes();
    receiver.answer(Receiver.Reply.of(200, Map.of(), big));
    AttemptResult r = send(sender, receiver.url("/hook"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.responseBody()).hasSize(64 * 1024);
  }

  @Test
  void readsRetryAfterOn429And503() {
    receiver.answer(Receiver.Reply.of(429, Map.of("Retry-After", "7"), new byte[0]));
    assertThat(send(sender, receiver.url("/hook")).retryAfter()).contains(Duration.ofSeconds(7));
    receiver.answer(Receiver.Reply.of(503, Map.of("Retry-After", "soon"), new byte[0]));
    assertThat(send(sender, receiver.url("/hook")).retryAfter()).isEmpty();
  }

  @Test
  void aSlowReceiverTimesOut() throws Exception {
    try (Receiver slow = Receiver.http()) {
      slow.delay(3000);
      AttemptResult r = sender.send(post(slow.url("/slow"), Duration.ofMillis(300))).join();
      assertThat(r.status()).isZero();
      assertThat(r.error()).startsWith("timeout:");
      assertThat(r.durationMillis()).isLessThan(2500);
    }
  }

  @Test
  void aClosedPortIsRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    AttemptResult r = send(sender, "http://127.0.0.1:" + port + "/");
    assertThat(r.success()).isFalse();
    assertThat(r.error()).startsWith("refused:");
  }

  @Test
  void theGuardChecksTheAddressActuallyConnectedTo() {
    int before = receiver.requests().size();
    try (JettyWebhookSender strict = new JettyWebhookSender(new EgressGuard(List.of()),
        Optional.empty(), Duration.ofSeconds(5), 8)) {
      AttemptResult byIp = send(strict, receiver.url("/hook"));
      assertThat(byIp.error()).startsWith("egress:").contains("loopback");
      AttemptResult byName = send(strict, "http://localhost:" + receiver.port() + "/hook");
      assertThat(byName.error()).startsWith("egress:").contains("localhost");
    }
    assertThat(receiver.requests().size()).isEqualTo(before);
  }

  @Test
  void theNodesOwnReceiverIsReachedButNothingElseOnLoopback() {
    java.net.URI own = java.net.URI.create(receiver.url("/inspect/own"));
    receiver.answer(Receiver.Reply.of(200, Map.of(), new byte[0]));
    int before = receiver.requests().size();
    try (JettyWebhookSender strict = new JettyWebhookSender(new EgressGuard(List.of(), own::equals),
        Optional.empty(), Duration.ofSeconds(5), 8)) {
      assertThat(send(strict, own.toString()).status()).isEqualTo(200);
      // Same host and port, so the own-receiver client's pooled connection must not carry these.
      assertThat(send(strict, receiver.url("/api/v1/tokens")).error()).startsWith("egress:");
      assertThat(send(strict, receiver.url("/inspect/other")).error()).startsWith("egress:");
      assertThat(send(strict, own.toString()).status()).isEqualTo(200);
    }
    assertThat(receiver.requests().subList(before, receiver.requests().size()))
        .extracting(Receiver.Request::path).containsExactly("/inspect/own", "/inspect/own");
  }

  @Test
  void httpsWorksWithTrustedCertsAndFailsWithout() throws Exception {
    try (Receiver tls = Receiver.https(cert)) {
      AttemptResult ok = send(sender, tls.url("/secure"));
      assertThat(ok.status()).isEqualTo(200);
      assertThat(tls.last().body()).isEqualTo("{\"a\":1}");
      try (JettyWebhookSender jdkOnly = new JettyWebhookSender(LOOPBACK_ALLOWED, Optional.empty(),
          Duration.ofSeconds(5), 8)) {
        AttemptResult bad = send(jdkOnly, tls.url("/secure"));
        assertThat(bad.status()).isZero();
        assertThat(bad.error()).startsWith("tls:");
      }
    }
  }
}
