package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.webhooks.WebhookDirectory;
import dev.hookdesk.webhooks.send.AttemptResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** SPEC §5's retry rules, with the jitter's random source pinned to its extremes. */
class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
      Duration.ofMinutes(30));
  private static final Duration RETRY_AFTER_MAX = Duration.ofHours(1);

  /** A random source that always draws the same end of the range it is asked for. */
  private static RandomGenerator drawing(boolean highest) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException("the policy draws bounded values only");
      }

      @Override
      public long nextLong(long bound) {
        return highest ? bound - 1 : 0;
      }
    };
  }

  private static RetryPolicy policy(boolean highest) {
    return new RetryPolicy(RETRY_AFTER_MAX, drawing(highest));
  }

  private static AttemptResult status(int code, Duration retryAfter) {
    return new AttemptResult(code, Map.of(), new byte[0], 12, null, Optional.ofNullable(retryAfter));
  }

  private static AttemptResult error(String why) {
    return new AttemptResult(0, Map.of(), new byte[0], 3000, why, Optional.empty());
  }

  @Test
  void aFailureWaitsItsStepOfTheSchedulePlusAtMostTenPercent() {
    Decision low = policy(false).decide(SCHEDULE, 2, false, status(500, null), NOW);
    Decision high = policy(true).decide(SCHEDULE, 2, false, status(500, null), NOW);
    assertThat(low.status()).isEqualTo(DeliveryStatus.RETRYING);
    assertThat(low.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    assertThat(high.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)).plusMillis(30_000));
    assertThat(policy(true).decide(SCHEDULE, 1, false, error("timeout"), NOW).nextAttemptAt())
        .isEqualTo(NOW.plusMillis(5_500));
  }

  @Test
  void afterTheLastStepTheDeliveryIsExhausted() {
    Decision d = policy(false).decide(SCHEDULE, 4, false, status(500, null), NOW);
    assertThat(d).isEqualTo(Decision.done(DeliveryStatus.EXHAUSTED));
  }

  @Test
  void aTwoHundredSucceedsAndAFourTenDisables() {
    assertThat(policy(false).decide(SCHEDULE, 1, false, status(204, null), NOW))
        .isEqualTo(Decision.done(DeliveryStatus.SUCCEEDED));
    Decision gone = policy(false).decide(SCHEDULE, 1, false, status(410, null), NOW);
    assertThat(gone.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(gone.nextAttemptAt()).isNull();
    assertThat(gone.disableReason()).isEqualTo(WebhookDirectory.GONE);
  }

  @Test
  void aManualRetryIsOneAttemptAndDoesNotRestartTheSchedule() {
    assertThat(policy(false).decide(SCHEDULE, 1, true, status(500, null), NOW))
        .isEqualTo(Decision.done(DeliveryStatus.FAILED));
  }

  @Test
  void retryAfterOnATooManyRequestsOrUnavailableIsHonouredUpToItsBoundWithoutJitter() {
    Duration asked = Duration.ofSeconds(90);
    assertThat(policy(true).decide(SCHEDULE, 1, false, status(429, asked), NOW).nextAttemptAt())
        .isEqualTo(NOW.plus(asked));
    assertThat(policy(true).decide(SCHEDULE, 1, false, status(503, Duration.ofDays(2)), NOW).nextAttemptAt())
        .as("bounded").isEqualTo(NOW.plus(RETRY_AFTER_MAX));
    assertThat(policy(true).decide(SCHEDULE, 1, false, status(503, Duration.ofSeconds(-5)), NOW).nextAttemptAt())
        .as("a date in the past means now").isEqualTo(NOW);
    assertThat(policy(false).decide(SCHEDULE, 1, false, status(500, asked), NOW).nextAttemptAt())
        .as("other statuses keep the schedule").isEqualTo(NOW.plusSeconds(5));
  }
}
