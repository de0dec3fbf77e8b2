package dev.hookdesk.live;

import dev.hookdesk.events.Event;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One workspace's live reader on this node: reads the event log after its cursor whenever it
 * is woken, one read at a time, and hands each new event to its subscribers. The cursor moves
 * and subscribers join under one lock, so a subscriber gets every event after the cursor it
 * joined at from here and everything up to it from the log.
 */
final class Feed {
  private static final Logger log = LoggerFactory.getLogger(Feed.class);
  static final int PAGE = 200;

  private final String workspaceId;
  private final LiveLog liveLog;
  private final Executor executor;
  private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();
  private long cursor; // guarded by this
  private boolean reading; // guarded by this
  private boolean again; // guarded by this

  Feed(String workspaceId, LiveLog liveLog, Executor executor) {
    this.workspaceId = workspaceId;
    this.liveLog = liveLog;
    this.executor = executor;
    this.cursor = liveLog.last(workspaceId);
  }

  /** Joins and returns the cursor: later events come from here, earlier ones from the log. */
  synchronized long join(Subscription s) {
    subscribers.add(s);
    return cursor;
  }

  /** For a subscriber that overflowed: drops what it queued and tells where the log takes over. */
  synchronized long rejoin(Subscription s) {
    s.clearQueued();
    return cursor;
  }

  void leave(Subscription s) {
    subscribers.remove(s);
  }

  boolean idle() {
    return subscribers.isEmpty();
  }

  /** Reads new events soon; a wake during a read makes that read go round once more. */
  void wake() {
    synchronized (this) {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
    }
    executor.execute(this::read);
  }

  private void read() {
    try {
      while (true) {
        long from;
        synchronized (this) {
          from = cursor;
          again = false;
        }
        List<Event> page = liveLog.after(workspaceId, from, PAGE);
        synchronized (this) {
          for (Event e : page) {
            subscribers.forEach(s -> s.offer(e));
            cursor = e.sequence();
          }
          if (page.size() < PAGE && !again) {
            reading = false;
            return;
          }
        }
      }
    } catch (RuntimeException e) {
      // the next wake (a commit, a notification or the poll) reads again from the cursor
      log.warn("live reader of {} failed: {}", workspaceId, e.toString());
      synchronized (this) {
        reading = false;
      }
    }
  }
}
