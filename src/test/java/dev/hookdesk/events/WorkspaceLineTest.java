package dev.hookdesk.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    String workspaceId = node.node().defaultWorkspaceId();
    int writers = WorkspaceTurns.MAX_WAITING + 2;
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    long lastBefore;
    // a writer of the node that holds the workspace's turn and never commits
    try (WorkspaceLine line = WorkspaceLine.holdTurn(node, api)) {
      lastBefore = api.get("/events?limit=100").expect(200).at("/data").size();
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
    } finally {
      threads.shutdownNow();
    }

    assertThat(api.get("/contacts?limit=100").expect(200).at("/data").findValuesAsText("name"))
        .noneMatch(n -> n.startsWith("Refused"));
    assertThat(api.get("/events?limit=100").expect(200).at("/data").size()).isEqualTo(lastBefore);
    // the line is clear again
    api.post("/contacts", Api.json(Map.of("name", "Accepted"))).expect(201);
  }
}
