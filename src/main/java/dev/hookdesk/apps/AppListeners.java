package dev.hookdesk.apps;

import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.AppAudience;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;

/**
 * The apps that hear each workspace (installed, webhooks on), kept in memory for the fan-out.
 * An entry is dropped when an install, uninstall or switch in that workspace commits — here at
 * once, on other nodes by a NOTIFY on {@link #CHANNEL} — and is at most {@link #MAX_AGE} old,
 * which bounds a lost notification. A load that raced a change is not kept ({@link #changes}).
 */
public final class AppListeners implements AppAudience, AutoCloseable {
  static final String CHANNEL = "hookdesk_app_listeners";
  static final Duration MAX_AGE = Duration.ofSeconds(30);

  /** The bot agents an app has in a workspace. */
  @FunctionalInterface
  public interface Bots {
    Set<String> of(Handle h, String workspaceId, String appId);
  }

  private record Entry(List<Listener> listeners, Instant loadedAt) {}

  private final Installations installations;
  private final Database db;
  private final Clock clock;
  private final Bots bots;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final AtomicLong changes = new AtomicLong();
  private final AutoCloseable listener;

  public AppListeners(Installations installations, Database db, Clock clock, Bots bots) {
    this.installations = Objects.requireNonNull(installations);
    this.db = Objects.requireNonNull(db);
    this.clock = Objects.requireNonNull(clock);
    this.bots = Objects.requireNonNull(bots);
    installations.onChange((h, appId, workspaceId) -> changed(h, workspaceId));
    this.listener = db.listen(CHANNEL, this::forget);
  }

  @Override
  public List<Listener> listeners(Handle h, String workspaceId) {
    Entry e = cache.get(workspaceId);
    Instant now = clock.instant();
    if (e != null && e.loadedAt().plus(MAX_AGE).isAfter(now)) return e.listeners();
    long before = changes.get();
    List<Listener> loaded = new ArrayList<>();
    for (Installations.Hearing i : installations.hearing(h, workspaceId)) {
      Set<String> resources = new HashSet<>();
      for (String scope : i.scopes()) Scopes.resourceHeard(scope).ifPresent(resources::add);
      loaded.add(new Listener(i.appId(), resources, bots.of(h, workspaceId, i.appId())));
    }
    List<Listener> out = List.copyOf(loaded);
    if (changes.get() == before) cache.put(workspaceId, new Entry(out, now));
    return out;
  }

  /** An app created a bot in this workspace: its only_my_chats filter must see it at once. */
  public void botsChanged(Handle h, String workspaceId) {
    changed(h, workspaceId);
  }

  /** What an app hears of this workspace changes with the transaction: forgotten on every node. */
  void changed(Handle h, String workspaceId) {
    db.dialect().notify(h, CHANNEL, workspaceId);
    forget(workspaceId);
    h.afterCommit(() -> forget(workspaceId));
  }

  private void forget(String workspaceId) {
    changes.incrementAndGet();
    cache.remove(workspaceId);
  }

  @Override
  public void close() throws Exception {
    listener.close();
  }
}
