package dev.hookdesk.delivery;

import dev.hookdesk.events.Event;
import dev.hookdesk.events.EventReader;
import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.Webhook;
import dev.hookdesk.webhooks.WebhookDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns queued events into deliveries. An event leaves the fan-out queue
 * ({@link EventReader#fannedOut}) in the transaction that inserts its deliveries, so an event is fanned out exactly once
 * whichever node does it and whenever a node dies.
 *
 * <p>New deliveries this node has room for are inserted already leased to it, exactly as a
 * claim would leave them, and handed to the sender once the transaction commits: the common
 * case skips a claim transaction and re-reading the event. If the node dies after the commit,
 * its rows go back to the queue when it is declared dead (or its lease runs out).
 */
final class FanOut {
  static final String CHANNEL = "hookdesk_deliveries";
  private static final int BATCH = 500;

  private final Database db;
  private final EventReader events;
  private final WebhookDirectory directory;
  private final DeliveryRecords records;
  private final Supplier<String> nodeId;
  private final Duration lease;

  /** One round's result; {@code queued} says some deliveries were left for the dispatcher. */
  record Round(int created, List<Claimed> leased, Map<String, Webhook> webhooks,
      Map<String, List<byte[]>> secrets, boolean queued) {
    static final Round EMPTY = new Round(-1, List.of(), Map.of(), Map.of(), false);

    boolean empty() {
      return created < 0;
    }
  }

  FanOut(Database db, EventReader events, WebhookDirectory directory, DeliveryRecords records,
      Supplier<String> nodeId, Duration lease) {
    this.db = db;
    this.events = events;
    this.directory = directory;
    this.records = records;
    this.nodeId = nodeId;
    this.lease = lease;
  }

  /** Fans out one batch of events, leasing to this node the deliveries {@code room} admits. */
  Round runOnce(Room room, Instant now) {
    String node = nodeId.get();
    return db.inTransaction(h -> {
      List<Event> batch = events.toFanOut(h, BATCH);
      if (batch.isEmpty()) return Round.EMPTY;
      Instant until = now.plus(lease);
      DeliveryRecords.FannedOut created = records.fannedOut(h);
      List<Claimed> leased = new ArrayList<>();
      Map<String, Webhook> webhooks = new HashMap<>();
      // Events of one workspace, type and source go to the same webhooks.
      Map<String, List<Webhook>> matching = new HashMap<>();
      for (Event event : batch) {
        String key = event.workspaceId() + "/" + event.type() + "/" + event.source();
        for (Webhook w : matching.computeIfAbsent(key, k -> directory.matching(h, event))) {
          if (!directory.accepts(h, w, event)) continue;
          String id = records.newId();
          boolean mine = room.take(w.id());
          created.add(id, w.id(), event, now, mine ? node : null, until);
          if (mine) {
            leased.add(Claimed.webhook(id, w.id(), event.workspaceId(), event, 1, false, node));
            webhooks.put(w.id(), w);
          }
        }
      }
      boolean queued = leased.size() < created.size();
      created.execute();
      if (queued) db.dialect().notify(h, CHANNEL);
      events.fannedOut(h, batch.stream().map(Event::id).toList());
      return new Round(created.size(), leased, webhooks,
          directory.signingSecrets(h, webhooks.keySet(), now), queued);
    });
  }
}
