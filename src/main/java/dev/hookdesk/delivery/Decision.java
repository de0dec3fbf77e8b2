package dev.hookdesk.delivery;

import java.time.Instant;

/**
 * What happens to a delivery after an attempt.
 *
 * @param nextAttemptAt when to try again, or null when the delivery is done
 * @param disableReason non-null when the webhook is to be disabled (410 Gone)
 */
record Decision(DeliveryStatus status, Instant nextAttemptAt, String disableReason) {
  static Decision done(DeliveryStatus status) {
    return new Decision(status, null, null);
  }
}
