package dev.hookdesk.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.Json;
import dev.hookdesk.events.EventDraft;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.webhooks.send.AttemptResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Emits {@code delivery.exhausted} in the transaction that marks the delivery exhausted. */
final class ExhaustedEvents {
  static final String TYPE = "delivery.exhausted";

  private final EventLog events;
  private final ObjectMapper mapper;

  ExhaustedEvents(EventLog events, ObjectMapper mapper) {
    this.events = events;
    this.mapper = mapper;
  }

  void append(Handle h, Outcome o) {
    Claimed c = o.claimed();
    String eventType = c.event().type();
    // Announcing the exhaustion of an announcement could go on forever.
    if (eventType.equals(TYPE)) return;
    AttemptResult r = o.result();
    ObjectNode data = mapper.createObjectNode()
        .put("webhook_id", o.webhook().id())
        .put("delivery_id", c.deliveryId())
        .put("event_id", c.eventId())
        .put("event_type", eventType)
        .put("attempts", c.attemptNumber());
    if (r.error() == null && r.status() > 0) data.put("last_status", r.status());
    else data.putNull("last_status");
    data.put("last_error", r.error() != null ? r.error() : "HTTP " + r.status());
    data.put("first_attempt_at", Json.time(firstAttempt(h, c.deliveryId()).orElse(o.startedAt())));
    data.put("last_attempt_at", Json.time(o.startedAt()));
    events.append(h, new EventDraft(c.workspaceId(), TYPE, Actor.system(), data));
  }

  // The attempt just made is already inserted in this transaction.
  private static Optional<Instant> firstAttempt(Handle h, String deliveryId) {
    return h.createQuery("SELECT MIN(started_at) AS first FROM delivery_attempts WHERE delivery_id = :id")
        .bind("id", deliveryId)
        .map((rs, ctx) -> Optional.ofNullable(rs.getObject("first", OffsetDateTime.class)))
        .one().map(OffsetDateTime::toInstant);
  }
}
