package dev.hookdesk.live;

import dev.hookdesk.events.Event;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.store.Database;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Live events for this node's subscribers: one {@link Feed} per workspace that has any, woken
 * by this node's commits, by other nodes' NOTIFYs on {@link EventLog#CHANNEL} (payload: the
 * workspace id), and by a slow poll that covers a lost notification or listener connection.
 */
public final class LiveEvents implements AutoCloseable {
  /** Live reads of the log at once on a node: connections of the background pool they may hold. */
  public static final int READERS = 2;

  private final LiveLog log;
  private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService poller;
  private final AutoCloseable listener;

  /** {@code background}: the node's pool for background work, never the requests' one. */
  public LiveEvents(EventLog events, Database background, Duration poll) {
    Objects.requireNonNull(events);
    this.log = new LiveLog(events, background);
    events.onWorkspaceCommit(this::wake);
    this.listener = background.listen(EventLog.CHANNEL, this::wake);
    this.poller = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("live-poll").factory());
    poller.scheduleWithFixedDelay(() -> feeds.values().forEach(Feed::wake),
        poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The workspace's events that pass {@code filter}, after sequence {@code after}; close it when
   * the subscriber goes. {@code filter} runs on the reader's thread and must be quick.
   */
  public Subscription subscribe(String workspaceId, long after, Predicate<Event> filter) {
    Subscription[] made = new Subscription[1];
    feeds.compute(workspaceId, (ws, feed) -> {
      Feed f = feed != null ? feed : new Feed(ws, log, readers);
      Subscription s = new Subscription(f, log, ws, after, filter, () -> leave(ws, made[0]));
      s.start();
      made[0] = s;
      return f;
    });
    // a commit while the feed was being made may have found no feed to wake
    wake(workspaceId);
    return made[0];
  }

  /** Where a new subscriber that wants only what happens from now on starts. */
  public long now(String workspaceId) {
    return log.last(workspaceId);
  }

  private void leave(String workspaceId, Subscription s) {
    feeds.computeIfPresent(workspaceId, (ws, feed) -> {
      feed.leave(s);
      return feed.idle() ? null : feed;
    });
  }

  private void wake(String workspaceId) {
    Feed f = feeds.get(workspaceId);
    if (f != null) f.wake();
  }

  @Override
  public void close() throws Exception {
    poller.shutdownNow();
    listener.close();
    readers.shutdownNow();
  }
}
