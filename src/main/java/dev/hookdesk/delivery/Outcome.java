package dev.hookdesk.delivery;

import dev.hookdesk.webhooks.Webhook;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.OutboundRequest;
import java.time.Instant;

/**
 * What became of one claimed delivery, for the result writer: an attempt was made, the
 * delivery cannot be sent any more ({@code webhook} disabled or deleted), or it goes back to
 * the queue untried ({@code deferUntil}, when isolation refused it after the claim).
 * {@code webhook} is null for a bot call.
 */
record Outcome(Claimed claimed, Webhook webhook, OutboundRequest request, AttemptResult result,
    Instant startedAt, String cancelReason, Instant deferUntil) {

  static Outcome attempted(Claimed c, Webhook w, OutboundRequest req, AttemptResult r, Instant startedAt) {
    return new Outcome(c, w, req, r, startedAt, null, null);
  }

  static Outcome cancelled(Claimed c, String reason) {
    return new Outcome(c, null, null, null, null, reason, null);
  }

  static Outcome deferred(Claimed c, Instant until) {
    return new Outcome(c, null, null, null, null, null, until);
  }

  boolean isAttempt() {
    return result != null;
  }
}
