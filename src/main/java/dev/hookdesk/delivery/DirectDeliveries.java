package dev.hookdesk.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.Json;
import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.OutboundRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Records requests sent outside the queue (decision calls, SPEC §6) in the delivery log:
 * one finished delivery with its single attempt, never retried. They show up in
 * {@code GET /webhooks/{id}/deliveries} and {@code GET /deliveries/{id}} like any other.
 */
public final class DirectDeliveries {
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

  /** {@code note}: why the call did not count as a success (it becomes the delivery's last error). */
  public void record(Call c) {
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
          .bind("error", clip(c.note())).bind("end", end).execute();
      if (r == null) return null;
      h.createUpdate("""
          INSERT INTO delivery_attempts (id, delivery_id, attempt_number, url, started_at,
            duration_ms, outcome, request_headers, request_body, response_status,
            response_headers, response_body, error)
          VALUES (:id, :delivery, 1, :url, :started, :duration, :outcome, :reqHeaders, :reqBody,
            :status, :resHeaders, :resBody, :error)""")
          .bind("id", ids.next("att")).bind("delivery", c.deliveryId())
          .bind("url", c.request().url()).bind("started", c.startedAt())
          .bind("duration", r.durationMillis()).bind("outcome", AttemptOutcome.of(r))
          .bind("reqHeaders", Json.write(mapper, c.request().headers()))
          .bind("reqBody", new String(c.request().body(), StandardCharsets.UTF_8))
          .bind("status", r.status() > 0 ? r.status() : null)
          .bind("resHeaders", Json.write(mapper, r.responseHeaders() == null ? Map.of() : r.responseHeaders()))
          .bind("resBody", r.responseBody()).bind("error", clip(c.note())).execute();
      return null;
    });
  }

  private static String clip(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 500);
  }
}
