package dev.hookdesk.delivery;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a statement the database refused for what it carried — SQLState class 22 (data
 * exception: a NUL in text, a value too long) or 23 (a constraint) — from a database that is
 * away. Retrying the first never helps; retrying the second is all there is to do.
 */
final class Refusal {
  private Refusal() {}

  /** The SQLState of the refusal, if {@code e} is one. */
  static Optional<String> of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (!(t instanceof SQLException sql)) continue;
      for (SQLException x = sql; x != null; x = x.getNextException()) {
        String state = x.getSQLState();
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
