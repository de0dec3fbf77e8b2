package dev.hookdesk.live;

import dev.hookdesk.events.Event;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.store.Database;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.jdbi.v3.core.HandleCallback;

/**
 * The event log as live readers read it: on the node's background connections, so a stream
 * gets its events while requests hold every connection of theirs, and at most
 * {@link LiveEvents#READERS} reads at a time, so a crowd of streams catching up leaves the
 * delivery engine its connections.
 */
final class LiveLog {
  private final EventLog events;
  private final Database db;
  private final Semaphore readers = new Semaphore(LiveEvents.READERS, true);

  LiveLog(EventLog events, Database db) {
    this.events = events;
    this.db = db;
  }

  /** Up to {@code limit} of the workspace's events after {@code sequence}, in order. */
  List<Event> after(String workspaceId, long sequence, int limit) {
    return read(h -> events.list(h, workspaceId, Optional.empty(), sequence, limit).data());
  }

  /** The sequence of the workspace's last committed event (0 when none). */
  long last(String workspaceId) {
    return read(h -> events.lastSequence(h, workspaceId));
  }

  private <R> R read(HandleCallback<R, RuntimeException> read) {
    readers.acquireUninterruptibly();
    try {
      return db.read(read);
    } finally {
      readers.release();
    }
  }
}
