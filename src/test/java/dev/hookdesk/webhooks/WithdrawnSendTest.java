package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Receiver;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.JettyWebhookSender;
import dev.hookdesk.webhooks.send.WebhookSender;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fenced node's request that waited in the client's queue (every connection busy) is
 * withdrawn as it would go out: the receiver never sees it.
 */
class WithdrawnSendTest {
  @RegisterExtension
  static final Receiver receiver = Receiver.perClass();

  @Test
  void aRequestNoLongerWantedWhenItLeavesTheQueueIsNotSent() throws Exception {
    try (JettyWebhookSender sender = new JettyWebhookSender(SenderTest.LOOPBACK_ALLOWED,
        Optional.empty(), Duration.ofSeconds(5), 1)) {
      receiver.delay(500);
      AtomicBoolean wanted = new AtomicBoolean(true);
      // one connection: the second request waits in the queue behind the first
      var first = sender.send(SenderTest.post(receiver.url("/first"), Duration.ofSeconds(5)), wanted::get);
      var second = sender.send(SenderTest.post(receiver.url("/first"), Duration.ofSeconds(5)), wanted::get);
      wanted.set(false); // the node was declared dead while they waited
      AttemptResult a = first.join();
      AttemptResult b = second.join();
      assertThat(a.success() || WebhookSender.WITHDRAWN.equals(a.error())).isTrue();
      assertThat(b.error()).isEqualTo(WebhookSender.WITHDRAWN);
      assertThat(receiver.requests()).as("requests that reached the receiver").hasSizeLessThanOrEqualTo(1);
    } finally {
      receiver.delay(0);
    }
  }
}
