package dev.hookdesk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.Json;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sequences follow commit order: a reader paging with {@code after} never has an event with a
 * lower sequence commit behind its cursor. That holds because a writer keeps its workspace's
 * sequence until it commits, so the next writer of the workspace waits for it.
 */
@DbTest
class EventSequenceTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();

  @Test
  void aSecondWriterWaitsUntilTheFirstCommitsAndTakesTheNextSequence() throws Exception {
    api.post("/contacts", Api.json(Map.of("name", "Template"))).expect(201);
    JsonNode template = api.get("/events?type=contact.created&limit=1").expect(200).at("/data/0");
    var db = node.node().database();
    Clock clock = Clock.systemUTC();
    EventLog log = new EventLog(db.jdbi(), db.jdbi(), db.dialect(), Json.newMapper(), new Ids(clock), clock,
        node.node().catalog());
    EventDraft draft = new EventDraft(template.get("workspace_id").asText(), "contact.created",
        new Actor("system", null, "api"), (ObjectNode) template.get("data"), null);

    // threads of their own: the common pool may have a single one, and the first writer holds it
    var threads = Executors.newFixedThreadPool(2);
    CountDownLatch appended = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    try {
      CompletableFuture<Event> first = CompletableFuture.supplyAsync(() -> db.inTransaction(h -> {
        Event e = log.append(h, draft);
        appended.countDown();
        await(commit);
        return e;
      }), threads);
      assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Event> second = CompletableFuture.supplyAsync(
          () -> db.inTransaction(h -> log.append(h, draft)), threads);

      // while the first is open, the second cannot take a sequence (nor commit ahead of it)
      assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
      commit.countDown();
      long a = first.get(10, TimeUnit.SECONDS).sequence();
      Event b = second.get(10, TimeUnit.SECONDS);
      assertThat(b.sequence()).isEqualTo(a + 1);
      // the stored envelope carries the sequence the log is ordered by
      assertThat(log.get(draft.workspaceId(), b.id()).sequence()).isEqualTo(b.sequence());
      assertThat(api.get("/events?after=" + a).expect(200).at("/data/0/id").asText()).isEqualTo(b.id());
    } finally {
      // a failed assertion must not leave the first transaction holding the workspace
      commit.countDown();
      threads.shutdown();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
