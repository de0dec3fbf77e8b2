package dev.hookdesk.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A workspace whose writers cannot commit fast enough refuses more writes early and clearly
 * (503 with Retry-After, problem+json, nothing written) instead of holding connections until
 * the pool gives up.
 */
@DbTest
class WorkspaceLineTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();

  @Test
  void writesBehindATooLongLineAreRefusedWithRetryAfterAndNothingIsWritten() throws Exception {
    api.post("/contacts", Api.json(Map.of("name", "Template"))).expect(201);
    JsonNode template = api.get("/events?type=contact.created&limit=1").expect(200).at("/data/0");
    String workspaceId = template.get("workspace_id").asText();
    long lastBefore = api.get("/events?limit=100").expect(200).at("/data").size();
    EventDraft draft = new EventDraft(workspaceId, "contact.created",
        new Actor("system", null, "api"), (ObjectNode) template.get("data"), null);

    int writers = WorkspaceTurns.MAX_WAITING + 2;
    ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      // a writer of the node that holds the workspace's turn and never commits
      CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
        try {
          node.node().database().inTransaction(h -> {
            node.node().events().append(h, draft);
            holding.countDown();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("rolled back");
          });
        } catch (IllegalStateException expected) {
          // nothing of the holder is written either
        }
      }, threads);
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

      List<CompletableFuture<Api.Res>> posts = new ArrayList<>();
      List<Long> took = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        if (i == WorkspaceTurns.MAX_WAITING) {
          // the line is full: the next writes are refused before they start
          TestNode.await("a full line", 10_000,
              () -> node.node().events().waiting(workspaceId) == WorkspaceTurns.MAX_WAITING);
        }
        String name = "Refused " + i;
        posts.add(CompletableFuture.supplyAsync(() -> {
          long t0 = System.nanoTime();
          Api.Res r = api.post("/contacts", Api.json(Map.of("name", name)));
          synchronized (took) {
            took.add((System.nanoTime() - t0) / 1_000_000);
          }
          return r;
        }, threads));
      }
      for (var p : posts) {
        Api.Res r = p.get(30, TimeUnit.SECONDS);
        r.problem(503, null);
        assertThat(r.headers().firstValue("Retry-After")).hasValue(
            Long.toString(WorkspaceTurns.RETRY_AFTER_SECONDS));
        assertThat(r.str("/detail")).contains("nothing was written");
      }
      // those behind a full line are refused at once, those in it after the longest wait
      assertThat(took).anyMatch(ms -> ms < WorkspaceTurns.MAX_WAIT_MILLIS);
      assertThat(took).anyMatch(ms -> ms >= WorkspaceTurns.MAX_WAIT_MILLIS);
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      threads.shutdownNow();
    }

    assertThat(api.get("/contacts?limit=100").expect(200).at("/data").findValuesAsText("name"))
        .noneMatch(n -> n.startsWith("Refused"));
    assertThat(api.get("/events?limit=100").expect(200).at("/data").size()).isEqualTo(lastBefore);
    // the line is clear again
    api.post("/contacts", Api.json(Map.of("name", "Accepted"))).expect(201);
  }
}
