package dev.hookdesk.store;

import dev.hookdesk.core.DomainException.Conflict;
import java.sql.SQLException;

/** Recognises a delete refused by a foreign key: another table's rows still name the row. */
public final class StillReferenced {
  /** SQLSTATE of a foreign key violation, the same on H2 and PostgreSQL. */
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private StillReferenced() {}

  /** Runs a delete; when a foreign key refuses it, throws a 409 saying {@code conflict}. */
  public static void orConflict(Runnable delete, String conflict) {
    try {
      delete.run();
    } catch (RuntimeException e) {
      if (!is(e)) throw e;
      throw new Conflict(conflict);
    }
  }

  public static boolean is(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLException e && FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) return true;
    }
    return false;
  }
}
