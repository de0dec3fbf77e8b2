package dev.hookdesk.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects outcomes from the sender's threads and writes them in batches, one transaction
 * each. Until a batch commits its deliveries keep their lease, so a crash here means a resend,
 * never a loss.
 */
final class ResultWriter {
  private static final Logger log = LoggerFactory.getLogger(ResultWriter.class);
  private static final int BATCH = 2000;
  /** A short wait for more outcomes: every commit costs about the same, whatever its size. */
  private static final long LINGER_MILLIS = 5;

  private final LinkedBlockingQueue<Outcome> pending = new LinkedBlockingQueue<>();
  private final OutcomeStore store;
  private volatile boolean stopped;

  ResultWriter(OutcomeStore store) {
    this.store = store;
  }

  void offer(Outcome outcome) {
    pending.add(outcome);
  }

  /** Stops retrying a failing write (shutdown); what is unwritten keeps its lease and is resent. */
  void stop() {
    stopped = true;
  }

  int backlog() {
    return pending.size();
  }

  /** Writes what has arrived, waiting briefly for the first outcome; returns how many it wrote. */
  int step(long waitMillis) throws InterruptedException {
    Outcome first = pending.poll(waitMillis, TimeUnit.MILLISECONDS);
    if (first == null) return 0;
    List<Outcome> batch = new ArrayList<>();
    batch.add(first);
    pending.drainTo(batch, BATCH - 1);
    if (batch.size() < BATCH / 4) {
      Thread.sleep(LINGER_MILLIS);
      pending.drainTo(batch, BATCH - batch.size());
    }
    while (true) {
      try {
        store.write(batch);
        return batch.size();
      } catch (RuntimeException e) {
        // The database is away: keep the batch and try again; the leases protect the rows.
        if (stopped) return 0;
        log.warn("cannot write {} delivery results, retrying: {}", batch.size(), e.getMessage());
        Thread.sleep(500);
      }
    }
  }
}
