package dev.hookdesk.store;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Substring search ({@code LOWER(column) LIKE '%…%'}) with an index on both databases. On
 * PostgreSQL a pg_trgm GIN index answers the LIKE itself, so a search is one query. H2 has no
 * index for a leading wildcard, so triggers ({@link SuffixTrigger}) keep, for each row, every
 * suffix of its lower-cased text cut to {@value #LENGTH} characters; a text contains the
 * search exactly when one of its suffixes starts with it, which is a range of the suffix
 * table's index. The suffixes only narrow the rows down: the caller's LIKE still decides, so
 * the answer is the same on both databases.
 */
public final class Substrings {
  /** Suffixes are cut here: a longer search looks up its first characters, then LIKE checks the rest. */
  public static final int LENGTH = 16;
  /** Past this many candidates a search is common: scanning newest first finds a page sooner. */
  public static final int CANDIDATES = 1000;

  private final boolean suffixTables;

  public Substrings(Dialect dialect) {
    this.suffixTables = dialect.searchesSuffixes();
  }

  /**
   * The {@code key}s of rows whose text may contain {@code text}, from the suffix table
   * {@code table}; empty when the database's own index answers the LIKE (PostgreSQL), or when
   * more than {@link #CANDIDATES} rows match (the caller scans instead).
   */
  public Optional<Set<String>> candidates(Handle h, String table, String key, String workspaceId, String text) {
    if (!suffixTables) return Optional.empty();
    String lower = text.toLowerCase(Locale.ROOT);
    String from = lower.substring(0, Math.min(LENGTH, lower.length()));
    var rows = h.createQuery("SELECT " + key + " FROM " + table + " WHERE workspace_id = :ws"
            + " AND suffix >= :from AND suffix < :to LIMIT :limit")
        .bind("ws", workspaceId).bind("from", from).bind("to", from + Character.MAX_VALUE)
        .bind("limit", CANDIDATES + 1).mapTo(String.class).list();
    return rows.size() > CANDIDATES ? Optional.empty() : Optional.of(new LinkedHashSet<>(rows));
  }

  /** Whether searches narrow rows down with the suffix tables (H2). */
  public boolean bySuffixes() {
    return suffixTables;
  }

  /** The distinct suffixes of the texts (nulls skipped), lower-cased and cut to {@link #LENGTH}. */
  static Set<String> suffixes(Collection<String> texts) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : texts) {
      if (t == null) continue;
      String lower = t.toLowerCase(Locale.ROOT);
      for (int i = 0; i < lower.length(); i++) out.add(lower.substring(i, Math.min(lower.length(), i + LENGTH)));
    }
    return out;
  }
}
