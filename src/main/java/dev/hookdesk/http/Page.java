package dev.hookdesk.http;

import dev.hookdesk.core.DomainException.Invalid;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** {@code ?limit=&cursor=}: at most {@code limit} items after the opaque {@code cursor}. */
public record Page(int limit, Optional<String> cursor) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  /** Cursors are ids or numbers this server made: printable ASCII, short. */
  private static final Pattern CURSOR = Pattern.compile("[\\x21-\\x7E]{1,200}");

  public Page {
    cursor = cursor.filter(c -> !c.isEmpty());
    if (cursor.isPresent() && !CURSOR.matcher(cursor.get()).matches()) {
      throw new Invalid("cursor", "is not a cursor of this list; pass the next_cursor of the previous "
          + "page as it is, or leave it out to start at the beginning");
    }
  }

  public static Page from(Optional<String> limit, Optional<String> cursor) {
    int n = DEFAULT_LIMIT;
    if (limit.isPresent()) {
      try {
        n = Integer.parseInt(limit.get());
      } catch (NumberFormatException e) {
        throw new Invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
      }
      if (n < 1 || n > MAX_LIMIT) throw new Invalid("limit", "must be from 1 to " + MAX_LIMIT);
    }
    return new Page(n, cursor);
  }

  /** The answer to a list request: a page of items and where the next one starts. */
  public record Result<T>(List<T> data, String nextCursor) {
    /** Builds the answer from up to {@code limit + 1} rows fetched in cursor order. */
    public static <T> Result<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
      if (rows.size() <= limit) return new Result<>(rows, null);
      List<T> page = rows.subList(0, limit);
      return new Result<>(List.copyOf(page), cursorOf.apply(page.get(limit - 1)));
    }

    /** A page of a short list held in memory, ordered by its cursor key. */
    public static <T> Result<T> slice(List<T> all, Page page, Function<T, String> cursorOf) {
      String after = page.cursor().orElse("");
      List<T> rows = all.stream()
          .filter(t -> cursorOf.apply(t).compareTo(after) > 0)
          .sorted(Comparator.comparing(cursorOf))
          .limit(page.limit() + 1L)
          .toList();
      return of(rows, page.limit(), cursorOf);
    }
  }
}
