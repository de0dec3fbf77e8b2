package dev.hookdesk.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated request to create or change a webhook; {@code secret} only on create,
 * {@code appFilters} only for an app's webhook.
 */
record WebhookDraft(String scope, String url, String description, List<String> events,
    List<String> sources, boolean privatePayload, Optional<String> secret,
    Map<String, String> headers, boolean enabled, int timeoutMs, List<Duration> retrySchedule,
    AppFilters appFilters) {

  boolean isDecision() {
    return events.contains(WebhookForm.DECISION_EVENT);
  }

  @Override
  public String toString() {
    return "WebhookDraft[" + scope + " " + url + " " + events + "]";
  }
}
