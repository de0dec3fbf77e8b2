package dev.hookdesk.delivery;

import dev.hookdesk.webhooks.WebhookDirectory;
import dev.hookdesk.webhooks.send.AttemptResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * SPEC §5's rules for the next step: success on a 2xx, 410 disables, a failure waits the
 * webhook's schedule (plus up to 10 % jitter, so a recovering receiver is not hit by a wave),
 * or the receiver's Retry-After on 429/503 up to a bound; after the last step, exhausted.
 */
final class RetryPolicy {
  /**
   * A bot call's retries: a chat is live, so three quick ones; then the chat goes to a human.
   */
  static final List<Duration> BOT_SCHEDULE = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
      Duration.ofSeconds(15));

  private final Duration retryAfterMax;
  private final RandomGenerator random;

  /** {@code random} draws the jitter (a thread-safe source: result writers share the policy). */
  RetryPolicy(Duration retryAfterMax, RandomGenerator random) {
    this.retryAfterMax = Objects.requireNonNull(retryAfterMax);
    this.random = Objects.requireNonNull(random);
  }

  Decision decide(List<Duration> schedule, int attemptNumber, boolean manual, AttemptResult r,
      Instant now) {
    if (r.success()) return Decision.done(DeliveryStatus.SUCCEEDED);
    if (gone(r)) return new Decision(DeliveryStatus.FAILED, null, WebhookDirectory.GONE);
    // A manual retry is one extra attempt; it does not restart the schedule.
    if (manual) return Decision.done(DeliveryStatus.FAILED);
    if (attemptNumber > schedule.size()) return Decision.done(DeliveryStatus.EXHAUSTED);
    Duration wait = jittered(schedule.get(attemptNumber - 1));
    if (r.retryAfter().isPresent() && (r.status() == 429 || r.status() == 503)) {
      Duration asked = r.retryAfter().get();
      wait = asked.isNegative() ? Duration.ZERO : asked.compareTo(retryAfterMax) > 0 ? retryAfterMax : asked;
    }
    return new Decision(DeliveryStatus.RETRYING, now.plus(wait), null);
  }

  /** SPEC §5: a {@code 410 Gone} answer disables the webhook, whatever else is scheduled. */
  static boolean gone(AttemptResult r) {
    return r.error() == null && r.status() == 410;
  }

  Duration jittered(Duration d) {
    long millis = d.toMillis();
    return Duration.ofMillis(millis + random.nextLong(millis / 10 + 1));
  }
}
