package dev.hookdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two transactions locking the same rows in opposite orders both complete. */
@DbTest
class DeadlockRetryTest {

  @Test
  void aDeadlockedTransactionIsRunAgain() throws Exception {
    try (TestNode node = TestNode.start()) {
      Database db = node.node().database();
      db.inTransaction(h -> h.execute("INSERT INTO workspaces (id, name, created_at) VALUES "
          + "('ws_a', 'a', CURRENT_TIMESTAMP), ('ws_b', 'b', CURRENT_TIMESTAMP)"));
      CountDownLatch bothLocked = new CountDownLatch(2);
      AtomicInteger runs = new AtomicInteger();
      try (var pool = Executors.newFixedThreadPool(2)) {
        var first = CompletableFuture.runAsync(() -> lockBoth(db, "ws_a", "ws_b", bothLocked, runs), pool);
        var second = CompletableFuture.runAsync(() -> lockBoth(db, "ws_b", "ws_a", bothLocked, runs), pool);
        CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);
      }
      assertThat(runs.get()).as("one of the two ran again after the deadlock").isGreaterThan(2);
      long renamed = db.read(h -> h.createQuery("SELECT COUNT(*) FROM workspaces WHERE name LIKE 'x%'")
          .mapTo(Long.class).one());
      assertThat(renamed).isEqualTo(2);
    }
  }

  private static void lockBoth(Database db, String one, String two, CountDownLatch bothLocked, AtomicInteger runs) {
    db.inTransaction(h -> {
      runs.incrementAndGet();
      h.createUpdate("UPDATE workspaces SET name = 'x' || name WHERE id = :id").bind("id", one).execute();
      bothLocked.countDown();
      try {
        bothLocked.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      h.createUpdate("UPDATE workspaces SET name = 'x' || name WHERE id = :id").bind("id", two).execute();
      return null;
    });
  }
}
