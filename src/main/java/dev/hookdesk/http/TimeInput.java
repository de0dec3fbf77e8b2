package dev.hookdesk.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A time a client sends. RFC 3339 with an offset, and between 1970 and 9999: Java parses years
 * up to ±999999999, which overflow database timestamps (a 500) and do not fit the API's own
 * four-digit-year output, so every route reads times here.
 */
public final class TimeInput {
  static final Instant EARLIEST = Instant.EPOCH;
  static final Instant AFTER_LATEST =
      LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
  static final String EXAMPLE = "2026-11-21T10:00:00.000Z";

  private TimeInput() {}

  /** Parses an RFC 3339 time; the exception's message says what to fix. */
  public static Instant rfc3339(String text) {
    Instant t;
    try {
      t = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be an RFC 3339 time such as " + EXAMPLE);
    }
    return inRange(t);
  }

  /** The time itself, when it lies between 1970 and 9999; else the exception says so. */
  public static Instant inRange(Instant t) {
    if (t.isBefore(EARLIEST) || !t.isBefore(AFTER_LATEST)) {
      throw new IllegalArgumentException("must be a time between 1970 and 9999, such as " + EXAMPLE);
    }
    return t;
  }
}
