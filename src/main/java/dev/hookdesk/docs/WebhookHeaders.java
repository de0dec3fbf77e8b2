package dev.hookdesk.docs;

import java.util.List;

/** The headers on every webhook request (Standard Webhooks, then Hookdesk's own). */
record WebhookHeaders(String name, String description) {
  static final List<WebhookHeaders> ALL = List.of(
      new WebhookHeaders("webhook-id", "The event id (evt_...): the same on every retry, for deduplication"),
      new WebhookHeaders("webhook-timestamp", "Unix seconds when this attempt was signed"),
      new WebhookHeaders("webhook-signature", "Space-separated v1,<base64 HMAC-SHA256 of id.timestamp.body>"),
      new WebhookHeaders("hookdesk-event-type", "The event type, e.g. ticket.created"),
      new WebhookHeaders("hookdesk-delivery-id", "The delivery (dlv_...) in the delivery log"),
      new WebhookHeaders("hookdesk-attempt", "1 for the first attempt, 2 for the first retry, ..."));
}
