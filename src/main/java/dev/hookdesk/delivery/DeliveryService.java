package dev.hookdesk.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Principal;
import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.Owner;
import dev.hookdesk.webhooks.Webhook;
import dev.hookdesk.webhooks.WebhookDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The delivery log API: read it, retry one delivery, recover a webhook's failures in a window. */
public final class DeliveryService {
  private final Database db;
  private final WebhookDirectory directory;
  private final DeliveryLog log;
  private final DeliveryRecords records;
  private final Clock clock;
  private final Runnable wake;

  public DeliveryService(Database db, WebhookDirectory directory, ObjectMapper mapper, Clock clock,
      Runnable wake) {
    this.db = Objects.requireNonNull(db);
    this.directory = Objects.requireNonNull(directory);
    this.log = new DeliveryLog(db, mapper);
    this.clock = Objects.requireNonNull(clock);
    this.records = new DeliveryRecords(new Ids(clock), mapper);
    this.wake = Objects.requireNonNull(wake);
  }

  public Page.Result<Delivery> list(Principal p, String webhookId, Optional<String> status,
      Optional<String> eventType, Page page) {
    webhook(p, webhookId);
    return log.list(webhookId, status, eventType, page);
  }

  public Delivery get(Principal p, String id) {
    Delivery d = log.getWithAttempts(p.workspaceId(), id);
    // A bot call belongs to no webhook: only the workspace's admins see it.
    if (d.agentId() != null && p.appId().isPresent()) throw new NotFound("Delivery", id);
    if (d.agentId() == null) visible(p, d);
    return d;
  }

  /** Sends the delivery again now: the next scheduled attempt if it is queued, else one more attempt. */
  public Delivery retry(Principal p, String id) {
    Delivery d = log.find(p.workspaceId(), id).orElseThrow(() -> new NotFound("Delivery", id));
    Webhook w = visible(p, d);
    requireSendable(w);
    Instant now = clock.instant();
    db.inTransaction(h -> {
      records.retryNow(h, id, w.id(), now);
      db.dialect().notify(h, FanOut.CHANNEL);
      return null;
    });
    wake.run();
    return log.find(p.workspaceId(), id).orElseThrow();
  }

  /** Queues one more attempt for every failed or exhausted delivery created in [since, until). */
  public int recover(Principal p, String webhookId, Instant since, Optional<Instant> untilOrNow) {
    Webhook w = webhook(p, webhookId);
    requireSendable(w);
    Instant now = clock.instant();
    Instant until = untilOrNow.orElse(now);
    int n = db.inTransaction(h -> {
      List<String> ids = h.createQuery("SELECT id FROM deliveries WHERE webhook_id = :webhook"
              + " AND status IN ('failed', 'exhausted') AND created_at >= :since AND created_at < :until"
              + " FOR UPDATE")
          .bind("webhook", webhookId).bind("since", since).bind("until", until)
          .mapTo(String.class).list();
      for (int i = 0; i < ids.size(); i += 500) {
        records.reopen(h, ids.subList(i, Math.min(ids.size(), i + 500)), w.id(), now);
      }
      if (!ids.isEmpty()) db.dialect().notify(h, FanOut.CHANNEL);
      return ids.size();
    });
    wake.run();
    return n;
  }

  /**
   * Stops what is queued for these webhooks in one workspace (an app uninstalled there, or its
   * webhooks switched off), in the caller's transaction; deliveries already sent stay in the log.
   */
  public int cancelQueued(org.jdbi.v3.core.Handle h, String workspaceId, List<String> webhookIds,
      String reason) {
    return records.cancel(h, workspaceId, webhookIds, reason, clock.instant());
  }

  private static void requireSendable(Webhook w) {
    if (w.deleted()) throw new Conflict("Webhook " + w.id() + " is deleted; restore it first");
    if (!w.enabled()) throw new Conflict("Webhook " + w.id() + " is disabled; enable it first");
  }

  private Webhook visible(Principal p, Delivery d) {
    if (d.agentId() != null) {
      if (p.appId().isPresent()) throw new NotFound("Delivery", d.id());
      throw new Conflict("Delivery " + d.id() + " is a bot call; the engine retries bot calls itself");
    }
    return db.read(h -> directory.find(h, d.webhookId())).filter(Owner.of(p)::sees)
        .orElseThrow(() -> new NotFound("Delivery", d.id()));
  }

  private Webhook webhook(Principal p, String webhookId) {
    return db.read(h -> directory.find(h, webhookId)).filter(Owner.of(p)::sees)
        .orElseThrow(() -> new NotFound("Webhook", webhookId));
  }
}
