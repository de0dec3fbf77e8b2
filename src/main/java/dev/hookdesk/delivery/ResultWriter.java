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
    List<Outcome> left = new ArrayList<>();
    for (Outcome o : batch) {
      if (o.claimed().isBotCall()) {
        // alone: each in a transaction of its own (BotOutcomes), never written twice
        if (!writeAll(List.of(o))) return 0;
      } else {
        left.add(o);
      }
    }
    if (left.isEmpty() || writeAll(left)) return batch.size();
    return 0;
  }

  /** Writes these outcomes, retrying while the database is away; false when stopped meanwhile. */
  private boolean writeAll(List<Outcome> outcomes) throws InterruptedException {
    List<Outcome> left = outcomes;
    while (true) {
      try {
        store.write(left);
        return true;
      } catch (RuntimeException e) {
        if (stopped) return false;
        if (Refusal.of(e).isPresent()) {
          left = oneByOne(left);
          if (left.isEmpty()) return true;
          continue;
        }
        // The database is away: keep the batch and try again; the leases protect the rows.
        log.warn("cannot write {} delivery results, retrying: {}", left.size(), e.getMessage());
        Thread.sleep(500);
      }
    }
  }

  /**
   * After the database refused a batch for what one of its rows carried: writes the outcomes
   * one at a time, so one receiver's answer never holds up the results of the others; a refused
   * one is written with a note in place of its content. Returns what is left unwritten when the
   * database went away meanwhile.
   */
  private List<Outcome> oneByOne(List<Outcome> batch) {
    for (int i = 0; i < batch.size(); i++) {
      Outcome o = batch.get(i);
      try {
        store.write(List.of(o));
      } catch (RuntimeException e) {
        if (Refusal.of(e).isEmpty()) return batch.subList(i, batch.size());
        log.warn("the database refused the result of delivery {}; recording it without its content: {}",
            o.claimed().deliveryId(), e.getMessage());
        try {
          store.writeRefused(o);
        } catch (RuntimeException again) {
          if (Refusal.of(again).isEmpty()) return batch.subList(i, batch.size());
          // Dropped: the delivery keeps its lease until it runs out, then it is sent again.
          log.error("cannot record the result of delivery {}: {}", o.claimed().deliveryId(), again.getMessage());
        }
      }
    }
    return List.of();
  }
}
