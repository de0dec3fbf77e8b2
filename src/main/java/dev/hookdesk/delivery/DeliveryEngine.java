package dev.hookdesk.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Ids;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.events.EventReader;
import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.PayloadRenderer;
import dev.hookdesk.webhooks.WebhookDirectory;
import dev.hookdesk.webhooks.send.WebhookSender;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running engine of one node: fan-out, dispatcher and result writer threads, and upkeep. */
public final class DeliveryEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);
  /**
   * Connections the engine may hold at once: one for each of its threads that uses the database
   * (fan-out, dispatch, results, heartbeats, upkeep). Each holds at most one at a time.
   */
  public static final int CONNECTIONS = 5;

  private final Database db;
  private final Clock clock;
  private final FanOut fanOut;
  private final DeliveryQueue queue;
  private final Dispatcher dispatcher;
  private final ResultWriter writer;
  private final AttemptPruner pruner;
  private final DeliveryMetrics metrics;
  private final Wakeup fanOutWakeup = new Wakeup();
  private final Wakeup dispatchWakeup = new Wakeup();
  private final List<Thread> threads = new ArrayList<>();
  private final ScheduledExecutorService upkeep;
  private final ScheduledExecutorService beats;
  private final Heartbeats heartbeats;
  private final AutoCloseable listener;
  private volatile boolean running = true;
  private volatile boolean writing = true;

  /** {@code db}: the node's background pool, whose connections requests cannot take. */
  public DeliveryEngine(Database db, EventLog events, WebhookDirectory directory,
      PayloadRenderer renderer, WebhookSender sender, Ids ids, ObjectMapper mapper, Clock clock,
      RandomGenerator random, MeterRegistry registry, DeliverySettings settings,
      BotCalls botCalls, BotRecipient bots) {
    this.db = Objects.requireNonNull(db);
    this.clock = Objects.requireNonNull(clock);
    DeliveryRecords records = new DeliveryRecords(ids, mapper);
    EventReader reader = new EventReader(events, db.dialect());
    this.queue = new DeliveryQueue(db, reader, records, this::nodeId);
    this.heartbeats = new Heartbeats(db, queue, clock, settings.nodeTimeout(),
        () -> "node_" + ids.next("n").substring(2 + 10));
    heartbeats.join();
    this.fanOut = new FanOut(db, reader, directory, records, this::nodeId, settings.lease());
    this.metrics = new DeliveryMetrics(registry);
    Isolation isolation = new Isolation(settings.perWebhookInFlight(), settings.breakerFailures(),
        settings.breakerCooldown());
    RetryPolicy policy = new RetryPolicy(settings.retryAfterMax(), random);
    OutcomeStore store = new OutcomeStore(db, records, directory, policy,
        new FailureStreaks(db.dialect(), settings.disableAfter()), new ExhaustedEvents(events, mapper),
        new BotOutcomes(db, records, policy, Objects.requireNonNull(bots), clock), clock);
    this.writer = new ResultWriter(store);
    this.dispatcher = new Dispatcher(queue, db, directory, renderer, sender,
        isolation, writer, dispatchWakeup, clock, settings, metrics, heartbeats::maySend,
        heartbeats::holds, bots);
    this.pruner = new AttemptPruner(db, records, clock, settings.attemptRetention());
    metrics.bindNode(registry, dispatcher::inFlight, () -> isolation.openCircuits(clock.instant()));
    events.onCommit(fanOutWakeup::signal);
    botCalls.onQueued(dispatchWakeup::signal);

    loop("delivery-fanout", () -> running, () -> {
      Instant now = clock.instant();
      FanOut.Round round = fanOut.runOnce(dispatcher.room(now), now);
      if (round.empty()) {
        fanOutWakeup.await(settings.poll().toMillis());
        return;
      }
      dispatcher.send(round, now);
      if (round.queued()) dispatchWakeup.signal();
    });
    loop("delivery-dispatch", () -> running, dispatcher::step);
    loop("delivery-results", () -> writing, () -> {
      if (writer.step(200) > 0) dispatcher.written();
    });
    this.listener = db.listen(FanOut.CHANNEL, payload -> dispatchWakeup.signal());
    this.upkeep = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("delivery-upkeep").factory());
    upkeep.scheduleWithFixedDelay(this::sample, 0, 5, TimeUnit.SECONDS);
    // Beats have a thread of their own: a slow prune or sample must not make the node look dead.
    this.beats = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("node-heartbeat").factory());
    long every = heartbeats.interval().toMillis();
    beats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    upkeep.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
  }

  private interface Step {
    void run() throws InterruptedException;
  }

  /** Wakes the dispatcher now (a manual retry); other nodes are told through the database. */
  public void wake() {
    dispatchWakeup.signal();
  }

  private void loop(String name, java.util.function.BooleanSupplier condition, Step step) {
    Thread t = Thread.ofPlatform().daemon().name(name).start(() -> {
      while (condition.getAsBoolean()) {
        try {
          step.run();
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          if (!condition.getAsBoolean()) return;
          log.error("{} failed; retrying shortly", name, e);
          try {
            Thread.sleep(1000);
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    });
    threads.add(t);
  }

  private String nodeId() {
    return heartbeats.nodeId();
  }

  private void beat() {
    try {
      if (!heartbeats.beat().isEmpty()) dispatchWakeup.signal();
    } catch (RuntimeException e) {
      log.warn("cannot heartbeat; this node stops sending until it can: {}", e.getMessage());
    }
  }

  private void sample() {
    try {
      metrics.sample(queue.depth(), queue.dueNow(clock.instant()));
    } catch (RuntimeException e) {
      log.debug("cannot sample the delivery queue: {}", e.getMessage());
    }
  }

  private void prune() {
    try {
      int n = pruner.prune();
      if (n > 0) log.info("pruned the bodies of {} old attempts", n);
    } catch (RuntimeException e) {
      log.warn("cannot prune attempts: {}", e.getMessage());
    }
  }

  /** Stops claiming, lets requests in flight finish briefly, writes their results, releases the rest. */
  @Override
  public void close() {
    running = false;
    upkeep.shutdownNow();
    beats.shutdownNow();
    Thread fan = threads.get(0);
    Thread dispatch = threads.get(1);
    Thread results = threads.get(2);
    // Wake the loops rather than interrupt them: an interrupt inside an H2 call closes the
    // database file (claims could then not be handed back), and one inside the HTTP client's
    // send failed that attempt.
    fanOutWakeup.signal();
    dispatchWakeup.signal();
    join(fan);
    join(dispatch);
    long deadline = System.currentTimeMillis() + 3000;
    while ((dispatcher.inFlight() > 0 || writer.backlog() > 0) && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        break;
      }
    }
    writing = false;
    writer.stop();
    join(results);
    try {
      listener.close();
      queue.releaseClaims(clock.instant());
      heartbeats.leave();
    } catch (Exception e) {
      log.warn("cannot release delivery claims; they return when the lease ends: {}", e.getMessage());
    }
  }

  private static void join(Thread t) {
    try {
      t.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
