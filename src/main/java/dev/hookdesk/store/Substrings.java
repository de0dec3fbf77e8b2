package dev.hookdesk.store;

import java.util.Locale;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Substring search, any case, the user's text taken literally: "contains" as SQL for each
 * database. PostgreSQL answers {@code LOWER(column) LIKE '%…%'} from a pg_trgm GIN index
 * (db/postgresql/V23). H2 has no index for it, so there the search reads the whole table,
 * and the test is {@code POSITION}, which H2 evaluates several times faster than {@code LIKE}
 * (db/h2/V23).
 */
public final class Substrings {
  private final boolean likeIndexed;

  public Substrings(Dialect dialect) {
    this.likeIndexed = dialect.indexesLike();
  }

  /** A condition: {@code column} contains the text bound by {@link #bind}. */
  public String contains(String column) {
    return likeIndexed ? "LOWER(" + column + ") LIKE :needle" + Like.ESCAPE
        : "POSITION(:needle IN LOWER(" + column + ")) > 0";
  }

  public <T extends SqlStatement<T>> T bind(T statement, String text) {
    return statement.bind("needle", likeIndexed ? Like.containing(text) : text.toLowerCase(Locale.ROOT));
  }

  /**
   * {@code table} for a search's FROM clause. On H2 the search reads the table itself rather
   * than an index on the workspace: through a secondary index every row is a look-up in the
   * table, which at 100,000 tickets missed H2's cache and took seconds; the table itself reads
   * in order and a sort of the matches is cheap.
   */
  public String scanned(String table) {
    return likeIndexed ? table : table + " USE INDEX ()";
  }
}
