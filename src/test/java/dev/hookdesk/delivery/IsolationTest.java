package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-endpoint cap and circuit breaker, moved through time by hand. */
class IsolationTest {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private static final String HOOK = "whk_a";

  @Test
  void anEndpointNeverHoldsMoreThanItsCapOfSends() {
    Isolation iso = new Isolation(2, 10, Duration.ofSeconds(60));
    assertThat(iso.tryAcquire(HOOK, T0)).isTrue();
    assertThat(iso.tryAcquire(HOOK, T0)).isTrue();
    assertThat(iso.tryAcquire(HOOK, T0)).as("third send").isFalse();
    assertThat(iso.headroom(HOOK, T0)).isZero();
    assertThat(iso.excluded(T0)).containsExactly(HOOK);
    assertThat(iso.tryAcquire("whk_b", T0)).as("another endpoint").isTrue();
    iso.release(HOOK, true, T0);
    assertThat(iso.headroom(HOOK, T0)).isEqualTo(1);
  }

  @Test
  void aRunOfFailuresOpensTheCircuitThenOneProbeAtATimeWithACooldownThatDoublesToItsMaximum() {
    Isolation iso = new Isolation(100, 3, Duration.ofSeconds(10));
    fail(iso, 3, T0);
    assertThat(iso.openUntil(HOOK)).isEqualTo(T0.plus(Isolation.FIRST_COOLDOWN));
    assertThat(iso.openCircuits(T0)).isEqualTo(1);
    assertThat(iso.tryAcquire(HOOK, T0.plusSeconds(1))).as("open").isFalse();

    // half-open after 2 s: a single probe, which fails: the cool-down doubles
    Instant t = T0.plusSeconds(2);
    assertThat(iso.tryAcquire(HOOK, t)).isTrue();
    assertThat(iso.tryAcquire(HOOK, t)).as("a second probe").isFalse();
    iso.release(HOOK, false, t);
    assertThat(iso.openUntil(HOOK)).isEqualTo(t.plusSeconds(4));
    t = t.plusSeconds(4);
    assertThat(iso.tryAcquire(HOOK, t)).isTrue();
    iso.release(HOOK, false, t);
    assertThat(iso.openUntil(HOOK)).isEqualTo(t.plusSeconds(8));
    t = t.plusSeconds(8);
    assertThat(iso.tryAcquire(HOOK, t)).isTrue();
    iso.release(HOOK, false, t);
    assertThat(iso.openUntil(HOOK)).as("capped at the maximum").isEqualTo(t.plusSeconds(10));

    // a successful probe closes it at once
    t = t.plusSeconds(10);
    assertThat(iso.tryAcquire(HOOK, t)).isTrue();
    iso.release(HOOK, true, t);
    assertThat(iso.openUntil(HOOK)).isNull();
    assertThat(iso.excluded(t)).isEmpty();
    assertThat(iso.headroom(HOOK, t)).isEqualTo(100);
  }

  @Test
  void sendsAlreadyInFlightWhenTheCircuitOpensDoNotLengthenTheCooldown() {
    Isolation iso = new Isolation(100, 2, Duration.ofSeconds(60));
    for (int i = 0; i < 5; i++) assertThat(iso.tryAcquire(HOOK, T0)).isTrue();
    for (int i = 0; i < 5; i++) iso.release(HOOK, false, T0.plusMillis(i));
    assertThat(iso.openUntil(HOOK)).isEqualTo(T0.plusMillis(1).plus(Isolation.FIRST_COOLDOWN));
  }

  @Test
  void aSendThatNeverWentOutFreesItsSlotWithoutCountingForOrAgainstTheEndpoint() {
    Isolation iso = new Isolation(1, 2, Duration.ofSeconds(60));
    assertThat(iso.tryAcquire(HOOK, T0)).isTrue();
    iso.release(HOOK, false, T0);
    assertThat(iso.tryAcquire(HOOK, T0)).isTrue();
    iso.abandon(HOOK);
    assertThat(iso.headroom(HOOK, T0)).isEqualTo(1);
    assertThat(iso.tryAcquire(HOOK, T0)).isTrue();
    iso.release(HOOK, false, T0);
    assertThat(iso.openUntil(HOOK)).as("the abandoned send neither reset nor added a failure")
        .isEqualTo(T0.plus(Isolation.FIRST_COOLDOWN));
  }

  private static void fail(Isolation iso, int times, Instant at) {
    for (int i = 0; i < times; i++) {
      assertThat(iso.tryAcquire(HOOK, at)).isTrue();
      iso.release(HOOK, false, at);
    }
  }
}
