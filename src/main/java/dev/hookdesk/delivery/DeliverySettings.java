package dev.hookdesk.delivery;

import java.time.Duration;

/**
 * Tuning of the engine; {@link #defaults()} is what a node runs with.
 *
 * @param lease how long a claim holds a delivery; longer than any webhook timeout, or a
 *     slow attempt is sent twice by two nodes
 * @param perWebhookInFlight the isolation cap: one endpoint never holds more of the node's sends
 * @param breakerFailures consecutive failures that open an endpoint's circuit
 * @param breakerCooldown the longest an open circuit waits before one probe (it starts at 2 s)
 * @param retryAfterMax the longest {@code Retry-After} honoured
 * @param disableAfter continuous failure after which a webhook is disabled (SPEC §5: 5 days)
 * @param nodeTimeout silence after which a node is declared dead and its claims go back to the
 *     queue (SPEC §5: 15 s by default)
 */
public record DeliverySettings(int claimBatch, int maxInFlight, int perWebhookInFlight,
    Duration lease, Duration poll, int breakerFailures, Duration breakerCooldown,
    Duration retryAfterMax, Duration disableAfter, Duration attemptRetention,
    Duration nodeTimeout) {

  public static DeliverySettings defaults(Duration attemptRetention) {
    return new DeliverySettings(256, 2048, 256, Duration.ofMinutes(2), Duration.ofSeconds(1), 10,
        Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(5), attemptRetention,
        Duration.ofSeconds(15));
  }

  public DeliverySettings withLease(Duration newLease) {
    return new DeliverySettings(claimBatch, maxInFlight, perWebhookInFlight, newLease, poll,
        breakerFailures, breakerCooldown, retryAfterMax, disableAfter, attemptRetention, nodeTimeout);
  }

  public DeliverySettings withNodeTimeout(Duration timeout) {
    return new DeliverySettings(claimBatch, maxInFlight, perWebhookInFlight, lease, poll,
        breakerFailures, breakerCooldown, retryAfterMax, disableAfter, attemptRetention, timeout);
  }
}
