package dev.hookdesk.webhooks;

import dev.hookdesk.events.Event;

/** The HTTP body a webhook receives for an event: the envelope, redacted unless private. */
public interface PayloadRenderer {
  byte[] render(Event event, Webhook webhook);
}
