package dev.hookdesk.delivery;

import dev.hookdesk.events.Event;
import java.time.Instant;

/**
 * A delivery this node holds the lease on, with what it needs to send it. The event is
 * parsed once per claim batch and shared by its deliveries to every webhook.
 *
 * @param target the webhook, or for a bot call the bot agent: the key receivers are isolated by
 * @param chatId the chat of a bot call; null for a webhook delivery
 * @param claimedBy the node id the claim was made under: its result is written only while the
 *     queue row still names it (a node declared dead since has lost the row)
 */
record Claimed(String deliveryId, String target, String chatId, String workspaceId, Event event,
    int attemptNumber, boolean manual, String claimedBy) {

  static Claimed webhook(String deliveryId, String webhookId, String workspaceId, Event event,
      int attemptNumber, boolean manual, String claimedBy) {
    return new Claimed(deliveryId, webhookId, null, workspaceId, event, attemptNumber, manual, claimedBy);
  }

  boolean isBotCall() {
    return chatId != null;
  }

  BotCall botCall() {
    return new BotCall(deliveryId, workspaceId, target, chatId, event);
  }

  String eventId() {
    return event.id();
  }

  Instant eventAt() {
    return event.timestamp();
  }
}
