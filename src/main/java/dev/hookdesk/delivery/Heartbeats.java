package dev.hookdesk.delivery;

import dev.hookdesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's membership of the nodes sharing the database (SPEC §5): it heartbeats through
 * the {@code nodes} table, which it owns, and declares dead the nodes that stopped, handing
 * their claimed deliveries back to the queue at once instead of after the lease.
 *
 * <p>Fencing: a node that was declared dead (paused, cut off from the database) learns it at
 * its next beat and continues under a new id, so results it writes for its old claims match no
 * queue row and change nothing. Before that beat it could still send stale claims, so a node
 * sends only while its last successful beat is younger than half the timeout: by the time
 * others may declare it dead, it has stopped sending on its own.
 */
final class Heartbeats {
  private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

  private final Database db;
  private final DeliveryQueue queue;
  private final Clock clock;
  private final Duration timeout;
  private final Supplier<String> newId;
  private volatile String nodeId;
  private volatile Instant lastBeat;

  Heartbeats(Database db, DeliveryQueue queue, Clock clock, Duration timeout, Supplier<String> newId) {
    this.db = Objects.requireNonNull(db);
    this.queue = Objects.requireNonNull(queue);
    this.clock = Objects.requireNonNull(clock);
    this.timeout = Objects.requireNonNull(timeout);
    this.newId = Objects.requireNonNull(newId);
  }

  /** How often to beat: several beats fit in the half timeout that fences a silent node. */
  Duration interval() {
    return timeout.dividedBy(5);
  }

  /** The id this node claims under now; it changes when the node was declared dead. */
  String nodeId() {
    return nodeId;
  }

  /** Registers this node as alive under a new id. */
  void join() {
    String id = newId.get();
    Instant now = clock.instant();
    db.inTransaction(h -> h.createUpdate("""
            INSERT INTO nodes (id, started_at, heartbeat_at, alive) VALUES (:id, :now, :now, TRUE)""")
        .bind("id", id).bind("now", now).execute());
    nodeId = id;
    lastBeat = now;
  }

  /**
   * One beat: says this node is alive (or, if it was declared dead meanwhile, rejoins under a
   * new id), then declares dead every node silent for longer than the timeout and releases
   * their claims. Returns the ids it declared dead.
   */
  List<String> beat() {
    Instant now = clock.instant();
    String me = nodeId;
    boolean alive = db.inTransaction(h -> h.createUpdate(
            "UPDATE nodes SET heartbeat_at = :now WHERE id = :id AND alive")
        .bind("now", now).bind("id", me).execute() == 1);
    if (alive) {
      lastBeat = now;
    } else {
      // Claims taken between being declared dead and now were never released by the others.
      db.inTransaction(h -> queue.releaseClaimsOf(h, List.of(me), now));
      log.warn("this node ({}) was declared dead by another node: its claims went back to the"
          + " queue; continuing as a new node", me);
      join();
    }
    return sweep(now);
  }

  private List<String> sweep(Instant now) {
    return db.inTransaction(h -> {
      List<String> dead = h.createQuery(
              "SELECT id FROM nodes WHERE alive AND heartbeat_at < :limit AND id <> :me")
          .bind("limit", now.minus(timeout)).bind("me", nodeId).mapTo(String.class).list();
      if (dead.isEmpty()) return dead;
      h.createUpdate("UPDATE nodes SET alive = FALSE WHERE id IN (<ids>) AND alive")
          .bindList("ids", dead).execute();
      int released = queue.releaseClaimsOf(h, dead, now);
      log.warn("nodes {} stopped heartbeating for over {} s; {} of their deliveries went back"
          + " to the queue", dead, timeout.toSeconds(), released);
      // rows of nodes dead long ago are kept a day, to show in diagnostics, then dropped
      h.createUpdate("DELETE FROM nodes WHERE NOT alive AND heartbeat_at < :old")
          .bind("old", now.minus(Duration.ofDays(1))).execute();
      return dead;
    });
  }

  /**
   * Whether this node may send what it claimed: its last beat is recent enough that no other
   * node can have declared it dead yet.
   */
  boolean maySend() {
    return clock.instant().isBefore(lastBeat.plus(timeout.dividedBy(2)));
  }

  /**
   * Whether a claim made under {@code claimedBy} may still be sent: this node has not been
   * declared dead since (it would have rejoined under another id) and may send at all.
   */
  boolean holds(String claimedBy) {
    return claimedBy.equals(nodeId) && maySend();
  }

  /** Leaves the cluster (orderly shutdown, after the claims were handed back). */
  void leave() {
    db.inTransaction(h -> h.createUpdate("DELETE FROM nodes WHERE id = :id")
        .bind("id", nodeId).execute());
  }
}
