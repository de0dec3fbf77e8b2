package dev.hookdesk.store;

import java.util.Locale;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Substring search, any case, the user's text taken literally: "contains" as SQL for each
 * database. PostgreSQL answers {@code LOWER(column) LIKE '%…%'} from a pg_trgm GIN index
 * (db/postgresql/V23). H2 has no index for it, so there the search is a read in an index's
 * order, newest first, that stops at a page of matches, and the test is {@code POSITION},
 * which H2 evaluates several times faster than {@code LIKE} (db/h2/V23).
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
   * {@code table} read by {@code index} where the planner needs telling: H2 picks the index
   * on the workspace alone and sorts every row of it, even for the first page.
   */
  public String readBy(String table, String index) {
    return likeIndexed ? table : table + " USE INDEX (" + index + ")";
  }
}
