package dev.hookdesk.delivery;

import dev.hookdesk.events.Event;
import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.PayloadRenderer;
import dev.hookdesk.webhooks.SignedRequest;
import dev.hookdesk.webhooks.Webhook;
import dev.hookdesk.webhooks.WebhookDirectory;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.OutboundRequest;
import dev.hookdesk.webhooks.send.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due deliveries while the node has room and sends them without waiting: the sender
 * is asynchronous, so a hanging endpoint costs a slot of its own cap, never a thread.
 */
final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final DeliveryQueue queue;
  private final Database db;
  private final WebhookDirectory directory;
  private final PayloadRenderer renderer;
  private final WebhookSender sender;
  private final Isolation isolation;
  private final ResultWriter writer;
  private final Wakeup wakeup;
  private final Clock clock;
  private final DeliverySettings settings;
  private final DeliveryMetrics metrics;
  private final BooleanSupplier maySend;
  private final Predicate<String> holds;
  private final BotRecipient bots;
  private final AtomicInteger inFlight = new AtomicInteger();
  /** Due rows may be waiting for room; a finished send then wakes the claim loop. */
  private volatile boolean waiting;

  Dispatcher(DeliveryQueue queue, Database db, WebhookDirectory directory,
      PayloadRenderer renderer, WebhookSender sender, Isolation isolation,
      ResultWriter writer, Wakeup wakeup, Clock clock, DeliverySettings settings,
      DeliveryMetrics metrics, BooleanSupplier maySend, Predicate<String> holds,
      BotRecipient bots) {
    this.queue = queue;
    this.db = db;
    this.directory = directory;
    this.renderer = renderer;
    this.sender = sender;
    this.isolation = isolation;
    this.writer = writer;
    this.wakeup = wakeup;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.maySend = maySend;
    this.holds = holds;
    this.bots = bots;
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Room for the sends a fan-out round leases to this node directly. */
  Room room(Instant now) {
    return new Room(free(), isolation, now);
  }

  /**
   * Sends in flight and outcomes not yet written both hold a request in memory: when the
   * database writes results slower than receivers answer, claiming stops instead of the
   * heap filling up (a backlog of a million would otherwise pile into the writer's queue).
   */
  private int free() {
    return settings.maxInFlight() - inFlight.get() - writer.backlog();
  }

  /** The result writer made room. */
  void written() {
    if (waiting) wakeup.signal();
  }

  /** One round: claim what fits and send it; waits when there is nothing to do. */
  void step() throws InterruptedException {
    if (!maySend.getAsBoolean()) {
      wakeup.await(settings.poll().toMillis());
      return;
    }
    int free = free();
    if (free <= 0) {
      waiting = true;
      wakeup.await(settings.poll().toMillis());
      return;
    }
    Instant now = clock.instant();
    int ask = Math.min(free, settings.claimBatch());
    Set<String> excluded = isolation.excluded(now);
    List<Claimed> claimed = queue.claim(now, ask, excluded, settings.lease());
    // Rows left behind for capacity or isolation need another claim when a send finishes.
    waiting = claimed.size() == ask || !excluded.isEmpty();
    if (!claimed.isEmpty()) send(claimed, now);
    if (claimed.size() < ask) wakeup.await(idleMillis(now));
  }

  private long idleMillis(Instant now) {
    long poll = settings.poll().toMillis();
    Optional<Instant> due = queue.nextDue();
    if (due.isEmpty() || !due.get().isAfter(now)) return poll;
    return Math.min(poll, Duration.between(now, due.get()).toMillis() + 1);
  }

  /** Sends deliveries a fan-out round leased to this node, with the webhooks and secrets it read. */
  void send(FanOut.Round round, Instant now) {
    Map<String, Optional<Webhook>> webhooks = new HashMap<>();
    round.webhooks().forEach((id, w) -> webhooks.put(id, Optional.of(w)));
    send(round.leased(), webhooks, round.secrets(), now);
  }

  /** Sends claimed deliveries, looking up their webhooks (disabled or deleted since?) and secrets. */
  private void send(List<Claimed> claimed, Instant now) {
    List<Claimed> toWebhooks = claimed.stream().filter(c -> !c.isBotCall()).toList();
    if (toWebhooks.size() < claimed.size()) {
      for (Claimed c : claimed) if (c.isBotCall()) call(c, now);
    }
    if (toWebhooks.isEmpty()) return;
    Map<String, Optional<Webhook>> webhooks = new HashMap<>();
    Map<String, List<byte[]>> secrets = db.read(h -> {
      for (Claimed c : toWebhooks) webhooks.computeIfAbsent(c.target(), id -> directory.find(h, id));
      return directory.signingSecrets(h, webhooks.keySet(), now);
    });
    send(toWebhooks, webhooks, secrets, now);
  }

  /** Sends a bot call: the bots feature signs it; a bot that left the chat is not called. */
  private void call(Claimed c, Instant now) {
    if (!holds.test(c.claimedBy())) return; // fenced, as below: the row stays queued
    if (!isolation.tryAcquire(c.target(), now)) {
      Instant open = isolation.openUntil(c.target());
      writer.offer(Outcome.deferred(c, open != null && open.isAfter(now) ? open : now));
      return;
    }
    Optional<OutboundRequest> request;
    try {
      request = db.inTransaction(h -> bots.request(h, c.botCall(), c.attemptNumber(), now));
    } catch (RuntimeException e) {
      isolation.release(c.target(), true, now);
      log.error("cannot prepare bot call {}", c.deliveryId(), e);
      writer.offer(Outcome.cancelled(c, "could not be prepared: " + e.getMessage()));
      return;
    }
    if (request.isEmpty()) {
      isolation.release(c.target(), true, now);
      writer.offer(Outcome.cancelled(c, "the bot is no longer in the chat"));
      return;
    }
    start(c, null, request.get());
  }

  private void send(List<Claimed> claimed, Map<String, Optional<Webhook>> webhooks,
      Map<String, List<byte[]>> secrets, Instant now) {
    if (!claimed.isEmpty() && !holds.test(claimed.get(0).claimedBy())) {
      // Fenced (Heartbeats): these claims may already be another node's; their rows stay queued.
      log.warn("not sending {} claimed deliveries: this node missed its heartbeats", claimed.size());
      return;
    }
    // The body depends only on the event and whether the webhook is private (PayloadRenderer).
    Map<String, byte[]> bodies = new HashMap<>();
    for (Claimed c : claimed) {
      Webhook w = webhooks.get(c.target()).orElse(null);
      if (w == null || w.deleted()) {
        writer.offer(Outcome.cancelled(c, "the webhook was deleted"));
      } else if (!w.enabled()) {
        writer.offer(Outcome.cancelled(c, "the webhook is disabled"));
      } else if (!isolation.tryAcquire(w.id(), now)) {
        Instant open = isolation.openUntil(w.id());
        writer.offer(Outcome.deferred(c, open != null && open.isAfter(now) ? open : now));
      } else {
        try {
          Event event = c.event();
          byte[] body = bodies.computeIfAbsent(event.id() + (w.privatePayload() ? "/p" : "/r"),
              k -> renderer.render(event, w));
          List<byte[]> keys = secrets.getOrDefault(w.id(), List.of());
          start(c, w, SignedRequest.of(w, c.eventId(), event.type(), c.deliveryId(),
              c.attemptNumber(), body, keys, now));
        } catch (RuntimeException e) {
          isolation.release(w.id(), true, now);
          log.error("cannot prepare delivery {}", c.deliveryId(), e);
          writer.offer(Outcome.cancelled(c, "could not be prepared: " + e.getMessage()));
        }
      }
    }
  }

  /** {@code w}: the webhook, null for a bot call. */
  private void start(Claimed c, Webhook w, OutboundRequest request) {
    inFlight.incrementAndGet();
    Instant started = clock.instant();
    // Fenced again as the request leaves: it may have waited in the client's queue meanwhile.
    sender.send(request, () -> holds.test(c.claimedBy())).whenComplete((r, t) -> {
      AttemptResult result = r != null ? r : new AttemptResult(0, Map.of(), null,
          Duration.between(started, clock.instant()).toMillis(), String.valueOf(t), Optional.empty());
      Instant end = clock.instant();
      if (WebhookSender.WITHDRAWN.equals(result.error())) {
        // never sent: no attempt to record, and the row is another node's now
        isolation.abandon(c.target());
      } else {
        isolation.release(c.target(), result.success(), end);
        metrics.attempted(result, c.eventAt(), end);
        writer.offer(Outcome.attempted(c, w, request, result, started));
      }
      inFlight.decrementAndGet();
      if (waiting) wakeup.signal();
    });
  }
}
