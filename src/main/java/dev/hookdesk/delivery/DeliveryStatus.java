package dev.hookdesk.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where a delivery stands; the first two are still queued. */
public enum DeliveryStatus {
  /** Not attempted yet (or a manual retry waits). */
  PENDING,
  /** Failed at least once; the next attempt is scheduled. */
  RETRYING,
  SUCCEEDED,
  /** Final without using up the schedule: 410 Gone, webhook disabled or deleted, a failed manual retry. */
  FAILED,
  /** Every attempt of the schedule failed; {@code delivery.exhausted} was emitted. */
  EXHAUSTED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static List<String> keys() {
    return Arrays.stream(values()).map(DeliveryStatus::key).toList();
  }

  boolean done() {
    return this == SUCCEEDED || this == FAILED || this == EXHAUSTED;
  }
}
