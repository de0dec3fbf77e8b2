package dev.hookdesk.delivery;

import dev.hookdesk.store.Database;
import java.time.Clock;
import java.time.Duration;

/** Drops request and response bodies of attempts older than the retention; the rest stays. */
final class AttemptPruner {
  private final Database db;
  private final Clock clock;
  private final Duration retention;

  AttemptPruner(Database db, Clock clock, Duration retention) {
    this.db = db;
    this.clock = clock;
    this.retention = retention;
  }

  int prune() {
    return db.inTransaction(h -> h.createUpdate("""
            UPDATE delivery_attempts SET request_body = NULL, response_body = NULL, pruned = TRUE
            WHERE started_at < :cutoff AND pruned = FALSE""")
        .bind("cutoff", clock.instant().minus(retention)).execute());
  }
}
