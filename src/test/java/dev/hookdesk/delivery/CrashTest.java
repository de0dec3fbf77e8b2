package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A node killed with SIGKILL while delivering, restarted on the same (H2) database. */
class CrashTest {
  private static final int EVENTS = 1500;
  private static final List<String> SCHEDULE = List.of("1s", "1s", "1s", "1s", "1s");

  @Test
  void afterSigkillAndRestartEveryPairIsDeliveredAndOnlyInFlightOnesTwice() throws Exception {
    Path dataDir = Files.createTempDirectory("hookdesk-crash");
    Map<String, String> settings = NodeProcess.settings(dataDir, 4);
    try (Receiver receiver = Receiver.http()) {
      receiver.answerOnly(EVENTS); // then hold requests, so some are in flight at the kill
      long killedAt;
      try (NodeProcess node = NodeProcess.start(settings)) {
        Api api = node.api();
        // Held requests must not time out before the kill: each is one pair, in flight once.
        Hooks.register(api, receiver.url("/a"), SCHEDULE, 30_000);
        Hooks.register(api, receiver.url("/b"), SCHEDULE, 30_000);
        fire(api, EVENTS);
        TestNode.await("requests held in flight", 30_000, () -> receiver.held() >= 100);
        assertThat(receiver.distinct()).as("pairs reached before the kill").isLessThan(2 * EVENTS);
        node.kill();
        killedAt = System.currentTimeMillis();
      }
      var heldAtKill = receiver.heldPairs();
      assertThat(heldAtKill).hasSize(receiver.held());
      receiver.releaseHeld();
      try (NodeProcess restarted = NodeProcess.start(settings)) {
        try {
          TestNode.await("every (event, webhook) pair delivered", 90_000,
              () -> receiver.distinct() == 2 * EVENTS);
        } catch (AssertionError e) {
          throw new AssertionError("delivered " + receiver.distinct() + " of " + 2 * EVENTS + "; held at kill "
              + heldAtKill.size() + "; statuses " + restarted.api().get("/webhooks").expect(200).text(), e);
        }
        var receipts = receiver.receipts();
        var duplicated = receipts.entrySet().stream().filter(e -> e.getValue().size() > 1).toList();
        // Only what the dead node had sent without recording the answer comes again: the held
        // requests, plus at most one batch of answers it had received but not yet written.
        assertThat(duplicated.stream().map(Map.Entry::getKey).toList()).as("pairs delivered twice")
            .containsAll(heldAtKill).hasSizeLessThanOrEqualTo(heldAtKill.size() + 512);
        for (var e : duplicated) {
          assertThat(e.getValue().get(0)).as(e.getKey() + " first sent by the killed node")
              .isLessThanOrEqualTo(killedAt);
          assertThat(e.getValue()).as(e.getKey() + " copies").hasSize(2);
        }
        assertThat(restarted.api().get("/webhooks").expect(200).at("/data").size()).isEqualTo(2);
      }
    }
  }

  @Test
  void everyWriteAcknowledgedBeforeSigkillIsThereAfterRestart() throws Exception {
    Path dataDir = Files.createTempDirectory("hookdesk-crash-ack");
    Map<String, String> settings = NodeProcess.settings(dataDir, 4);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    try (NodeProcess node = NodeProcess.start(settings)) {
      Api api = node.api();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      for (int c = 0; c < 8; c++) {
        clients.submit(() -> {
          while (!stop.get()) {
            try {
              var res = api.post("/contacts", Api.json(Map.of("name", "Acked")));
              if (res.status() == 201) acknowledged.add(res.str("/id"));
            } catch (RuntimeException cutByTheKill) {
              return;
            }
          }
        });
      }
      TestNode.await("writes acknowledged while the node runs", 30_000, () -> acknowledged.size() >= 300);
      node.kill(); // mid-stream: requests are being committed and answered right now
      stop.set(true);
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    try (NodeProcess restarted = NodeProcess.start(settings)) {
      Api api = restarted.api();
      Set<String> withEvent = new HashSet<>();
      String after = "0";
      while (after != null) {
        var page = api.get("/events?type=contact.created&limit=100&after=" + after).expect(200);
        page.at("/data").forEach(e -> withEvent.add(e.at("/data/contact/id").asText()));
        after = page.at("/next_cursor").isTextual() ? page.str("/next_cursor") : null;
      }
      for (String id : acknowledged) {
        assertThat(api.get("/contacts/" + id).status()).as("acknowledged contact " + id).isEqualTo(200);
      }
      assertThat(withEvent).as("contact.created events after restart").containsAll(acknowledged);
    }
  }

  /** Creates contacts from 8 clients; every one must be accepted. */
  static void fire(Api api, int events) throws Exception {
    List<java.util.concurrent.Future<String>> created = new java.util.ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < events; i++) {
        int n = i;
        created.add(pool.submit(() -> Hooks.fire(api, "Crash " + n)));
      }
    }
    for (var f : created) f.get();
  }
}
