package dev.hookdesk.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Ids;
import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.OutboundRequest;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records requests sent outside the queue (decision calls, SPEC §6) in the delivery log:
 * one finished delivery with its single attempt, never retried. They show up in
 * {@code GET /webhooks/{id}/deliveries} and {@code GET /deliveries/{id}} like any other.
 */
public final class DirectDeliveries {
  private static final Logger log = LoggerFactory.getLogger(DirectDeliveries.class);
  private final Database db;
  private final Ids ids;
  private final ObjectMapper mapper;

  public DirectDeliveries(Database db, Ids ids, ObjectMapper mapper) {
    this.db = Objects.requireNonNull(db);
    this.ids = Objects.requireNonNull(ids);
    this.mapper = Objects.requireNonNull(mapper);
  }

  /** What was sent and how it ended; {@code result} null when the call was skipped. */
  public record Call(String deliveryId, String workspaceId, String webhookId, String eventId,
      String eventType, Instant eventAt, OutboundRequest request, AttemptResult result,
      Instant startedAt, boolean succeeded, String note) {}

  /**
   * {@code note}: why the call did not count as a success (it becomes the delivery's last error).
   * When the database refuses what the call carried, it is recorded with a note instead.
   */
  public void record(Call c) {
    try {
      write(c, false);
    } catch (RuntimeException e) {
      if (Refusal.of(e).isEmpty()) throw e;
      log.warn("the database refused the record of call {}; recording it without its content: {}",
          c.deliveryId(), e.getMessage());
      write(c, true);
    }
  }

  private void write(Call c, boolean refused) {
    Instant end = c.result() == null ? c.startedAt() : c.startedAt().plusMillis(c.result().durationMillis());
    db.inTransaction(h -> {
      AttemptResult r = c.result();
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
      if (r == null) return null;
      AttemptRows.bind(h.createUpdate(AttemptRows.INSERT), mapper, ids.next("att"), c.deliveryId(), 1,
          c.request(), r, c.startedAt(), c.note(), refused).execute();
      return null;
    });
  }
}
