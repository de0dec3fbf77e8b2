package dev.hookdesk.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The lock-out (SPEC §9): ten failed sign-ins within fifteen minutes lock the email address for
 * fifteen minutes. Counted per address whether or not an agent has it, so being locked tells
 * an attacker nothing about who exists. The count starts at the first failure of a window and
 * a success clears it.
 */
final class SignInGuard {
  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LOCK = Duration.ofMinutes(15);

  private final Jdbi jdbi;
  private final Clock clock;

  SignInGuard(Jdbi jdbi, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.clock = Objects.requireNonNull(clock);
  }

  static String key(String email) {
    String k = email.strip().toLowerCase(Locale.ROOT);
    return k.length() > 320 ? k.substring(0, 320) : k;
  }

  boolean locked(String email) {
    Instant now = clock.instant();
    return jdbi.withHandle(h -> row(h, key(email), false))
        .map(r -> r.lockedUntil() != null && r.lockedUntil().isAfter(now)).orElse(false);
  }

  /** Counts a failure; answers whether the address is now locked. */
  boolean failed(String email) {
    try {
      return count(key(email));
    } catch (UnableToExecuteStatementException e) {
      return count(key(email)); // two first failures raced to insert the row; now it exists
    }
  }

  private boolean count(String key) {
    Instant now = clock.instant();
    return jdbi.inTransaction(h -> {
      h.createUpdate("DELETE FROM sign_in_failures WHERE window_start < :old "
              + "AND (locked_until IS NULL OR locked_until < :now)")
          .bind("old", now.minus(WINDOW)).bind("now", now).execute();
      Optional<Row> row = row(h, key, true);
      if (row.isEmpty()) {
        h.createUpdate("INSERT INTO sign_in_failures (email_key, failures, window_start) "
                + "VALUES (:key, 1, :now)").bind("key", key).bind("now", now).execute();
        return false;
      }
      Row r = row.get();
      boolean fresh = !r.windowStart().isAfter(now.minus(WINDOW));
      int failures = fresh ? 1 : r.failures() + 1;
      Instant windowStart = fresh ? now : r.windowStart();
      Instant lockedUntil = failures >= MAX_FAILURES ? now.plus(LOCK) : r.lockedUntil();
      if (failures >= MAX_FAILURES) {
        failures = 0; // the lock starts a new count once it ends
        windowStart = now.plus(LOCK);
      }
      h.createUpdate("UPDATE sign_in_failures SET failures = :f, window_start = :w, "
              + "locked_until = :l WHERE email_key = :key")
          .bind("f", failures).bind("w", windowStart).bind("l", lockedUntil).bind("key", key).execute();
      return lockedUntil != null && lockedUntil.isAfter(now);
    });
  }

  void succeeded(String email) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM sign_in_failures WHERE email_key = :key")
        .bind("key", key(email)).execute());
  }

  private record Row(int failures, Instant windowStart, Instant lockedUntil) {}

  private static Optional<Row> row(Handle h, String key, boolean forUpdate) {
    return h.createQuery("SELECT failures, window_start, locked_until FROM sign_in_failures "
            + "WHERE email_key = :key" + (forUpdate ? " FOR UPDATE" : ""))
        .bind("key", key)
        .map((rs, ctx) -> new Row(rs.getInt("failures"), rs.getTimestamp("window_start").toInstant(),
            rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant()))
        .findOne();
  }
}
