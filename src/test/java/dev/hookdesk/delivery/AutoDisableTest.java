package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.ManualClock;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@DbTest
class AutoDisableTest {

  @Test
  void aWebhookFailingForFiveDaysIsDisabled() {
    ManualClock clock = new ManualClock();
    try (Receiver receiver = Receiver.answering(500); RestartableNode nodes = new RestartableNode()) {
      Api api = nodes.start(clock);
      String webhook = Hooks.register(api, receiver.url(), List.of("1s", "1s", "1s", "1s", "1s"));
      Hooks.fire(api, "Maria");
      TestNode.await("first attempt", 10_000, () -> receiver.count() == 1);
      TestNode.await("the failure recorded", 10_000,
          () -> Hooks.deliveries(api, webhook).at("/0/status").asText().equals("retrying"));
      assertThat(api.get("/webhooks/" + webhook).at("/enabled").asBoolean()).isTrue();

      clock.advance(Duration.ofDays(5).plusMinutes(1));
      TestNode.await("webhook disabled", 15_000,
          () -> !api.get("/webhooks/" + webhook).at("/enabled").asBoolean());
      assertThat(api.get("/events?type=webhook.disabled").at("/data")).hasSize(1);
      assertThat(receiver.count()).isEqualTo(2);
    }
  }
}
