package dev.hookdesk.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.TestNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A workspace's line of writers on a test node ({@link WorkspaceTurns}), for tests in any
 * package: its bounds, how many wait, and a writer that holds the turn without committing.
 */
public final class WorkspaceLine implements AutoCloseable {
  public static final int MAX_WAITING = WorkspaceTurns.MAX_WAITING;
  public static final long MAX_WAIT_MILLIS = WorkspaceTurns.MAX_WAIT_MILLIS;
  public static final long RETRY_AFTER_SECONDS = WorkspaceTurns.RETRY_AFTER_SECONDS;

  private final CountDownLatch release = new CountDownLatch(1);
  private final CompletableFuture<Void> holder;

  private WorkspaceLine(TestNode node, EventDraft draft) throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    this.holder = CompletableFuture.runAsync(() -> {
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
    });
    assertThat(holding.await(10, TimeUnit.SECONDS)).as("the writer holds the turn").isTrue();
  }

  /**
   * A writer of the node that appends a {@code contact.created} (a copy of one the workspace has)
   * and then holds the workspace's turn, uncommitted, until closed; it then rolls back.
   */
  public static WorkspaceLine holdTurn(TestNode node, Api admin) throws InterruptedException {
    admin.post("/contacts", Api.json(Map.of("name", "Template"))).expect(201);
    JsonNode template = admin.get("/events?type=contact.created&limit=1").expect(200).at("/data/0");
    return new WorkspaceLine(node, new EventDraft(template.get("workspace_id").asText(),
        "contact.created", new Actor("system", null, "api"), (ObjectNode) template.get("data"), null));
  }

  /** This node's writers waiting for the workspace's turn. */
  public static int waiting(TestNode node, String workspaceId) {
    return node.node().events().waiting(workspaceId);
  }

  @Override
  public void close() throws Exception {
    release.countDown();
    holder.get(10, TimeUnit.SECONDS);
  }
}
