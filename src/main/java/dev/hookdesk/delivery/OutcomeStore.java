package dev.hookdesk.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Ids;
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
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes a batch of outcomes in one transaction: the attempt log, the queue (rescheduled or
 * removed), the delivery rows, and what follows from them — {@code delivery.exhausted},
 * disabling on 410, the failure streak. A row whose lease another node has since taken keeps
 * its attempt record but is otherwise left to that node.
 */
final class OutcomeStore {
  private final Database db;
  private final WebhookDirectory directory;
  private final RetryPolicy policy;
  private final FailureStreaks streaks;
  private final ExhaustedEvents exhausted;
  private final Ids ids;
  private final ObjectMapper mapper;
  private final Clock clock;

  OutcomeStore(Database db, WebhookDirectory directory, RetryPolicy policy, FailureStreaks streaks,
      ExhaustedEvents exhausted, Ids ids, ObjectMapper mapper, Clock clock) {
    this.db = db;
    this.directory = directory;
    this.policy = policy;
    this.streaks = streaks;
    this.exhausted = exhausted;
    this.ids = ids;
    this.mapper = mapper;
    this.clock = clock;
  }

  private record Step(Outcome outcome, Decision decision) {}

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
    Instant now = clock.instant();
    List<Step> steps = new ArrayList<>();
    for (Outcome o : batch) steps.add(new Step(o, decide(o, now)));
    db.inTransaction(h -> {
      boolean[] held = updateQueue(h, steps, now);
      insertAttempts(h, steps, refused);
      PreparedBatch rows = h.prepareBatch("""
          UPDATE deliveries SET status = :status, attempt_count = attempt_count + :tried,
            next_attempt_at = :next, last_attempt_at = COALESCE(:last, last_attempt_at),
            last_response_status = COALESCE(:code, last_response_status),
            last_error = :error, completed_at = :completed
          WHERE id = :id""");
      Map<String, Outcome> lastAttemptPerWebhook = new LinkedHashMap<>();
      Map<String, String> disable = new LinkedHashMap<>();
      for (int i = 0; i < steps.size(); i++) {
        Step s = steps.get(i);
        Outcome o = s.outcome();
        if (o.isAttempt()) lastAttemptPerWebhook.put(o.webhook().id(), o);
        if (!held[i] || s.decision() == null) continue;
        AttemptResult r = o.result();
        rows.bind("id", o.claimed().deliveryId()).bind("status", s.decision().status().key())
            .bind("tried", o.isAttempt() ? 1 : 0).bind("next", s.decision().nextAttemptAt())
            .bind("last", o.isAttempt() ? o.startedAt() : null)
            .bind("code", r != null && r.status() > 0 ? r.status() : null)
            .bind("error", refused ? AttemptRows.REFUSED
                : AttemptRows.error(r != null ? errorOf(r) : o.cancelReason()))
            .bind("completed", s.decision().nextAttemptAt() == null ? now : null).add();
        if (s.decision().status() == DeliveryStatus.EXHAUSTED) exhausted.append(h, o);
        if (s.decision().disableReason() != null) disable.put(o.webhook().id(), s.decision().disableReason());
      }
      if (rows.size() > 0) rows.execute();
      disable.putAll(streaks.record(h, lastAttemptPerWebhook.values(), now));
      disable.forEach((id, reason) -> disableIfEnabled(h, id, reason));
      return null;
    });
  }

  private Decision decide(Outcome o, Instant now) {
    if (o.deferUntil() != null) return null;
    if (!o.isAttempt()) return Decision.done(DeliveryStatus.FAILED);
    Webhook w = o.webhook();
    return policy.decide(w.retrySchedule(), o.claimed().attemptNumber(), o.claimed().manual(),
        o.result(), now);
  }

  /** Reschedules or removes each queue row this node still holds; says which it held. */
  private boolean[] updateQueue(Handle h, List<Step> steps, Instant now) {
    PreparedBatch reschedule = h.prepareBatch("""
        UPDATE delivery_queue SET due_at = :due, claimed_by = NULL, claimed_until = NULL,
          manual = FALSE WHERE delivery_id = :id AND claimed_by = :node""");
    PreparedBatch remove = h.prepareBatch(
        "DELETE FROM delivery_queue WHERE delivery_id = :id AND claimed_by = :node");
    List<Integer> rescheduled = new ArrayList<>();
    List<Integer> removed = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String id = s.outcome().claimed().deliveryId();
      Instant due = s.decision() == null ? s.outcome().deferUntil() : s.decision().nextAttemptAt();
      if (due != null) {
        reschedule.bind("id", id).bind("due", due).bind("node", s.outcome().claimed().claimedBy()).add();
        rescheduled.add(i);
      } else {
        remove.bind("id", id).bind("node", s.outcome().claimed().claimedBy()).add();
        removed.add(i);
      }
    }
    boolean[] held = new boolean[steps.size()];
    if (!rescheduled.isEmpty()) mark(held, rescheduled, reschedule.execute());
    if (!removed.isEmpty()) mark(held, removed, remove.execute());
    return held;
  }

  private static void mark(boolean[] held, List<Integer> indexes, int[] counts) {
    for (int j = 0; j < indexes.size(); j++) held[indexes.get(j)] = counts[j] > 0;
  }

  private void insertAttempts(Handle h, List<Step> steps, boolean refused) {
    PreparedBatch insert = h.prepareBatch(AttemptRows.INSERT);
    for (Step s : steps) {
      Outcome o = s.outcome();
      if (!o.isAttempt()) continue;
      AttemptRows.bind(insert, mapper, ids.next("att"), o.claimed().deliveryId(),
          o.claimed().attemptNumber(), o.request(), o.result(), o.startedAt(), errorOf(o.result()),
          refused).add();
    }
    if (insert.size() > 0) insert.execute();
  }

  private void disableIfEnabled(Handle h, String webhookId, String reason) {
    if (directory.find(h, webhookId).map(w -> w.enabled() && !w.deleted()).orElse(false)) {
      directory.disable(h, webhookId, reason);
    }
  }

  private static String errorOf(AttemptResult r) {
    if (r.error() != null) return r.error();
    if (r.success()) return null;
    if (r.status() >= 300 && r.status() < 400) return "redirect (" + r.status() + ") not followed";
    return "HTTP " + r.status();
  }
}
