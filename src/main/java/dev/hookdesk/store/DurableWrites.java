package dev.hookdesk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Holds back whoever wrote until {@link Durability} says the write is stored: after the
 * commit of a transaction that wrote, and after a write outside a transaction. Reads never
 * wait.
 */
final class DurableWrites implements StatementCustomizer {
  private final Durability durability;
  private final ThreadLocal<Boolean> wroteInTransaction = new ThreadLocal<>();

  DurableWrites(Durability durability) {
    this.durability = durability;
  }

  @Override
  public void afterExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
    if (!isWrite(ctx.getRawSql())) return;
    if (ctx.getConnection().getAutoCommit()) {
      durability.awaitWritesSoFar();
    } else {
      wroteInTransaction.set(Boolean.TRUE);
    }
  }

  /** An outermost transaction begins on this thread. */
  void begin() {
    wroteInTransaction.remove();
  }

  /** The outermost transaction on this thread committed. */
  void committed() {
    if (wroteInTransaction.get() == null) return;
    wroteInTransaction.remove();
    durability.awaitWritesSoFar();
  }

  static boolean isWrite(String sql) {
    String s = sql.stripLeading();
    int end = 0;
    while (end < s.length() && Character.isLetter(s.charAt(end))) end++;
    return switch (s.substring(0, end).toUpperCase(Locale.ROOT)) {
      case "INSERT", "UPDATE", "DELETE", "MERGE" -> true;
      default -> false;
    };
  }
}
