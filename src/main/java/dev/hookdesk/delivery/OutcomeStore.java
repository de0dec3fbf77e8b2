package dev.hookdesk.delivery;

import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.Webhook;
import dev.hookdesk.webhooks.WebhookDirectory;
import dev.hookdesk.webhooks.send.AttemptResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Writes a batch of outcomes in one transaction: the attempt log, the queue (rescheduled or
 * removed), the delivery rows, and what follows from them — {@code delivery.exhausted},
 * disabling on 410, the failure streak. A row whose lease another node has since taken keeps
 * its attempt record but is otherwise left to that node.
 */
final class OutcomeStore {
  private final Database db;
  private final DeliveryRecords records;
  private final WebhookDirectory directory;
  private final RetryPolicy policy;
  private final FailureStreaks streaks;
  private final ExhaustedEvents exhausted;
  private final BotOutcomes bots;
  private final Clock clock;

  OutcomeStore(Database db, DeliveryRecords records, WebhookDirectory directory, RetryPolicy policy,
      FailureStreaks streaks, ExhaustedEvents exhausted, BotOutcomes bots, Clock clock) {
    this.db = db;
    this.records = records;
    this.directory = directory;
    this.policy = policy;
    this.streaks = streaks;
    this.exhausted = exhausted;
    this.bots = bots;
    this.clock = clock;
  }

  private record Step(Outcome outcome, Decision decision) {}

  /** Bot calls are written alone, each in a transaction of its own (BotOutcomes). */
  void write(List<Outcome> batch) {
    write(batch, false);
  }

  /**
   * Writes one outcome whose content the database refused: the queue and the delivery move on
   * as decided, the attempt is recorded with a note in place of what it carried.
   */
  void writeRefused(Outcome outcome) {
    write(List.of(outcome), true);
  }

  private void write(List<Outcome> batch, boolean refused) {
    if (batch.size() == 1 && batch.get(0).claimed().isBotCall()) {
      bots.write(batch.get(0), refused);
      return;
    }
    Instant now = clock.instant();
    List<Step> steps = new ArrayList<>();
    for (Outcome o : batch) steps.add(new Step(o, decide(o, now)));
    db.inTransaction(h -> {
      List<DeliveryRecords.Settle> settle = new ArrayList<>();
      List<DeliveryRecords.AttemptRow> attempts = new ArrayList<>();
      for (Step s : steps) {
        Outcome o = s.outcome();
        Claimed c = o.claimed();
        settle.add(new DeliveryRecords.Settle(c.deliveryId(), c.claimedBy(),
            s.decision() == null ? o.deferUntil() : s.decision().nextAttemptAt()));
        if (o.isAttempt()) {
          attempts.add(new DeliveryRecords.AttemptRow(c.deliveryId(), c.attemptNumber(),
              o.request(), o.result(), o.startedAt(), AttemptRows.errorOf(o.result()), refused));
        }
      }
      boolean[] held = records.settle(h, settle);
      records.insertAttempts(h, attempts);
      List<DeliveryRecords.Progress> rows = new ArrayList<>();
      Map<String, Outcome> lastAttemptPerWebhook = new LinkedHashMap<>();
      Map<String, String> disable = new LinkedHashMap<>();
      for (int i = 0; i < steps.size(); i++) {
        Step s = steps.get(i);
        Outcome o = s.outcome();
        if (o.isAttempt()) lastAttemptPerWebhook.put(o.webhook().id(), o);
        if (!held[i] || s.decision() == null) continue;
        rows.add(progress(o, s.decision(), refused));
        if (s.decision().status() == DeliveryStatus.EXHAUSTED) exhausted.append(h, o);
        if (s.decision().disableReason() != null) disable.put(o.webhook().id(), s.decision().disableReason());
      }
      records.progress(h, rows, now);
      disable.putAll(streaks.record(h, lastAttemptPerWebhook.values(), now));
      disable.forEach((id, reason) -> disableIfEnabled(directory, h, id, reason));
      return null;
    });
  }

  /** The delivery row's next state after this outcome. */
  static DeliveryRecords.Progress progress(Outcome o, Decision d, boolean refused) {
    AttemptResult r = o.result();
    return new DeliveryRecords.Progress(o.claimed().deliveryId(), d.status(), o.isAttempt(),
        d.nextAttemptAt(), o.isAttempt() ? o.startedAt() : null,
        r != null && r.status() > 0 ? r.status() : null,
        refused ? AttemptRows.REFUSED : r != null ? AttemptRows.errorOf(r) : o.cancelReason());
  }

  private Decision decide(Outcome o, Instant now) {
    if (o.deferUntil() != null) return null;
    if (!o.isAttempt()) return Decision.done(DeliveryStatus.FAILED);
    Webhook w = o.webhook();
    return policy.decide(w.retrySchedule(), o.claimed().attemptNumber(), o.claimed().manual(),
        o.result(), now);
  }

  /** Disables the webhook once: a webhook already disabled or deleted is left as it is. */
  static void disableIfEnabled(WebhookDirectory directory, Handle h, String webhookId, String reason) {
    if (directory.find(h, webhookId).map(w -> w.enabled() && !w.deleted()).orElse(false)) {
      directory.disable(h, webhookId, reason);
    }
  }
}
