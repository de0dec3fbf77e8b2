package dev.hookdesk.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A webhook as the API shows it: the secret and the custom header values masked, the retry
 * schedule in its notation.
 */
public record WebhookView(String id, String scope, String url, String description, List<String> events,
    List<String> sources, @JsonProperty("private") boolean privatePayload, String secret,
    Map<String, String> headers, boolean enabled, String disabledReason, int timeoutMs,
    List<String> retrySchedule, String appId, Instant createdAt, Instant updatedAt,
    Instant deletedAt, String deletedBy) {

  static WebhookView of(StoredWebhook s, String maskedSecret) {
    Webhook w = s.webhook();
    return new WebhookView(w.id(), w.scope(), w.url(), w.description(), w.events(), w.sources(),
        w.privatePayload(), maskedSecret, CustomHeaders.masked(w.headers()), w.enabled(),
        s.disabledReason(), w.timeoutMs(), RetrySchedule.format(w.retrySchedule()), w.appId(), w.createdAt(),
        s.updatedAt(), w.deletedAt(), s.deletedBy());
  }

  /** {@code GET /webhooks/{id}/secret}: the only answer that reveals secrets. */
  public record Secret(String secret, String previousSecret, Instant previousSecretExpiresAt) {
    @Override
    public String toString() {
      return "Secret[****]";
    }
  }

  /** {@code POST /webhooks/{id}/secret/rotate}: masked, as everywhere but {@code /secret}. */
  public record Rotated(String secret, Instant previousSecretExpiresAt) {}
}
