package dev.hookdesk.events;

import dev.hookdesk.store.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells other nodes, after the commit and outside the writer's transaction, which workspaces
 * have new events: one thread per node sends whatever accumulated since its last send, one
 * NOTIFY per workspace. A NOTIFY inside the writer's transaction made PostgreSQL serialise
 * every such commit (fsync included) on its global notification lock. A notice lost in a crash
 * costs nothing but time: readers follow the log from their cursor and poll.
 */
final class CommitNotices implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CommitNotices.class);

  private final Jdbi jdbi;
  private final Dialect dialect;
  private final String channel;
  private final Set<String> pending = new LinkedHashSet<>(); // guarded by this
  private Thread sender; // guarded by this
  private boolean closed; // guarded by this

  CommitNotices(Jdbi jdbi, Dialect dialect, String channel) {
    this.jdbi = jdbi;
    this.dialect = dialect;
    this.channel = channel;
  }

  /** Called after a commit that appended events of the workspace. */
  void committed(String workspaceId) {
    if (!dialect.supportsNotify()) return;
    synchronized (this) {
      if (closed) return;
      pending.add(workspaceId);
      if (sender == null) {
        sender = Thread.ofPlatform().daemon().name("event-notices").start(this::send);
      }
      notifyAll();
    }
  }

  private void send() {
    while (true) {
      List<String> batch;
      synchronized (this) {
        while (pending.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) return;
        batch = new ArrayList<>(pending);
        pending.clear();
      }
      try {
        jdbi.useHandle(h -> batch.forEach(ws -> dialect.notify(h, channel, ws)));
      } catch (RuntimeException e) {
        // other nodes' polls cover a notice that was not sent
        log.warn("could not notify {} of new events: {}", channel, e.toString());
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    notifyAll();
  }
}
