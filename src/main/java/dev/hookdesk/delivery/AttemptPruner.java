package dev.hookdesk.delivery;

import dev.hookdesk.store.Database;
import java.time.Clock;
import java.time.Duration;

/** Drops request and response bodies of attempts older than the retention; the rest stays. */
final class AttemptPruner {
  private final Database db;
  private final DeliveryRecords records;
  private final Clock clock;
  private final Duration retention;

  AttemptPruner(Database db, DeliveryRecords records, Clock clock, Duration retention) {
    this.db = db;
    this.records = records;
    this.clock = clock;
    this.retention = retention;
  }

  int prune() {
    return db.inTransaction(h -> records.pruneBodies(h, clock.instant().minus(retention)));
  }
}
