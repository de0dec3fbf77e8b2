package dev.hookdesk.delivery;

import dev.hookdesk.core.Ids;
import dev.hookdesk.events.Event;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.Webhook;
import dev.hookdesk.webhooks.WebhookDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Turns queued events into deliveries. The event's {@code fanout_queue} row is deleted in
 * the transaction that inserts its deliveries, so an event is fanned out exactly once
 * whichever node does it and whenever a node dies.
 */
final class FanOut {
  static final String CHANNEL = "hookdesk_deliveries";
  private static final int BATCH = 500;

  private final Database db;
  private final EventLog events;
  private final WebhookDirectory directory;
  private final Ids ids;
  private final Clock clock;

  FanOut(Database db, EventLog events, WebhookDirectory directory, Ids ids, Clock clock) {
    this.db = db;
    this.events = events;
    this.directory = directory;
    this.ids = ids;
    this.clock = clock;
  }

  /** Fans out one batch; returns how many deliveries it created, or -1 when the queue was empty. */
  int runOnce() {
    return db.inTransaction(h -> {
      List<String> eventIds = h.createQuery("SELECT event_id FROM fanout_queue ORDER BY created_at"
              + " LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")
          .mapTo(String.class).list();
      if (eventIds.isEmpty()) return -1;
      List<Event> batch = h.createQuery("SELECT body, source FROM events WHERE id IN (<ids>)")
          .bindList("ids", eventIds)
          .map((rs, ctx) -> events.parse(rs.getString("body"), rs.getString("source"))).list();
      Instant now = clock.instant();
      PreparedBatch deliveries = h.prepareBatch("""
          INSERT INTO deliveries (id, workspace_id, webhook_id, event_id, event_type, event_at,
            status, next_attempt_at, created_at)
          VALUES (:id, :ws, :webhook, :event, :type, :eventAt, 'pending', :now, :now)""");
      PreparedBatch queue = h.prepareBatch("""
          INSERT INTO delivery_queue (delivery_id, webhook_id, due_at) VALUES (:id, :webhook, :now)""");
      int created = 0;
      for (Event event : batch) {
        for (Webhook w : directory.matching(h, event)) {
          String id = ids.next("dlv");
          deliveries.bind("id", id).bind("ws", event.workspaceId()).bind("webhook", w.id())
              .bind("event", event.id()).bind("type", event.type())
              .bind("eventAt", event.timestamp()).bind("now", now).add();
          queue.bind("id", id).bind("webhook", w.id()).bind("now", now).add();
          created++;
        }
      }
      if (created > 0) {
        deliveries.execute();
        queue.execute();
        db.dialect().notify(h, CHANNEL);
      }
      h.createUpdate("DELETE FROM fanout_queue WHERE event_id IN (<ids>)")
          .bindList("ids", eventIds).execute();
      return created;
    });
  }

}
