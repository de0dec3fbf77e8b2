package dev.hookdesk.webhooks;

import dev.hookdesk.webhooks.send.OutboundRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request a receiver gets (SPEC §5 "The request a receiver gets"): Standard Webhooks
 * headers, Hookdesk's own, and the webhook's custom headers. Used for every attempt of the
 * delivery engine and for test sends, so both look the same to a receiver.
 */
public final class SignedRequest {
  public static final String USER_AGENT = "Hookdesk-Webhooks/" + version();

  private SignedRequest() {}

  /**
   * @param eventId the {@code webhook-id}: the same on every retry, so receivers can dedupe
   * @param keys the signing keys of {@link WebhookDirectory#signingSecrets}, one signature each
   */
  public static OutboundRequest of(Webhook webhook, String eventId, String eventType,
      String deliveryId, int attempt, byte[] body, List<byte[]> keys, Instant now) {
    if (keys.isEmpty()) throw new IllegalArgumentException("no signing key for " + webhook.id());
    return of(webhook.url(), webhook.headers(), Duration.ofMillis(webhook.timeoutMs()), eventId,
        eventType, deliveryId, attempt, body, keys, now);
  }

  /** The same request for a receiver that is not a webhook (a bot agent, SPEC §6). */
  public static OutboundRequest of(String url, Map<String, String> customHeaders, Duration timeout,
      String eventId, String eventType, String deliveryId, int attempt, byte[] body,
      List<byte[]> keys, Instant now) {
    if (keys.isEmpty()) throw new IllegalArgumentException("no signing key for " + url);
    long timestamp = now.getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>(customHeaders);
    headers.put("webhook-id", eventId);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", Signer.header(keys, eventId, timestamp, body));
    headers.put("content-type", "application/json; charset=utf-8");
    headers.put("user-agent", USER_AGENT);
    headers.put("hookdesk-event-type", eventType);
    headers.put("hookdesk-delivery-id", deliveryId);
    headers.put("hookdesk-attempt", Integer.toString(attempt));
    return new OutboundRequest(url, headers, body, timeout);
  }

  private static String version() {
    String v = SignedRequest.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
