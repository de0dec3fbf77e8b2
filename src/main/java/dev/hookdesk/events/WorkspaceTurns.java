package dev.hookdesk.events;

import dev.hookdesk.core.Admission;
import dev.hookdesk.core.DomainException.Busy;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;

/**
 * Queues this node's writers of a workspace in memory before they take its next event
 * sequence, and lets each go on holding its turn until its transaction ends. The database's
 * row lock on the workspace orders writers by itself (and across nodes); but its waiters all
 * wake at each commit, and under load the holder then waits for CPU behind them between its
 * statements. Queued here, a node sends the database one writer at a time.
 *
 * <p>Every waiter holds a pooled connection, so the line is bounded. While
 * {@link #MAX_WAITING} writers wait, a client's new write is refused before it starts
 * ({@link #admit}); a client's request ({@link Admission}) that still finds more than
 * {@link #MAX_LINE} writers ahead of it, or waits {@link #MAX_WAIT_MILLIS} for its turn, is
 * refused with {@link Busy} (503, Retry-After) and its transaction rolls back, instead of piling
 * onto the row lock. Background work, and a writer
 * that already holds another workspace's turn, goes on without a turn after
 * {@link #PATIENCE_MILLIS} and the row lock orders it. So no deadlock can hide here, where the
 * database could not see it: a wait that involves a turn ends after a bound.
 */
final class WorkspaceTurns {
  static final long PATIENCE_MILLIS = 200;
  static final int MAX_WAITING = 8;
  static final int MAX_LINE = 10;
  static final long MAX_WAIT_MILLIS = 2_000;
  static final long RETRY_AFTER_SECONDS = 1;

  private record Turn(ReentrantLock lock, AtomicInteger waiting) {}

  private final ConcurrentHashMap<String, Turn> turns = new ConcurrentHashMap<>();
  private final ThreadLocal<Turn> held = new ThreadLocal<>();

  /** Refuses a client's write while the workspace's line is full. */
  void admit(String workspaceId) {
    int waiting = waiting(workspaceId);
    if (waiting >= MAX_WAITING && Admission.isRefusable()) {
      throw busy(workspaceId, waiting + " writers are waiting");
    }
  }

  int waiting(String workspaceId) {
    Turn turn = turns.get(workspaceId);
    return turn == null ? 0 : turn.waiting().get();
  }

  /** Waits for the workspace's turn and keeps it until the handle's transaction ends. */
  void take(Handle h, String workspaceId) {
    if (held.get() != null) return;
    Turn turn = turns.computeIfAbsent(workspaceId,
        k -> new Turn(new ReentrantLock(true), new AtomicInteger()));
    if (!turn.lock().tryLock() && !await(turn, workspaceId)) return;
    held.set(turn);
    Runnable release = () -> {
      if (held.get() == turn) {
        held.remove();
        turn.lock().unlock();
      }
    };
    h.afterCommit(release);
    h.afterRollback(release);
    // the safety net: a handle closed without either (or after a callback that threw)
    h.addCleanable(release::run);
  }

  /** True once the turn is taken; false to go on without it; {@link Busy} to refuse. */
  private boolean await(Turn turn, String workspaceId) {
    boolean refusable = Admission.isRefusable();
    int ahead = turn.waiting().incrementAndGet();
    try {
      if (refusable && ahead > MAX_LINE) throw busy(workspaceId, ahead + " writers are waiting");
      long wait = refusable ? MAX_WAIT_MILLIS : PATIENCE_MILLIS;
      if (turn.lock().tryLock(wait, TimeUnit.MILLISECONDS)) return true;
      if (refusable) throw busy(workspaceId, "a write waited " + wait + " ms for its turn");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      turn.waiting().decrementAndGet();
    }
  }

  private static Busy busy(String workspaceId, String why) {
    return new Busy("Workspace " + workspaceId + " is taking more writes than it can commit (" + why
        + "); nothing was written, retry in " + RETRY_AFTER_SECONDS + " s", RETRY_AFTER_SECONDS);
  }
}
