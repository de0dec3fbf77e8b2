package dev.hookdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds one pooled connection in LISTEN on a channel and reconnects if it drops. */
final class PostgresListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);

  private final DataSource dataSource;
  private final String channel;
  private final Consumer<Set<String>> onNotify;
  private final Thread thread;
  private volatile boolean open = true;

  private PostgresListener(DataSource dataSource, String channel, Consumer<Set<String>> onNotify) {
    this.dataSource = dataSource;
    this.channel = channel;
    this.onNotify = onNotify;
    this.thread = Thread.ofPlatform().daemon().name("pg-listen-" + channel).unstarted(this::run);
  }

  /** {@code onNotify} gets the distinct payloads of each batch of notifications. */
  static PostgresListener start(DataSource dataSource, String channel,
      Consumer<Set<String>> onNotify) {
    PostgresListener l = new PostgresListener(dataSource, channel, onNotify);
    l.thread.start();
    return l;
  }

  private void run() {
    while (open) {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute("LISTEN " + channel);
        PGConnection pg = c.unwrap(PGConnection.class);
        while (open) {
          PGNotification[] ns = pg.getNotifications(500);
          if (ns == null || ns.length == 0) continue;
          Set<String> payloads = new LinkedHashSet<>();
          for (PGNotification n : ns) payloads.add(n.getParameter());
          onNotify.accept(payloads);
        }
      } catch (SQLException | RuntimeException e) {
        if (!open) return;
        log.warn("LISTEN {} lost its connection ({}); polling covers the gap, reconnecting", channel,
            e.getMessage());
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
    open = false;
    thread.join(2000);
  }
}
