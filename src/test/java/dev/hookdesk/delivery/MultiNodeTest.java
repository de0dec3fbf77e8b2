package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.TestDatabase;
import dev.hookdesk.testing.TestNode;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in their own JVMs on one PostgreSQL schema. Always PostgreSQL (several nodes need
 * it), so this runs once, in the default execution, and is never skipped.
 */
class MultiNodeTest {
  private static final List<String> SCHEDULE = List.of("1s", "1s", "1s", "1s", "1s");
  private static final int LEASE_SECONDS = 4;

  @Test
  void twoNodesShareTheWorkAndTheSurvivorFinishesTheKilledNodesAfterTheLease() throws Exception {
    try (TestDatabase db = TestDatabase.createPostgres();
         CountingReceiver receiver = new CountingReceiver()) {
      String key = Base64.getEncoder().encodeToString(new byte[32]);
      NodeProcess a = NodeProcess.start(settings(db, key));
      try (NodeProcess b = NodeProcess.start(settings(db, key))) {
        Hooks.register(a.api(), receiver.url("x"), SCHEDULE, 2000);
        Hooks.register(b.api(), receiver.url("y"), SCHEDULE, 2000);

        // Normal operation: events through both nodes, no pair delivered twice.
        fireThroughBoth(a.api(), b.api(), 0, 600);
        TestNode.await("1,200 pairs delivered", 60_000, () -> receiver.distinct() == 1200);
        assertThat(receiver.receipts().values()).as("copies per pair").allMatch(r -> r.size() == 1);

        // Held answers keep requests in flight on both nodes; then node a dies.
        receiver.answerOnly(1200 + 300);
        fireThroughBoth(a.api(), b.api(), 600, 400);
        TestNode.await("requests held in flight", 30_000, () -> receiver.held() >= 100);
        a.kill();
        long killedAt = System.currentTimeMillis();
        receiver.releaseHeld(); // b retries its own cut requests after 1 s; a's wait for the lease
        CrashTest.fire(b.api(), 200);
        TestNode.await("every pair delivered by the survivor", 90_000, () -> receiver.distinct() == 2400);
        // The dead node never wrote down its in-flight attempts, so the survivor sends them again
        // as attempt 1, once their lease is over; the survivor's own cut requests come back as
        // attempt 2 after the 1 s retry.
        List<Long> resentAfter = new java.util.ArrayList<>();
        for (var e : receiver.receipts().entrySet()) {
          List<Long> copies = e.getValue();
          if (copies.size() == 1) continue;
          assertThat(copies.get(0)).as(e.getKey() + " first sent before the kill").isLessThanOrEqualTo(killedAt);
          assertThat(copies).as(e.getKey() + " copies").hasSize(2);
          if ("1".equals(receiver.attempts(e.getKey()).get(1))) resentAfter.add(copies.get(1) - copies.get(0));
        }
        assertThat(resentAfter).as("the killed node's in-flight requests, resent by the survivor (ms after the first)")
            .isNotEmpty().allMatch(ms -> ms >= (LEASE_SECONDS - 1) * 1000L);
      } finally {
        a.close();
      }
    }
  }

  private static Map<String, String> settings(TestDatabase db, String key) throws Exception {
    Map<String, String> s = new HashMap<>(NodeProcess.settings(Files.createTempDirectory("hookdesk-multi"), LEASE_SECONDS));
    s.putAll(db.settings());
    s.put("HOOKDESK_SECRET_KEY", key);
    return s;
  }

  private static void fireThroughBoth(Api a, Api b, int from, int count) throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<String>> done = new java.util.ArrayList<>();
    for (int i = from; i < from + count; i++) {
      Api api = i % 2 == 0 ? a : b;
      int n = i;
      done.add(pool.submit(() -> Hooks.fire(api, "Multi " + n)));
    }
    pool.shutdown();
    for (var f : done) f.get();
  }
}
