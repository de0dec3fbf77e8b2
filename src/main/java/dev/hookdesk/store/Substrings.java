package dev.hookdesk.store;

import java.util.Locale;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Substring search, any case, the user's text taken literally: "contains" as SQL for each
 * database. PostgreSQL answers {@code LOWER(column) LIKE '%…%'} from a pg_trgm GIN index
 * (db/postgresql/V23). H2 has no index for it, so there the search reads every entry of an
 * index that holds the searched columns ({@link #scanned}), and the test is {@code POSITION},
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
   * {@code table} for a search's FROM clause. On H2 the search reads {@code index}, one that
   * holds every column the search reads (db/h2/V24), so H2 reads the index alone: through an
   * index without them every row is a look-up in the table, which at 100,000 tickets missed
   * H2's cache and took seconds. PostgreSQL chooses its own way (the pg_trgm indexes).
   */
  public String scanned(String table, String index) {
    return likeIndexed ? table : table + " USE INDEX (" + index + ")";
  }
}
