package dev.hookdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.events.WorkspaceLine;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A visitor's write to a workspace whose line of writers is full is refused before any of its
 * work, as an API write is: 503 problem+json with Retry-After at once, nothing written.
 */
@DbTest
class WidgetLineTest {
  static final String SHOP = "https://shop.example";

  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();

  @Test
  void visitorsWritesAreRefusedAtOnceWhileTheWorkspacesLineIsFull() throws Exception {
    WidgetSetup.site(api, "website", SHOP);
    String ws = node.node().defaultWorkspaceId();
    WidgetClient chatting = WidgetClient.visitor(node.baseUrl(), SHOP, ws, "website");
    String chatId = chatting.post("/chats", Map.of("message", "hello")).expect(201).str("/chat/id");
    WidgetClient browsing = WidgetClient.visitor(node.baseUrl(), SHOP, ws, "website");
    long chatEventsBefore = chatEvents();

    Map<String, Supplier<Api.Res>> writes = Map.of(
        "POST /sessions", () -> new WidgetClient(node.baseUrl(), SHOP).post("/sessions",
            Map.of("workspace_id", ws, "source", "website", "name", "Refused Visitor")),
        "POST /chats", () -> browsing.post("/chats", Map.of("message", "refused")),
        "POST /chats/{id}/messages", () -> chatting.post("/chats/" + chatId + "/messages",
            Map.of("text", "refused")));
    for (var write : writes.entrySet()) {
      long[] took = new long[1];
      Api.Res r = whileTheLineIsFull(ws, () -> {
        long t0 = System.nanoTime();
        Api.Res res = write.getValue().get();
        took[0] = (System.nanoTime() - t0) / 1_000_000;
        return res;
      });
      r.problem(503, null);
      assertThat(r.headers().firstValue("Retry-After")).as(write.getKey())
          .hasValue(Long.toString(WorkspaceLine.RETRY_AFTER_SECONDS));
      assertThat(r.str("/detail")).as(write.getKey()).contains("writers are waiting", "nothing was written");
      assertThat(took[0]).as(write.getKey() + ": refused before it joined the line")
          .isLessThan(WorkspaceLine.MAX_WAIT_MILLIS);
    }

    assertThat(chatEvents()).as("chat events").isEqualTo(chatEventsBefore);
    assertThat(api.get("/contacts?limit=100").expect(200).at("/data").findValuesAsText("name"))
        .doesNotContain("Refused Visitor");
    assertThat(browsing.get("/chats/current").expect(200).at("/chat").isNull()).isTrue();
    assertThat(chatting.get("/chats/current").expect(200).at("/messages").findValuesAsText("text"))
        .contains("hello").doesNotContain("refused");
    // the line is clear again
    chatting.post("/chats/" + chatId + "/messages", Map.of("text", "accepted")).expect(201);
  }

  private static long chatEvents() {
    return api.get("/events?limit=100").expect(200).at("/data").findValuesAsText("type").stream()
        .filter(t -> t.startsWith("chat.")).count();
  }

  /**
   * Runs {@code write} while a writer of the node holds the workspace's turn without committing
   * and API writes fill the line behind it; they wait their longest and are refused before the
   * turn is let go.
   */
  private static Api.Res whileTheLineIsFull(String ws, Supplier<Api.Res> write) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(WorkspaceLine.MAX_WAITING);
    List<CompletableFuture<Api.Res>> waiting = new ArrayList<>();
    try (WorkspaceLine line = WorkspaceLine.holdTurn(node, api)) {
      for (int i = 0; i < WorkspaceLine.MAX_WAITING; i++) {
        waiting.add(CompletableFuture.supplyAsync(
            () -> api.post("/contacts", Api.json(Map.of("name", "Waiting"))), threads));
      }
      TestNode.await("a full line", 10_000,
          () -> WorkspaceLine.waiting(node, ws) == WorkspaceLine.MAX_WAITING);
      Api.Res refused = write.get();
      for (var w : waiting) w.get(30, TimeUnit.SECONDS).problem(503, null);
      return refused;
    } finally {
      threads.shutdownNow();
    }
  }
}
