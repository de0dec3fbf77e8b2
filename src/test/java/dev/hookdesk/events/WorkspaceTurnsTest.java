package dev.hookdesk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookdesk.core.Admission;
import dev.hookdesk.core.DomainException.Busy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory queue in front of a workspace's sequence: held until the transaction ends, never a trap. */
class WorkspaceTurnsTest {
  private final Jdbi jdbi = Jdbi.create("jdbc:h2:mem:turns;DB_CLOSE_DELAY=-1");
  private final WorkspaceTurns turns = new WorkspaceTurns();
  private final ExecutorService threads = Executors.newFixedThreadPool(3);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** Takes ws_a's turn in a transaction that ends when {@code end} opens; says when it has it. */
  private CompletableFuture<Void> holder(CountDownLatch taken, CountDownLatch end, boolean fail) {
    return CompletableFuture.runAsync(() -> jdbi.useTransaction(h -> {
      turns.take(h, "ws_a");
      taken.countDown();
      try {
        assertThat(end.await(10, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      if (fail) throw new IllegalStateException("rolled back");
    }), threads);
  }

  /** How long another transaction waits for ws_a's turn, in milliseconds. */
  private long waitForTurn() throws Exception {
    return CompletableFuture.supplyAsync(() -> jdbi.inTransaction(h -> {
      long t0 = System.nanoTime();
      turns.take(h, "ws_a");
      return (System.nanoTime() - t0) / 1_000_000;
    }), threads).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aTurnIsHeldUntilCommitThenPassedOn() throws Exception {
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    CompletableFuture<Void> first = holder(taken, end, false);
    assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
      try {
        return waitForTurn();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(50);
    assertThat(second).isNotDone();
    end.countDown();
    first.get(10, TimeUnit.SECONDS);
    assertThat(second.get(10, TimeUnit.SECONDS)).isLessThan(WorkspaceTurns.PATIENCE_MILLIS);
    assertThat(waitForTurn()).isLessThan(WorkspaceTurns.PATIENCE_MILLIS);
  }

  @Test
  void aRollbackReleasesTheTurn() throws Exception {
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    CompletableFuture<Void> failing = holder(taken, end, true);
    assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
    end.countDown();
    assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("rolled back");
    assertThat(waitForTurn()).isLessThan(WorkspaceTurns.PATIENCE_MILLIS);
  }

  @Test
  void aWriterWaitsNoLongerThanThePatienceThenGoesOnWithoutTurn() throws Exception {
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    CompletableFuture<Void> stuck = holder(taken, end, false);
    assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      assertThat(waitForTurn()).isBetween(WorkspaceTurns.PATIENCE_MILLIS - 5, WorkspaceTurns.PATIENCE_MILLIS + 2000);
    } finally {
      end.countDown();
      stuck.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aClientsWriteWaitsAtMostTheLongestWaitThenIsRefused() throws Exception {
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    CompletableFuture<Void> stuck = holder(taken, end, false);
    assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> CompletableFuture.runAsync(() -> {
        try {
          Admission.refusable(() -> jdbi.inTransaction(h -> {
            turns.take(h, "ws_a");
            return null;
          }));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, threads).get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(Busy.class);
      assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(WorkspaceTurns.MAX_WAIT_MILLIS - 5);
    } finally {
      end.countDown();
      stuck.get(10, TimeUnit.SECONDS);
    }
    assertThat(waitForTurn()).isLessThan(WorkspaceTurns.PATIENCE_MILLIS);
  }

  @Test
  void aSecondWorkspaceInTheSameTransactionDoesNotWaitForItsTurn() throws Exception {
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    CompletableFuture<Void> holderOfA = holder(taken, end, false);
    assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      long waited = CompletableFuture.supplyAsync(() -> jdbi.inTransaction(h -> {
        turns.take(h, "ws_b");
        long t0 = System.nanoTime();
        turns.take(h, "ws_a");
        return (System.nanoTime() - t0) / 1_000_000;
      }), threads).get(10, TimeUnit.SECONDS);
      assertThat(waited).isLessThan(WorkspaceTurns.PATIENCE_MILLIS / 2);
    } finally {
      end.countDown();
      holderOfA.get(10, TimeUnit.SECONDS);
    }
  }
}
