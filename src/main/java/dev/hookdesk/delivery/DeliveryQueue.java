package dev.hookdesk.delivery;

import dev.hookdesk.events.Event;
import dev.hookdesk.events.EventReader;
import dev.hookdesk.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.EmptyHandling;

/**
 * The hot queue shared by every node. A claim moves {@code due_at} to the end of the lease:
 * the rows of a node that dies come back when {@link Heartbeats} declares it dead, or at the
 * latest when the lease runs out.
 */
final class DeliveryQueue {
  private final Database db;
  private final EventReader events;
  private final DeliveryRecords records;
  private final Supplier<String> nodeId;

  DeliveryQueue(Database db, EventReader events, DeliveryRecords records, Supplier<String> nodeId) {
    this.db = db;
    this.events = events;
    this.records = records;
    this.nodeId = nodeId;
  }

  /**
   * A bot's calls of one chat go out one at a time, in event order: a row waits while an
   * earlier row of the same (chat, bot) is still queued, that is until the bot's answer to the
   * earlier event was recorded and acted on (or the call given up).
   */
  private static final String IN_TURN = " AND (chat_id IS NULL OR NOT EXISTS (SELECT 1 FROM"
      + " delivery_queue earlier WHERE earlier.chat_id = delivery_queue.chat_id"
      + " AND earlier.webhook_id = delivery_queue.webhook_id"
      + " AND earlier.chain_seq < delivery_queue.chain_seq))";

  /** Claims up to {@code limit} due deliveries, skipping rows other nodes hold and the excluded webhooks. */
  List<Claimed> claim(Instant now, int limit, Set<String> excludedWebhooks, Duration lease) {
    String node = nodeId.get();
    return db.inTransaction(h -> {
      List<String> ids = db.dialect().lockFirst(h, "delivery_queue", "delivery_id",
          "due_at <= :now" + IN_TURN
              + (excludedWebhooks.isEmpty() ? "" : " AND webhook_id NOT IN (<excluded>)"),
          "due_at", limit, q -> q.bind("now", now)
              .bindList(EmptyHandling.NULL_KEYWORD, "excluded", List.copyOf(excludedWebhooks)));
      if (ids.isEmpty()) return List.of();
      Instant until = now.plus(lease);
      records.lease(h, ids, until, node);
      Map<String, Event> parsed = new HashMap<>();
      return h.createQuery("SELECT d.id, q.webhook_id, q.chat_id, d.workspace_id, d.event_id,"
              + " d.attempt_count, q.manual, " + EventReader.COLUMNS
              + " FROM deliveries d JOIN delivery_queue q ON q.delivery_id = d.id "
              + EventReader.join("d.event_id") + " WHERE d.id IN (<ids>)")
          .bindList("ids", ids)
          .map((rs, ctx) -> {
            Event event = parsed.get(rs.getString("event_id"));
            if (event == null) {
              event = events.read(rs);
              parsed.put(event.id(), event);
            }
            return new Claimed(rs.getString("id"), rs.getString("webhook_id"),
                rs.getString("chat_id"), rs.getString("workspace_id"), event, rs.getInt("attempt_count") + 1,
                rs.getBoolean("manual"), node);
          })
          .list();
    });
  }

  /** When the next queued row becomes due (a retry, or a lease running out). */
  Optional<Instant> nextDue() {
    return db.read(h -> h.createQuery("SELECT MIN(due_at) AS due FROM delivery_queue")
        .map((rs, ctx) -> Optional.ofNullable(rs.getObject("due", OffsetDateTime.class)))
        .one().map(OffsetDateTime::toInstant));
  }

  /** Hands this node's unfinished claims back at once (orderly shutdown). */
  void releaseClaims(Instant now) {
    db.inTransaction(h -> releaseClaimsOf(h, List.of(nodeId.get()), now));
  }

  /** Makes the rows these nodes hold due now, for any node to claim; returns how many. */
  int releaseClaimsOf(Handle h, List<String> nodeIds, Instant now) {
    return records.release(h, nodeIds, now);
  }

  long depth() {
    return db.read(h -> h.createQuery("SELECT COUNT(*) FROM delivery_queue").mapTo(Long.class).one());
  }

  long dueNow(Instant now) {
    return db.read(h -> h.createQuery("SELECT COUNT(*) FROM delivery_queue WHERE due_at <= :now")
        .bind("now", now).mapTo(Long.class).one());
  }
}
