package dev.hookdesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  @Test
  void allowsTheRatePerKeyAndSaysWhenToComeBack() {
    ManualClock clock = new ManualClock();
    Throttle t = new Throttle(60, 1000, clock);
    for (int i = 0; i < 60; i++) assertThat(t.acquire("a")).isEmpty();
    Duration wait = t.acquire("a").orElseThrow();
    assertThat(wait).isEqualTo(Duration.ofSeconds(1)); // one request a second refills
    assertThat(t.acquire("b")).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(t.acquire("a")).isEmpty();
    assertThat(t.acquire("a")).isPresent();
    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 60; i++) assertThat(t.acquire("a")).as("never more than a minute's worth").isEmpty();
    assertThat(t.acquire("a")).isPresent();
  }

  @Test
  void remembersABoundedNumberOfKeys() {
    Throttle t = new Throttle(1, 100, new ManualClock());
    for (int i = 0; i < 10_000; i++) t.acquire("addr-" + i);
    assertThat(t.size()).isLessThanOrEqualTo(100);
  }
}
