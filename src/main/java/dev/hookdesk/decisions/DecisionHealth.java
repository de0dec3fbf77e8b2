package dev.hookdesk.decisions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per decision webhook, per node: after {@code threshold} failures in a row the webhook is
 * skipped (straight to the fallback) for {@code coolDown}; then one call decides whether it is
 * healthy again. Kept in memory: a restart gives every service a fresh chance.
 */
final class DecisionHealth {
  private record State(int failures, Instant skipUntil) {}

  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final int threshold;
  private final Duration coolDown;
  private final Clock clock;

  DecisionHealth(int threshold, Duration coolDown, Clock clock) {
    this.threshold = threshold;
    this.coolDown = coolDown;
    this.clock = clock;
  }

  boolean coolingDown(String webhookId) {
    State s = states.get(webhookId);
    return s != null && s.skipUntil() != null && clock.instant().isBefore(s.skipUntil());
  }

  void record(String webhookId, boolean failed) {
    if (!failed) {
      states.remove(webhookId);
      return;
    }
    states.compute(webhookId, (id, s) -> {
      int failures = (s == null ? 0 : s.failures()) + 1;
      // After a cool-down one more failure is enough to skip again.
      return failures >= threshold ? new State(threshold - 1, clock.instant().plus(coolDown))
          : new State(failures, null);
    });
  }
}
