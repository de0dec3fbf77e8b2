package dev.hookdesk.delivery;

import dev.hookdesk.events.Event;
import java.time.Instant;

/**
 * A delivery this node holds the lease on, with what it needs to send it. The event is
 * parsed once per claim batch and shared by its deliveries to every webhook.
 */
record Claimed(String deliveryId, String webhookId, String workspaceId, Event event,
    int attemptNumber, boolean manual) {

  String eventId() {
    return event.id();
  }

  Instant eventAt() {
    return event.timestamp();
  }
}
