package dev.hookdesk.delivery;

import dev.hookdesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How webhooks fared lately, for the console: success rates and the hourly picture of the
 * last hours. Read-only queries over the delivery log; callers check who may see a webhook.
 */
public final class DeliveryStats {
  // A day of a very busy webhook is summarised from at most this many rows of each kind.
  private static final int MAX_ROWS = 200_000;

  private final Database db;
  private final Clock clock;

  public DeliveryStats(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * One hour of a webhook: deliveries created in it that succeeded or did not (yet), and the
   * latency of the attempts started in it.
   *
   * @param p50Ms null when no attempt started in the hour
   */
  public record Hour(Instant start, int ok, int failed, Long p50Ms, Long p95Ms) {}

  /** Share of the workspace's deliveries created within {@code window} that succeeded, per webhook. */
  public Map<String, Double> successRates(String workspaceId, Duration window) {
    Map<String, int[]> counts = new HashMap<>();
    db.read(h -> h.createQuery("""
            SELECT webhook_id, status, COUNT(*) AS n FROM deliveries
            WHERE workspace_id = :ws AND created_at >= :since
              AND status IN ('succeeded', 'failed', 'exhausted', 'retrying')
            GROUP BY webhook_id, status""")
        .bind("ws", workspaceId).bind("since", clock.instant().minus(window))
        .map((rs, ctx) -> {
          int[] c = counts.computeIfAbsent(rs.getString("webhook_id"), k -> new int[2]);
          if (rs.getString("status").equals("succeeded")) c[0] += rs.getInt("n");
          c[1] += rs.getInt("n");
          return null;
        }).list());
    Map<String, Double> out = new HashMap<>();
    counts.forEach((id, c) -> out.put(id, c[1] == 0 ? null : (double) c[0] / c[1]));
    return out;
  }

  /** The last {@code hours} whole hours of a webhook, oldest first, the current hour last. */
  public List<Hour> hourly(String webhookId, int hours) {
    Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    Instant since = end.minus(hours, ChronoUnit.HOURS);
    int[] ok = new int[hours];
    int[] failed = new int[hours];
    List<List<Long>> latency = new ArrayList<>();
    for (int i = 0; i < hours; i++) latency.add(new ArrayList<>());
    db.read(h -> h.createQuery("""
            SELECT created_at, status FROM deliveries
            WHERE webhook_id = :webhook AND created_at >= :since
              AND status IN ('succeeded', 'failed', 'exhausted', 'retrying')""")
        .bind("webhook", webhookId).bind("since", since).setMaxRows(MAX_ROWS)
        .map((rs, ctx) -> {
          int i = slot(since, rs.getTimestamp("created_at").toInstant(), hours);
          if (i >= 0) (rs.getString("status").equals("succeeded") ? ok : failed)[i]++;
          return null;
        }).list());
    db.read(h -> h.createQuery("""
            SELECT a.started_at, a.duration_ms FROM delivery_attempts a
            JOIN deliveries d ON d.id = a.delivery_id
            WHERE d.webhook_id = :webhook AND a.started_at >= :since""")
        .bind("webhook", webhookId).bind("since", since).setMaxRows(MAX_ROWS)
        .map((rs, ctx) -> {
          int i = slot(since, rs.getTimestamp("started_at").toInstant(), hours);
          if (i >= 0) latency.get(i).add(rs.getLong("duration_ms"));
          return null;
        }).list());
    List<Hour> out = new ArrayList<>();
    for (int i = 0; i < hours; i++) {
      List<Long> l = latency.get(i);
      l.sort(null);
      out.add(new Hour(since.plus(i, ChronoUnit.HOURS), ok[i], failed[i], percentile(l, 50),
          percentile(l, 95)));
    }
    return out;
  }

  private static int slot(Instant since, Instant at, int hours) {
    long i = Duration.between(since, at).toHours();
    return i < 0 || i >= hours ? -1 : (int) i;
  }

  /** Nearest-rank percentile of sorted values; null for none. */
  static Long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) return null;
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
