package dev.hookdesk.webhooks;

import java.time.Instant;
import java.util.Objects;

/**
 * A webhooks row: the webhook, its sealed secrets and bookkeeping.
 *
 * @param sealedSecret the current secret, encrypted by {@link SecretBox}
 * @param sealedPrevious the secret before the last rotation, signing until {@code previousUntil}
 */
record StoredWebhook(Webhook webhook, String sealedSecret, String sealedPrevious,
    Instant previousUntil, String disabledReason, Instant updatedAt) {
  StoredWebhook {
    Objects.requireNonNull(webhook);
    Objects.requireNonNull(sealedSecret);
  }

  @Override
  public String toString() {
    return "StoredWebhook[" + webhook.id() + "]";
  }
}
