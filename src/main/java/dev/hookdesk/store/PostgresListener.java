package dev.hookdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one pooled connection in LISTEN on every channel something listens to, and reconnects
 * if it drops: one connection for the whole node, however many channels. A channel added while
 * it runs is LISTENed within {@link #POLL_MILLIS}; polling covers what is sent before.
 */
final class PostgresListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);
  static final int POLL_MILLIS = 500;

  private final DataSource dataSource;
  private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
  private Thread thread; // guarded by this
  private volatile boolean open = true;

  PostgresListener(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** {@code onPayload} gets each distinct payload of each batch of notifications on the channel. */
  synchronized AutoCloseable listen(String channel, Consumer<String> onPayload) {
    listeners.computeIfAbsent(channel, k -> new CopyOnWriteArrayList<>()).add(onPayload);
    if (thread == null) thread = Thread.ofPlatform().daemon().name("pg-listen").start(this::run);
    return () -> listeners.getOrDefault(channel, List.of()).remove(onPayload);
  }

  private void run() {
    while (open) {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        Set<String> listening = new HashSet<>();
        PGConnection pg = c.unwrap(PGConnection.class);
        while (open) {
          for (String channel : listeners.keySet()) {
            if (listening.add(channel)) s.execute("LISTEN " + channel);
          }
          PGNotification[] ns = pg.getNotifications(POLL_MILLIS);
          if (ns == null || ns.length == 0) continue;
          Map<String, Set<String>> payloads = new LinkedHashMap<>();
          for (PGNotification n : ns) {
            payloads.computeIfAbsent(n.getName(), k -> new LinkedHashSet<>()).add(n.getParameter());
          }
          payloads.forEach((channel, distinct) -> listeners.getOrDefault(channel, List.of())
              .forEach(l -> distinct.forEach(l)));
        }
      } catch (SQLException | RuntimeException e) {
        if (!open) return;
        log.warn("LISTEN lost its connection ({}); polling covers the gap, reconnecting", e.getMessage());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    Thread t;
    synchronized (this) {
      open = false;
      t = thread;
    }
    if (t != null) t.join(2000);
  }
}
