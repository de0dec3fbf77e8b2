package dev.hookdesk.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A registered webhook (SPEC §5) as the delivery engine sees it. Secrets are not part of
 * it: {@link WebhookDirectory#signingSecrets} hands them out only to the signer.
 *
 * @param appId the owning integration app, or null when the workspace owns it (SPEC §8)
 * @param privatePayload {@code private}: https only, personal fields not redacted
 * @param retrySchedule delays after the first attempt; the default is SPEC §5's
 * @param appFilters an app webhook's type and filters (scope {@code app}); null for the others
 */
public record Webhook(String id, String workspaceId, String appId, String scope, String url,
    String description, List<String> events, List<String> sources, boolean privatePayload,
    Map<String, String> headers, boolean enabled, int timeoutMs, List<Duration> retrySchedule,
    Instant createdAt, Instant deletedAt, AppFilters appFilters) {
  /** The scope of the webhooks integration apps register once for every installation (SPEC §8). */
  public static final String APP_SCOPE = "app";

  public static final List<Duration> DEFAULT_RETRY_SCHEDULE = List.of(
      Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
      Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20),
      Duration.ofHours(24));

  public Webhook {
    Objects.requireNonNull(id);
    Objects.requireNonNull(workspaceId);
    Objects.requireNonNull(url);
    events = List.copyOf(events);
    sources = List.copyOf(sources);
    headers = Map.copyOf(headers);
    retrySchedule = List.copyOf(retrySchedule);
  }

  public Webhook(String id, String workspaceId, String appId, String scope, String url,
      String description, List<String> events, List<String> sources, boolean privatePayload,
      Map<String, String> headers, boolean enabled, int timeoutMs, List<Duration> retrySchedule,
      Instant createdAt, Instant deletedAt) {
    this(id, workspaceId, appId, scope, url, description, events, sources, privatePayload, headers,
        enabled, timeoutMs, retrySchedule, createdAt, deletedAt, null);
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  public boolean isApp() {
    return APP_SCOPE.equals(scope);
  }

  /** Decision webhooks are called synchronously and never queued (SPEC §6). */
  public boolean isDecision() {
    return events.contains("chat.assignment_requested");
  }
}
