package dev.hookdesk.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Json;
import dev.hookdesk.events.Actor;
import dev.hookdesk.events.EventDraft;
import dev.hookdesk.events.EventLog;
import java.time.Instant;
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

  void append(Handle h, Outcome o, Instant now) {
    Claimed c = o.claimed();
    String eventType = eventType(h, c.eventId());
    // Announcing the exhaustion of an announcement could go on forever.
    if (eventType.equals(TYPE)) return;
    ObjectNode delivery = mapper.createObjectNode()
        .put("id", c.deliveryId())
        .put("webhook_id", o.webhook().id())
        .put("event_id", c.eventId())
        .put("event_type", eventType)
        .put("status", DeliveryStatus.EXHAUSTED.key())
        .put("attempt_count", c.attemptNumber())
        .put("last_attempt_at", Json.time(o.startedAt()))
        .put("completed_at", Json.time(now));
    if (o.result().status() > 0) delivery.put("last_response_status", o.result().status());
    else delivery.putNull("last_response_status");
    ObjectNode webhook = mapper.createObjectNode().put("id", o.webhook().id()).put("url", o.webhook().url());
    ObjectNode data = mapper.createObjectNode();
    data.set("delivery", delivery);
    data.set("webhook", webhook);
    events.append(h, new EventDraft(c.workspaceId(), TYPE, Actor.system(), data));
  }

  private static String eventType(Handle h, String eventId) {
    return h.createQuery("SELECT type FROM events WHERE id = :id").bind("id", eventId)
        .mapTo(String.class).one();
  }
}
