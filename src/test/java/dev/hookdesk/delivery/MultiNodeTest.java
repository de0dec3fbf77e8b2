package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.Receiver;
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

  @Test
  void twoNodesShareTheWorkAndWithDefaultSettingsTheSurvivorFinishesTheKilledNodesWithin30s()
      throws Exception {
    try (TestDatabase db = TestDatabase.createPostgres();
         Receiver receiver = Receiver.http()) {
      String key = Base64.getEncoder().encodeToString(new byte[32]);
      NodeProcess a = NodeProcess.start(settings(db, key, Map.of()));
      try (NodeProcess b = NodeProcess.start(settings(db, key, Map.of()))) {
        // timeouts well above a loaded machine's answer times: a retry here means a lost request
        Hooks.register(a.api(), receiver.url("/x"), SCHEDULE, 10_000);
        Hooks.register(b.api(), receiver.url("/y"), SCHEDULE, 10_000);

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
        receiver.releaseHeld(); // b retries its own cut requests after 1 s; a's wait for a's death
        CrashTest.fire(b.api(), 200);
        // the lease is 2 minutes: only the heartbeats can bring a's work back this soon
        TestNode.await("every pair delivered by the survivor", 30_000, () -> receiver.distinct() == 2400);
        // The dead node never wrote down its in-flight attempts, so the survivor sends them again
        // as attempt 1 once a is declared dead (15 s of silence); the survivor's own cut requests
        // come back as attempt 2 after the 1 s retry.
        List<Long> resentAfter = new java.util.ArrayList<>();
        for (var e : receiver.receipts().entrySet()) {
          List<Long> copies = e.getValue();
          if (copies.size() == 1) continue;
          assertThat(copies.get(0)).as(e.getKey() + " first sent before the kill").isLessThanOrEqualTo(killedAt);
          assertThat(copies).as(e.getKey() + " copies").hasSize(2);
          if ("1".equals(receiver.attempts(e.getKey()).get(1))) resentAfter.add(copies.get(1) - copies.get(0));
        }
        assertThat(resentAfter).as("the killed node's in-flight requests, resent by the survivor (ms after the first)")
            .isNotEmpty().allMatch(ms -> ms >= 10_000 && ms <= 30_000);
        assertThat(b.output()).contains("stopped heartbeating");
      } finally {
        a.close();
      }
    }
  }

  @Test
  void aPausedNodeDeclaredDeadSendsNothingTwiceWhenItComesBack() throws Exception {
    try (TestDatabase db = TestDatabase.createPostgres();
         Receiver receiver = Receiver.http()) {
      String key = Base64.getEncoder().encodeToString(new byte[32]);
      Map<String, String> fast = Map.of("HOOKDESK_NODE_TIMEOUT_SECONDS", "3");
      try (NodeProcess a = NodeProcess.start(settings(db, key, fast));
           NodeProcess b = NodeProcess.start(settings(db, key, fast))) {
        String hook = Hooks.register(a.api(), receiver.url("/x"), SCHEDULE, 10_000);

        // a and b hold requests in flight; a is paused (a long GC, a frozen VM) with its claims
        receiver.answerOnly(0);
        fireThroughBoth(a.api(), b.api(), 0, 200);
        TestNode.await("requests held in flight", 30_000, () -> receiver.held() >= 20);
        a.pause();
        receiver.releaseHeld();
        // b declares a dead after 3 s of silence and delivers what a held, and retries its own
        TestNode.await("b declared a dead", 15_000, () -> b.output().contains("stopped heartbeating"));
        TestNode.await("every delivery succeeded, through b", 30_000, () -> b.api()
            .get("/webhooks/" + hook + "/deliveries?status=succeeded&limit=500").expect(200)
            .at("/data").size() == 200);
        int before = receiver.count();

        a.resume();
        // a finds out at its next beat and continues under a new id; the results of what it held
        // are written fenced: they reschedule nothing, so nothing it held is sent again
        TestNode.await("a noticed it was declared dead", 15_000,
            () -> a.output().contains("was declared dead by another node"));
        long watchUntil = System.currentTimeMillis() + 5_000; // past the 1 s retry of any stale result
        while (System.currentTimeMillis() < watchUntil) {
          assertThat(receiver.count()).as("requests after a came back").isEqualTo(before);
          Thread.sleep(50);
        }
        assertThat(b.api().get("/webhooks/" + hook + "/deliveries?status=succeeded&limit=500")
            .expect(200).at("/data").size()).as("deliveries still succeeded").isEqualTo(200);
        assertThat(a.api().get("/health").status()).isEqualTo(200);
      }
    }
  }

  private static Map<String, String> settings(TestDatabase db, String key, Map<String, String> extra)
      throws Exception {
    Map<String, String> s = new HashMap<>(NodeProcess.settings(Files.createTempDirectory("hookdesk-multi")));
    s.putAll(db.settings());
    s.put("HOOKDESK_SECRET_KEY", key);
    s.putAll(extra);
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
