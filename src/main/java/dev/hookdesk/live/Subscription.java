package dev.hookdesk.live;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookdesk.core.Actor;
import dev.hookdesk.events.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One subscriber's view of a workspace's events that pass its filter, after a sequence: first
 * from the log up to where it joined the live reader, then from what the reader hands it. Each
 * event comes once and in sequence order. Read by one thread (its stream); {@link #end} may
 * come from any thread.
 */
public final class Subscription implements AutoCloseable {
  static final int QUEUE = 1000;
  /** Put in the queue by {@link #end} to wake a reader waiting in {@link #next}; never returned. */
  private static final Event WAKE = new Event("wake", "wake", Instant.EPOCH, "wake", Long.MAX_VALUE,
      Actor.system(), JsonNodeFactory.instance.objectNode(), null);

  private final Feed feed;
  private final LiveLog log;
  private final String workspaceId;
  private final Predicate<Event> filter;
  private final Runnable onClose;
  private final BlockingQueue<Event> queued = new ArrayBlockingQueue<>(QUEUE);
  private final ArrayDeque<Event> backlog = new ArrayDeque<>();
  private volatile boolean overflowed;
  private volatile boolean ended;
  private long last;
  private long readFrom;
  private long readTo;

  Subscription(Feed feed, LiveLog log, String workspaceId, long after, Predicate<Event> filter,
      Runnable onClose) {
    this.feed = feed;
    this.log = log;
    this.workspaceId = workspaceId;
    this.filter = filter;
    this.onClose = onClose;
    this.last = after;
    this.readFrom = after;
  }

  void start() {
    readTo = feed.join(this);
  }

  /** Called by the reader with the feed locked; never blocks. */
  void offer(Event e) {
    if (filter.test(e) && !queued.offer(e)) overflowed = true;
  }

  void clearQueued() {
    queued.clear();
    overflowed = false;
  }

  /** The next event, or empty when none came within {@code wait} or the subscription {@link #ended}. */
  public Optional<Event> next(Duration wait) throws InterruptedException {
    while (true) {
      if (ended) return Optional.empty();
      Event e = backlogged();
      if (e == null) {
        if (overflowed) {
          // too slow for the live queue: catch up from the log instead of losing events
          readFrom = last;
          readTo = feed.rejoin(this);
          continue;
        }
        e = queued.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null || e == WAKE) return Optional.empty();
      }
      if (e.sequence() > last) {
        last = e.sequence();
        return Optional.of(e);
      }
    }
  }

  private Event backlogged() {
    while (backlog.isEmpty() && readFrom < readTo) {
      var page = log.after(workspaceId, readFrom, Feed.PAGE);
      if (page.isEmpty()) readFrom = readTo;
      for (Event e : page) {
        if (e.sequence() > readTo) {
          readFrom = readTo;
          break;
        }
        readFrom = e.sequence();
        if (filter.test(e)) backlog.add(e);
      }
    }
    return backlog.poll();
  }

  /** Ends the stream that reads this, at once: a waiting {@link #next} returns, and no more come. */
  public void end() {
    ended = true;
    queued.offer(WAKE); // refused only when full, and then next() is not waiting
  }

  public boolean ended() {
    return ended;
  }

  @Override
  public void close() {
    onClose.run();
  }
}
