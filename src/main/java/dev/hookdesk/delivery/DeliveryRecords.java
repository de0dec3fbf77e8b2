package dev.hookdesk.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Ids;
import dev.hookdesk.events.Event;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.OutboundRequest;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The one writer of {@code deliveries}, {@code delivery_queue} and {@code delivery_attempts}
 * (STYLE: one owner per table): fan-out, bot calls, claims, outcomes, direct calls, manual
 * retries and pruning all write through here, in the caller's transaction.
 */
final class DeliveryRecords {
  /** Statuses of a delivery still queued: the transition out of them is taken once. */
  private static final String OPEN = "status IN ('pending', 'retrying')";
  private static final String INSERT_ATTEMPT = """
      INSERT INTO delivery_attempts (id, delivery_id, attempt_number, url, started_at,
        duration_ms, outcome, request_headers, request_body, response_status, response_headers,
        response_body, error)
      VALUES (:id, :delivery, :n, :url, :started, :duration, :outcome, :reqHeaders, :reqBody,
        :status, :resHeaders, :resBody, :error)""";

  private final Ids ids;
  private final ObjectMapper mapper;

  DeliveryRecords(Ids ids, ObjectMapper mapper) {
    this.ids = ids;
    this.mapper = mapper;
  }

  String newId() {
    return ids.next("dlv");
  }

  /** New webhook deliveries of one fan-out round, each queued due now or leased to a node. */
  final class FannedOut {
    private final PreparedBatch deliveries;
    private final PreparedBatch queue;

    private FannedOut(Handle h) {
      deliveries = h.prepareBatch("""
          INSERT INTO deliveries (id, workspace_id, webhook_id, event_id, event_type, event_at,
            status, next_attempt_at, created_at)
          VALUES (:id, :ws, :webhook, :event, :type, :eventAt, 'pending', :now, :now)""");
      queue = h.prepareBatch("""
          INSERT INTO delivery_queue (delivery_id, webhook_id, due_at, claimed_until, claimed_by)
          VALUES (:id, :webhook, :due, :until, :node)""");
    }

    /** {@code node} null: queued due {@code now}; else leased to it until {@code until}. */
    void add(String id, String webhookId, Event event, Instant now, String node, Instant until) {
      deliveries.bind("id", id).bind("ws", event.workspaceId()).bind("webhook", webhookId)
          .bind("event", event.id()).bind("type", event.type())
          .bind("eventAt", event.timestamp()).bind("now", now).add();
      queue.bind("id", id).bind("webhook", webhookId).bind("due", node != null ? until : now)
          .bind("until", node != null ? until : null).bind("node", node).add();
    }

    int size() {
      return deliveries.size();
    }

    void execute() {
      if (deliveries.size() == 0) return;
      deliveries.execute();
      queue.execute();
    }
  }

  FannedOut fannedOut(Handle h) {
    return new FannedOut(h);
  }

  /**
   * Queues a call of a bot about a chat event, due now. Its queue row carries the chat and the
   * event's sequence so the bot's calls of one chat go out one at a time, in order.
   */
  void queueBotCall(Handle h, String id, String agentId, String chatId, Event event, Instant now) {
    h.createUpdate("""
        INSERT INTO deliveries (id, workspace_id, agent_id, chat_id, event_id, event_type,
          event_at, status, next_attempt_at, created_at)
        VALUES (:id, :ws, :agent, :chat, :event, :type, :eventAt, 'pending', :now, :now)""")
        .bind("id", id).bind("ws", event.workspaceId()).bind("agent", agentId).bind("chat", chatId)
        .bind("event", event.id()).bind("type", event.type()).bind("eventAt", event.timestamp())
        .bind("now", now).execute();
    h.createUpdate("""
        INSERT INTO delivery_queue (delivery_id, webhook_id, due_at, chat_id, chain_seq)
        VALUES (:id, :agent, :now, :chat, :seq)""")
        .bind("id", id).bind("agent", agentId).bind("now", now).bind("chat", chatId)
        .bind("seq", event.sequence()).execute();
  }

  /** Leases claimed rows to a node: {@code due_at} moves to the end of the lease. */
  void lease(Handle h, List<String> deliveryIds, Instant until, String node) {
    h.createUpdate("UPDATE delivery_queue SET due_at = :until, claimed_until = :until,"
            + " claimed_by = :node WHERE delivery_id IN (<ids>)")
        .bind("until", until).bind("node", node).bindList("ids", deliveryIds).execute();
  }

  /** Makes the rows these nodes hold due now, for any node to claim; returns how many. */
  int release(Handle h, List<String> nodeIds, Instant now) {
    return h.createUpdate("UPDATE delivery_queue SET due_at = :now, claimed_by = NULL,"
            + " claimed_until = NULL WHERE claimed_by IN (<nodes>)")
        .bind("now", now).bindList("nodes", nodeIds).execute();
  }

  /** A queue row after an attempt: due again at {@code due}, or removed when {@code due} is null. */
  record Settle(String deliveryId, String claimedBy, Instant due) {}

  /** Settles each row only while {@code claimedBy} still holds it; says which it held. */
  boolean[] settle(Handle h, List<Settle> rows) {
    PreparedBatch reschedule = h.prepareBatch("""
        UPDATE delivery_queue SET due_at = :due, claimed_by = NULL, claimed_until = NULL,
          manual = FALSE WHERE delivery_id = :id AND claimed_by = :node""");
    PreparedBatch remove = h.prepareBatch(
        "DELETE FROM delivery_queue WHERE delivery_id = :id AND claimed_by = :node");
    int[] index = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Settle s = rows.get(i);
      PreparedBatch b = s.due() != null ? reschedule : remove;
      index[i] = b.size();
      b.bind("id", s.deliveryId()).bind("node", s.claimedBy());
      if (s.due() != null) b.bind("due", s.due());
      b.add();
    }
    int[] rescheduled = reschedule.size() > 0 ? reschedule.execute() : new int[0];
    int[] removed = remove.size() > 0 ? remove.execute() : new int[0];
    boolean[] held = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      held[i] = (rows.get(i).due() != null ? rescheduled : removed)[index[i]] > 0;
    }
    return held;
  }

  /** A delivery's row after an attempt (or a cancel); {@code next} null finishes it. */
  record Progress(String deliveryId, DeliveryStatus status, boolean tried, Instant next,
      Instant lastAttemptAt, Integer code, String error) {}

  /**
   * Moves open deliveries on; a delivery already finished is left alone. Returns, per row,
   * whether this call made the transition (the guard against acting on one answer twice).
   */
  boolean[] progress(Handle h, List<Progress> rows, Instant now) {
    boolean[] moved = new boolean[rows.size()];
    if (rows.isEmpty()) return moved;
    PreparedBatch b = h.prepareBatch("""
        UPDATE deliveries SET status = :status, attempt_count = attempt_count + :tried,
          next_attempt_at = :next, last_attempt_at = COALESCE(:last, last_attempt_at),
          last_response_status = COALESCE(:code, last_response_status),
          last_error = :error, completed_at = :completed
        WHERE id = :id AND""" + " " + OPEN);
    for (Progress p : rows) {
      b.bind("id", p.deliveryId()).bind("status", p.status().key()).bind("tried", p.tried() ? 1 : 0)
          .bind("next", p.next()).bind("last", p.lastAttemptAt()).bind("code", p.code())
          .bind("error", AttemptRows.error(p.error()))
          .bind("completed", p.next() == null ? now : null).add();
    }
    int[] counts = b.execute();
    for (int i = 0; i < counts.length; i++) moved[i] = counts[i] > 0;
    return moved;
  }

  /** One attempt for the log; {@code refused}: recorded without its content (AttemptRows). */
  record AttemptRow(String deliveryId, int number, OutboundRequest request, AttemptResult result,
      Instant startedAt, String error, boolean refused) {}

  void insertAttempts(Handle h, List<AttemptRow> rows) {
    if (rows.isEmpty()) return;
    PreparedBatch insert = h.prepareBatch(INSERT_ATTEMPT);
    for (AttemptRow a : rows) {
      AttemptRows.bind(insert, mapper, ids.next("att"), a.deliveryId(), a.number(), a.request(),
          a.result(), a.startedAt(), a.error(), a.refused()).add();
    }
    insert.execute();
  }

  /** A request sent outside the queue (a decision call): one finished delivery, never queued. */
  void insertFinished(Handle h, DirectDeliveries.Call c, boolean refused) {
    AttemptResult r = c.result();
    Instant end = r == null ? c.startedAt() : c.startedAt().plusMillis(r.durationMillis());
    h.createUpdate("""
        INSERT INTO deliveries (id, workspace_id, webhook_id, event_id, event_type, event_at,
          status, attempt_count, last_attempt_at, last_response_status, last_error, created_at,
          completed_at)
        VALUES (:id, :ws, :webhook, :event, :type, :at, :status, :n, :last, :code, :error,
          :at, :end)""")
        .bind("id", c.deliveryId()).bind("ws", c.workspaceId()).bind("webhook", c.webhookId())
        .bind("event", c.eventId()).bind("type", c.eventType()).bind("at", c.eventAt())
        .bind("status", (c.succeeded() ? DeliveryStatus.SUCCEEDED : DeliveryStatus.FAILED).key())
        .bind("n", r == null ? 0 : 1).bind("last", r == null ? null : c.startedAt())
        .bind("code", r != null && r.status() > 0 ? r.status() : null)
        .bind("error", refused ? AttemptRows.REFUSED : AttemptRows.error(c.note()))
        .bind("end", end).execute();
    if (r != null) {
      insertAttempts(h, List.of(new AttemptRow(c.deliveryId(), 1, c.request(), r, c.startedAt(),
          c.note(), refused)));
    }
  }

  /**
   * A manual retry (SPEC §5): a finished delivery is reopened with one more attempt queued; a
   * queued one not held by a node becomes due now.
   */
  void retryNow(Handle h, String deliveryId, String webhookId, Instant now) {
    if (reopen(h, List.of(deliveryId), webhookId, now) > 0) return;
    h.createUpdate("UPDATE delivery_queue SET due_at = :now WHERE delivery_id = :id"
        + " AND claimed_by IS NULL").bind("now", now).bind("id", deliveryId).execute();
    h.createUpdate("UPDATE deliveries SET next_attempt_at = :now WHERE id = :id AND " + OPEN)
        .bind("now", now).bind("id", deliveryId).execute();
  }

  /** Reopens the finished ones of these deliveries with one manual attempt due now; returns how many. */
  int reopen(Handle h, List<String> deliveryIds, String webhookId, Instant now) {
    List<String> finished = h.createQuery("SELECT id FROM deliveries WHERE id IN (<ids>)"
            + " AND status IN ('succeeded', 'failed', 'exhausted') FOR UPDATE")
        .bindList("ids", deliveryIds).mapTo(String.class).list();
    if (finished.isEmpty()) return 0;
    h.createUpdate("UPDATE deliveries SET status = 'pending', next_attempt_at = :now,"
            + " completed_at = NULL WHERE id IN (<ids>) AND NOT (" + OPEN + ")")
        .bind("now", now).bindList("ids", finished).execute();
    PreparedBatch insert = h.prepareBatch("INSERT INTO delivery_queue (delivery_id, webhook_id,"
        + " due_at, manual) VALUES (:id, :webhook, :now, TRUE)");
    for (String id : finished) insert.bind("id", id).bind("webhook", webhookId).bind("now", now).add();
    insert.execute();
    return finished.size();
  }

  /**
   * Cancels what is still queued for these webhooks in one workspace: the queue rows go and the
   * deliveries finish as failed with the reason. An attempt in flight is still recorded when it
   * ends, but moves nothing on. Returns how many were cancelled.
   */
  int cancel(Handle h, String workspaceId, List<String> webhookIds, String reason, Instant now) {
    if (webhookIds.isEmpty()) return 0;
    List<String> queued = h.createQuery("SELECT q.delivery_id FROM delivery_queue q"
            + " JOIN deliveries d ON d.id = q.delivery_id"
            + " WHERE q.webhook_id IN (<webhooks>) AND d.workspace_id = :ws")
        .bindList("webhooks", webhookIds).bind("ws", workspaceId).mapTo(String.class).list();
    for (int i = 0; i < queued.size(); i += 500) {
      List<String> chunk = queued.subList(i, Math.min(queued.size(), i + 500));
      h.createUpdate("DELETE FROM delivery_queue WHERE delivery_id IN (<ids>)")
          .bindList("ids", chunk).execute();
      h.createUpdate("UPDATE deliveries SET status = 'failed', next_attempt_at = NULL,"
              + " last_error = :reason, completed_at = :now WHERE id IN (<ids>) AND " + OPEN)
          .bind("reason", AttemptRows.error(reason)).bind("now", now).bindList("ids", chunk).execute();
    }
    return queued.size();
  }

  /** Drops the bodies of attempts started before the cutoff; returns how many. */
  int pruneBodies(Handle h, Instant cutoff) {
    return h.createUpdate("""
            UPDATE delivery_attempts SET request_body = NULL, response_body = NULL, pruned = TRUE
            WHERE started_at < :cutoff AND pruned = FALSE""")
        .bind("cutoff", cutoff).execute();
  }
}
