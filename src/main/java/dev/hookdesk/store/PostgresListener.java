package dev.hookdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
  private final Runnable onNotify;
  private final Thread thread;
  private volatile boolean open = true;

  private PostgresListener(DataSource dataSource, String channel, Runnable onNotify) {
    this.dataSource = dataSource;
    this.channel = channel;
    this.onNotify = onNotify;
    this.thread = Thread.ofPlatform().daemon().name("pg-listen-" + channel).unstarted(this::run);
  }

  static PostgresListener start(DataSource dataSource, String channel, Runnable onNotify) {
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
          if (ns != null && ns.length > 0) onNotify.run();
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
