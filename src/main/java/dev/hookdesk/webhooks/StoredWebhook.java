package dev.hookdesk.webhooks;

import java.time.Instant;
import java.util.Objects;

/**
 * A webhooks row: the webhook, its sealed secrets and bookkeeping.
 *
 * @param sealedSecret the current secret, encrypted by {@link SecretBox}
 * @param sealedPrevious the secret before the last rotation, signing until {@code previousUntil}
 * @param deletedBy who deleted it ({@code <actor id> via <door>}), null unless deleted
 */
record StoredWebhook(Webhook webhook, String sealedSecret, String sealedPrevious,
    Instant previousUntil, String disabledReason, Instant updatedAt, String deletedBy) {
  StoredWebhook {
    Objects.requireNonNull(webhook);
    Objects.requireNonNull(sealedSecret);
  }

  @Override
  public String toString() {
    return "StoredWebhook[" + webhook.id() + "]";
  }
}
