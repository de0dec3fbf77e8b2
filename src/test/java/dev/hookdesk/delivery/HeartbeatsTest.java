package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.store.Database;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.ManualClock;
import dev.hookdesk.testing.TestNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two members of a node's database, driven by a manual clock: who is declared dead when, what
 * happens to the dead one's claims, and how a node that was away fences itself.
 */
@DbTest
class HeartbeatsTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  @Test
  void aSilentNodeIsDeclaredDeadItsClaimsGoBackAndItStopsSendingUntilItRejoinsUnderANewId() {
    Database db = node.node().database();
    ManualClock clock = new ManualClock();
    // An hour ahead of the node's own engine: the rows this test queues and releases are never
    // due for the engine's claims. The engine itself looks silent to these two, and is declared
    // dead with a (it rejoins under a new id); only a's fate is checked.
    clock.advance(Duration.ofHours(1));
    DeliveryQueue queue = new DeliveryQueue(db, null, new DeliveryRecords(null, null), () -> "unused");
    AtomicInteger n = new AtomicInteger();
    Heartbeats a = new Heartbeats(db, queue, clock, TIMEOUT, () -> "node_hb_a" + n.incrementAndGet());
    Heartbeats b = new Heartbeats(db, queue, clock, TIMEOUT, () -> "node_hb_b" + n.incrementAndGet());
    a.join();
    b.join();
    String first = a.nodeId();
    try {
      claim(db, "dlv_hb_1", first, clock.instant().plus(Duration.ofMinutes(2)));

      clock.advance(Duration.ofSeconds(7));
      assertThat(a.beat()).doesNotContain(b.nodeId());
      assertThat(b.beat()).doesNotContain(first);
      assertThat(a.maySend()).isTrue();

      // a falls silent: past half the timeout it stops sending on its own, before anyone can
      // have declared it dead and handed its claims to another node
      clock.advance(Duration.ofSeconds(8));
      assertThat(a.maySend()).as("8 s after its last beat").isFalse();
      assertThat(a.holds(first)).isFalse();
      assertThat(b.beat()).as("a is silent for 8 s, under the timeout").doesNotContain(first);
      assertThat(claimer(db, "dlv_hb_1")).isEqualTo(first);

      clock.advance(Duration.ofSeconds(8));
      assertThat(b.beat()).as("a is silent for 16 s").contains(first).doesNotContain(b.nodeId());
      assertThat(claimer(db, "dlv_hb_1")).as("a's claim, back in the queue").isNull();
      assertThat(due(db, "dlv_hb_1")).as("due at once, not when the lease ends")
          .isBeforeOrEqualTo(clock.instant());

      // a claimed once more under its old id before it learnt it was declared dead
      claim(db, "dlv_hb_2", first, clock.instant().plus(Duration.ofMinutes(2)));
      assertThat(a.beat()).doesNotContain(b.nodeId());
      assertThat(a.nodeId()).as("a rejoins under a new id").isNotEqualTo(first);
      assertThat(a.maySend()).isTrue();
      assertThat(a.holds(first)).as("claims made under the old id").isFalse();
      assertThat(a.holds(a.nodeId())).isTrue();
      assertThat(claimer(db, "dlv_hb_2")).as("released by a itself on rejoining").isNull();
      // results written for the old claims name the old id, which no queue row carries now
      int stale = db.read(h -> h.createQuery("SELECT COUNT(*) FROM delivery_queue WHERE claimed_by = :id")
          .bind("id", first).mapTo(Integer.class).one());
      assertThat(stale).isZero();
    } finally {
      db.inTransaction(h -> h.execute("DELETE FROM delivery_queue WHERE delivery_id LIKE 'dlv_hb_%'"));
      a.leave();
      b.leave();
    }
  }

  private static void claim(Database db, String id, String nodeId, Instant until) {
    db.inTransaction(h -> h.createUpdate("""
            INSERT INTO delivery_queue (delivery_id, webhook_id, due_at, claimed_by, claimed_until)
            VALUES (:id, 'whk_hb', :until, :node, :until)""")
        .bind("id", id).bind("until", until).bind("node", nodeId).execute());
  }

  private static String claimer(Database db, String id) {
    return db.read(h -> h.createQuery("SELECT claimed_by FROM delivery_queue WHERE delivery_id = :id")
        .bind("id", id).mapTo(String.class).one());
  }

  private static Instant due(Database db, String id) {
    return db.read(h -> h.createQuery("SELECT due_at FROM delivery_queue WHERE delivery_id = :id")
        .bind("id", id).mapTo(OffsetDateTime.class).one()).toInstant();
  }
}
