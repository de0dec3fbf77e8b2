package dev.hookdesk.ops;

import dev.hookdesk.store.Database;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers a trivial query within {@link #TIMEOUT}: what {@code /health}
 * reports, so a node whose database is closed or hung is seen as down. One probe at a time:
 * callers arriving while one runs share its answer, so a hung database does not pile up
 * probes (and connections) however often health is polled.
 */
final class DatabaseProbe {
  private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Database database;
  private final AtomicReference<CompletableFuture<Optional<String>>> running = new AtomicReference<>();

  DatabaseProbe(Database database) {
    this.database = Objects.requireNonNull(database);
  }

  /** Empty when the database answered; else a short reason, fit for an unauthenticated caller. */
  Optional<String> problem() {
    CompletableFuture<Optional<String>> probe = new CompletableFuture<>();
    CompletableFuture<Optional<String>> current = running.compareAndExchange(null, probe);
    if (current == null) {
      current = probe;
      Thread.ofVirtual().name("hookdesk-health").start(() -> {
        try {
          probe.complete(query());
        } finally {
          running.set(null);
        }
      });
    }
    try {
      return current.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Optional.of("no answer within " + TIMEOUT.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    } catch (ExecutionException e) {
      return Optional.of("unavailable");
    }
  }

  private Optional<String> query() {
    try (Connection c = database.connection(); Statement s = c.createStatement()) {
      s.setQueryTimeout((int) TIMEOUT.toSeconds());
      s.execute("SELECT 1");
      return Optional.empty();
    } catch (Exception e) {
      // the details (hosts, file paths) go to the log, not to whoever asks /health
      log.warn("health: the database does not answer: {}", e.toString());
      return Optional.of("not answering (" + e.getClass().getSimpleName() + ")");
    }
  }
}
