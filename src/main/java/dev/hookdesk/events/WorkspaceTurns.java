package dev.hookdesk.events;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;

/**
 * Queues this node's writers of a workspace in memory before they take its next event
 * sequence, and lets each go on holding its turn until its transaction ends. The database's
 * row lock on the workspace orders writers by itself (and across nodes); but its waiters all
 * wake at each commit, and under load the holder then waits for CPU behind them between its
 * statements. Queued here, a node sends the database one writer at a time.
 *
 * <p>A turn is only ever an optimisation: a writer that already holds another workspace's
 * turn, or that has waited {@link #PATIENCE_MILLIS}, goes on without one and the row lock
 * orders it. So no deadlock can hide here, where the database could not see it: a wait that
 * involves a turn ends after the patience, and the database detects the rest.
 */
final class WorkspaceTurns {
  static final long PATIENCE_MILLIS = 200;

  private final ConcurrentHashMap<String, ReentrantLock> turns = new ConcurrentHashMap<>();
  private final ThreadLocal<ReentrantLock> held = new ThreadLocal<>();

  /** Waits for the workspace's turn and keeps it until the handle's transaction ends. */
  void take(Handle h, String workspaceId) {
    if (held.get() != null) return;
    ReentrantLock turn = turns.computeIfAbsent(workspaceId, k -> new ReentrantLock());
    try {
      if (!turn.tryLock(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    held.set(turn);
    Runnable release = () -> {
      if (held.get() == turn) {
        held.remove();
        turn.unlock();
      }
    };
    h.afterCommit(release);
    h.afterRollback(release);
    // the safety net: a handle closed without either (or after a callback that threw)
    h.addCleanable(release::run);
  }
}
